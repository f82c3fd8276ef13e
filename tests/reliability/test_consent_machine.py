"""A stateful property test over what people do to consent and quotes: imports, consent edits (with expiry and
withdrawal), quote adds, edits, approvals and rejections, quote caps, bank imports (honest and hostile files),
vlog removal, and exports through every path (pptx, cards, csv, md, json, clips).

The property: no exported artifact ever holds content that the clearance rule, applied at the moment of export,
would refuse - and, as a second, rule-independent check, nothing goes to the external audience without a vlog in
this library with external consent and an approved quote.

Kept fast: two 6 s synthetic vlogs, scripted transcripts, few short examples; clip exports are capped per run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, precondition, rule

from tests.quotes.helpers import make_transcript
from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, QuoteStatus, QuoteUse, Speaker, Vlog, clearance
from vlogkit.errors import ConsentError, VlogkitError
from vlogkit.services import App
from vlogkit.services.library import ImportOptions

TEXTS = {
    "ann": "Ann says the night shift found the leak before anyone else.\nShe is proud of her whole team.",
    "bo": "Bo says the new dashboard saves every planner an hour a day.\nCustomers noticed it within a week.",
}
FORMATS = ("csv", "md", "json", "pptx", "cards")


@cache
def _video(name: str, freq: int) -> Path:
    from vlogkit.media.ffmpeg import find_ffmpeg

    out = Path(tempfile.gettempdir()) / f"vlogkit-machine-{name}.mp4"
    if not out.exists():
        subprocess.run([find_ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        "testsrc2=s=96x64:r=10:d=6", "-f", "lavfi", "-i", f"sine=f={freq}:d=6", "-c:v", "libx264",
                        "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(out)],
                       check=True)
    return out


def _exported_ids(fmt: str, files: list[Path]) -> dict[str, str]:
    """quote id -> the text the artifact shows, read back from the file(s) themselves."""
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(files[0].read_text(encoding="utf-8-sig"))))
        return {r["id"]: r["text"] for r in rows}
    if fmt == "json":
        return {q["id"]: q["text"] for q in json.loads(files[0].read_text(encoding="utf-8"))["quotes"]}
    if fmt == "md":
        text = files[0].read_text(encoding="utf-8")
        return {line.split(" ")[0]: line for line in text.splitlines() if " · consent: " in line}
    if fmt == "pptx":
        from pptx import Presentation

        prs = Presentation(str(files[0]))
        out = {}
        for slide in list(prs.slides)[1:]:
            qid = slide.notes_slide.notes_text_frame.text.split(" ")[0]
            out[qid] = next(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
        return out
    return {f.name.split("-")[0]: "" for f in files}  # cards: one file per quote and size, named by the quote


class ConsentMachine(RuleBasedStateMachine):
    vlogs = Bundle("vlogs")
    quotes = Bundle("quotes")

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="vlogkit-machine-"))
        self.app = App(Paths(self.tmp / "home"))
        self.out = self.tmp / "out"
        self.clips = 0
        self.n = 0
        self.shared: list[Path] = []

    @initialize(target=quotes)
    def a_reviewed_quote(self) -> str:
        """Start from what comms does most: a vlog with external consent and one approved quote from it."""
        vid = self.import_vlog("ann", ConsentScope.EXTERNAL)
        qid = self.add_quote(vid, 0)
        self.app.bank.approve([qid], by="Press")
        return qid

    def teardown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _now_vlogs(self) -> dict[str, Vlog]:
        return {v.id: v for v in self.app.vlogs.all()}

    def _target(self, suffix: str) -> Path:
        self.n += 1
        return self.out / f"x{self.n}{suffix}"

    # -- the library -------------------------------------------------------------------------------------

    @rule(target=vlogs, who=st.sampled_from(sorted(TEXTS)), scope=st.sampled_from(list(ConsentScope)))
    def import_vlog(self, who: str, scope: ConsentScope) -> str:
        r = self.app.library.import_file(_video(who, 300 if who == "ann" else 500),
                                         ImportOptions(speaker=Speaker(who.title()), consent=scope, language="en"))
        assert r.ok, r.error
        self.app.transcription.save(r.vlog.id, make_transcript(TEXTS[who]))
        return r.vlog.id

    @rule(vid=vlogs, scope=st.one_of(st.none(), st.sampled_from(list(ConsentScope))),
          expiry=st.sampled_from(["keep", "never", "past", "future"]))
    def edit_consent(self, vid: str, scope: ConsentScope | None, expiry: str) -> None:
        today = self.app.consent.today()
        expires = {"keep": None, "never": "", "past": (today - dt.timedelta(days=2)).strftime("%Y%m%d"),
                   "future": (today + dt.timedelta(days=30)).isoformat()}[expiry]
        try:
            self.app.library.edit(vid, consent=scope, consent_expires=expires)
        except VlogkitError:
            assert vid not in self._now_vlogs()

    @rule(vid=vlogs)
    def remove_vlog(self, vid: str) -> None:
        if vid in self._now_vlogs():
            self.app.library.remove(vid)

    # -- quotes --------------------------------------------------------------------------------------------

    @rule(target=quotes, vid=vlogs, line=st.integers(0, 1))
    def add_quote(self, vid: str, line: int) -> str:
        try:
            t = self.app.transcription.get(vid)
        except VlogkitError:
            return "qgone234"
        if t is None:
            return "qgone234"
        seg = t.segments[line]
        known = {q.id for q in self.app.bank.list()}
        q = self.app.bank.add_range(vid, seg.start, seg.end)
        assert q.id in known or q.status is QuoteStatus.CANDIDATE  # the bank takes candidates
        return q.id

    @rule(qid=quotes, action=st.sampled_from(["approve", "reject", "candidate", "edit", "cap-internal", "cap-none",
                                              "cap-external"]))
    def review(self, qid: str, action: str) -> None:
        try:
            before = self.app.bank.get(qid)
        except VlogkitError:
            return
        try:
            if action == "approve":
                q = self.app.bank.approve([qid], by="Press")[0]
                assert q.status is QuoteStatus.APPROVED and q.approved_by == "Press" and q.approved_at
            elif action in ("reject", "candidate"):
                self.app.bank.update(qid, status="rejected" if action == "reject" else "candidate")
            elif action == "edit":
                q = self.app.bank.update(qid, text=before.text + " Really.")
                assert q.status is not QuoteStatus.APPROVED  # a new text is reviewed again
            else:
                self.app.bank.update(qid, consent=action[4:])
        except ConsentError:
            assert action == "cap-internal" or action == "cap-external"  # a cap can narrow, never widen

    @rule(tamper=st.sampled_from(["honest", "claims", "later-stamp"]))
    def bank_import(self, tamper: str) -> None:
        """A colleague's file: what this bank exported, or that file claiming external consent and approval, or
        a later edit stamp with other words."""
        quotes = self.app.bank.list()
        if not quotes:
            return
        f = self.tmp / f"share{self.n}.json"
        self.n += 1
        doc = {"format": "vlogkit-bank", "version": 1, "quotes": []}
        for q in quotes:
            d = q.to_dict()
            if tamper != "honest":
                d.update(status="approved", consent="external",
                         source_consent={"scope": "external", "date": "2026-01-01", "expires": ""})
            if tamper == "later-stamp":
                d.update(text="Words nobody said.", updated="2999-01-01T00:00:00+00:00",
                         speaker={"name": "Somebody Else"})
            d.pop("proposals", None)
            doc["quotes"].append(d)
        f.write_text(json.dumps(doc), encoding="utf-8")
        before = {q.id: (q.status, q.text, q.speaker, q.consent) for q in quotes}
        self.app.bank.import_file(f)
        for q in self.app.bank.list():
            if q.id in before:
                status, text, speaker, cap = before[q.id]
                assert (q.status, q.text, q.speaker) == (status, text, speaker)  # never overridden
                assert q.consent.rank <= cap.rank  # never widened

    # -- exports through every path --------------------------------------------------------------------------

    @rule(fmt=st.sampled_from(FORMATS), audience=st.sampled_from(["internal", "external"]))
    def bank_export(self, fmt: str, audience: str) -> None:
        pool = self.app.bank.list()
        if not pool:
            return
        vlogs, now = self._now_vlogs(), self.app.consent.now()
        allowed = {q.id: q for q in pool if clearance(QuoteUse(q, vlogs.get(q.vlog_id)), audience, now).ok}
        out = self._target("" if fmt == "cards" else f".{fmt}")
        try:
            report = self.app.bank.export(fmt, out, audience=audience, quotes=pool)
        except ConsentError:
            assert not allowed, "the rule allowed quotes the export refused"
            assert not out.exists() or (out.is_dir() and not any(out.iterdir()))
            event(f"bank export {audience}: refused")
            return
        shown = _exported_ids(fmt, report.files)
        event(f"bank export {audience}: {len(shown)} of {len(pool)} out")
        assert shown and set(shown) <= set(allowed), (fmt, audience, set(shown) - set(allowed))
        for qid, text in shown.items():
            q = allowed[qid]
            if fmt in ("csv", "json"):
                assert text == q.text  # what goes out is the text as stored (and, externally, as approved)
            if audience == "external":  # rule-independent: a local vlog, external consent, approved
                v = vlogs.get(q.vlog_id)
                assert v is not None and v.consent.scope is ConsentScope.EXTERNAL
                assert q.status is QuoteStatus.APPROVED and q.consent is ConsentScope.EXTERNAL

    @precondition(lambda self: self.clips < 2)
    @rule(vid=vlogs, audience=st.sampled_from(["internal", "external"]), as_quote=st.booleans())
    def clip_export(self, vid: str, audience: str, as_quote: bool) -> None:
        vlogs, now = self._now_vlogs(), self.app.consent.now()
        vlog = vlogs.get(vid)
        if vlog is None:
            return
        quote = next((q for q in self.app.bank.list() if q.vlog_id == vid), None) if as_quote else None
        rng = (quote.start, quote.end) if quote else (500, 1500)
        subject = QuoteUse(quote, vlog) if quote else vlog
        allowed = clearance(subject, audience, now).ok
        self.clips += 1
        folder = self._target("-clips")
        try:
            self.app.consent.require_clip(vlog, [rng], audience, quote)  # as `vlogkit export --quote` asks first
            result = self.app.export.export(self.app.export.request(
                vid, ranges=[rng], presets=["96x96"], captions="line", audience=audience, out_dir=folder,
                loudness=-16.0, quote_id=quote.id if quote else None))
        except ConsentError:
            assert not allowed, "the rule allowed a clip the export refused"
            assert not folder.exists() or not any(folder.iterdir())
            event(f"clip {audience}: refused")
            return
        event(f"clip {audience}: exported")
        assert allowed, f"a clip of {vid} went to the {audience} audience against the rule"
        assert result.outputs and all(o.path.exists() for o in result.outputs)
        if audience == "external":
            assert vlog.consent.scope is ConsentScope.EXTERNAL

    @invariant()
    def no_partial_files(self) -> None:
        if hasattr(self, "out") and self.out.exists():
            assert not [p for p in self.out.rglob(".*") if p.is_file()], "a temporary file was left behind"


ConsentMachine.TestCase.settings = settings(max_examples=8, stateful_step_count=30, deadline=None,
                                            suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.filter_too_much])
TestConsentMachine = pytest.mark.filterwarnings("ignore::DeprecationWarning")(ConsentMachine.TestCase)
