"""`vlogkit bank ...` through the real entry point: add, list/search, review, export with audiences, import."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.quotes.helpers import make_transcript

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services import App
from vlogkit.services.library import ImportOptions

TEXT = """Bonjour à tous, je m'appelle Julien et je filme ça avec mon téléphone.
Je suis convaincu que la sécurité, ce n'est pas une affaire de règlement, c'est une affaire de respect.
La réunion est déplacée à jeudi, quatorze heures, en salle trois.
Ce que j'ai appris, c'est qu'une équipe qui ose dire stop est toujours plus forte qu'une équipe qui se tait.
Voilà, c'est tout pour moi. À bientôt!"""


@pytest.fixture
def vlog_id(home: Path, synth) -> str:  # noqa: ANN001
    video = synth("bank_cli.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=10:d=30", "-f", "lavfi", "-i",
                  "sine=f=300:d=30", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                  "-shortest")
    app = App(Paths(home))
    speaker = Speaker("Julien Lefèvre", "Chef d'équipe", "Production", "Usine Charleroi")
    r = app.library.import_file(video, ImportOptions(speaker=speaker, consent=ConsentScope.EXTERNAL, language="fr"))
    app.transcription.save(r.vlog.id, make_transcript(TEXT, "fr"))
    return r.vlog.id


def test_add_search_review_and_export_for_each_audience(cli, vlog_id: str, tmp_path: Path) -> None:  # noqa: ANN001
    r = cli("bank", "add", vlog_id, "--candidate", "1", "--tag", "équipe", "--json")
    assert r.returncode == 0, r.stderr
    q1 = r.json()
    assert q1["id"].startswith("q") and q1["status"] == "candidate" and q1["tags"] == ["équipe"]
    assert q1["speaker"]["name"] == "Julien Lefèvre" and q1["effective_consent"] == "external"
    top = cli("quotes", vlog_id, "--json").json()[0]
    assert q1["text"] == top["text"] and q1["start_s"] == top["start"]

    r2 = cli("bank", "add", vlog_id, "--candidate", "2")
    q2 = r2.stdout.strip()  # stdout is the id alone (scripts); stderr tells a person what it means
    assert q2.startswith("q") and q2 != q1["id"]
    assert f"Saved {q2} as a candidate" in r2.stderr and f"vlogkit bank approve {q2}" in r2.stderr
    assert cli("bank", "edit", q2, "--consent", "internal").returncode == 0

    found = cli("bank", "search", "REGLEMENT", "--json").json()  # accents and case ignored
    assert len(found) == 1 and "règlement" in found[0]["text"]
    found = cli("bank", "search", "EQUIPE", "--json").json()  # q1's tag, and the other quote's text
    assert {q["id"] for q in found} == {q1["id"], q2}
    assert len(cli("bank", "list", "--json").json()) == 2
    # candidates stay in until reviewed: the external audience gets nothing before `bank approve`
    assert cli("bank", "list", "--audience", "external", "--json").json() == []
    r = cli("bank", "export", "--format", "md", "--out", str(tmp_path / "early.md"), "--audience", "external")
    assert r.returncode == 1 and "not approved yet" in r.stderr and not (tmp_path / "early.md").exists()
    # what to do names the quote it is for: q2 is for internal use only, q1 waits for a review
    assert f"export with --audience internal; review {q1['id']}, then `vlogkit bank approve {q1['id']}`" in r.stderr
    approved = cli("bank", "approve", q1["id"], "--by", "Press Office", "--json").json()[0]
    assert approved["status"] == "approved" and approved["approved_by"] == "Press Office" and approved["approved_at"]
    assert "approved by Press Office" in cli("bank", "list").stdout
    assert [q["id"] for q in cli("bank", "list", "--audience", "external", "--json").json()] == [q1["id"]]
    listing = cli("bank", "list").stdout
    assert "«\u00a0Je suis convaincu" in listing and "- Julien Lefèvre, Chef d'équipe - Production (Usine Charleroi)" in listing

    # the deck's order: newest first by default, as added, or approved first
    for order, first in (("newest", q2), ("added", q1["id"]), ("approved", q1["id"])):
        r = cli("bank", "export", "--format", "csv", "--order", order, "--out", str(tmp_path / f"{order}.csv"))
        assert r.returncode == 0, r.stderr
        assert (tmp_path / f"{order}.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith(first), order
    out = tmp_path / "ext.pptx"
    r = cli("bank", "export", "--format", "pptx", "--out", str(out), "--audience", "external")
    assert r.returncode == 0, r.stderr
    assert out.exists() and f"Exported 1 quote to {out}" in r.stdout
    assert f"left out 1 quote for the external audience: {q2}: this quote is cleared for internal use only" in r.stderr

    assert cli("bank", "reject", q1["id"]).returncode == 0
    r = cli("bank", "export", "--format", "csv", "--out", str(tmp_path / "x.csv"), "--audience", "external")
    assert r.returncode == 1 and "Nothing to export for the external audience: left out 2 quotes" in r.stderr
    assert f"`vlogkit bank approve {q1['id']}` if it was rejected by mistake" in r.stderr  # and what to do
    assert not (tmp_path / "x.csv").exists()

    r = cli("bank", "export", "--format", "cards", "--out", str(tmp_path / "cards"))
    assert r.returncode == 0 and len(list((tmp_path / "cards").glob("*.png"))) == 2  # q2 only, both sizes
    assert "earlier cards" not in r.stdout
    again = cli("bank", "export", "--format", "cards", "--out", str(tmp_path / "cards"))  # never over the first ones
    assert again.returncode == 0 and len(list((tmp_path / "cards").glob("*.png"))) == 4
    assert "2 of the 2 PNG files are next to earlier cards of the same quotes, which are kept: the new ones end in " \
           "-2.png" in again.stdout

    # for Excel with Belgian settings: semicolons between the cells, the text's commas inside its cell
    r = cli("bank", "export", "--format", "csv", "--separator", "semicolon", "--out", str(tmp_path / "be.csv"))
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "be.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("id;text;copy_text;speaker;")
    [row] = csv.DictReader(io.StringIO(text), delimiter=";")  # q1 was rejected: q2 alone
    [said] = [q["text"] for q in cli("bank", "list", "--json").json() if q["id"] == q2]
    assert row["id"] == q2 and row["text"] == said and "," in said and row["team"] == "Production"  # commas kept
    r = cli("bank", "export", "--format", "md", "--separator", "semicolon", "--out", str(tmp_path / "s.md"))
    assert r.returncode == 2 and "--separator is for --format csv" in r.stderr and not (tmp_path / "s.md").exists()


def test_a_quote_whose_speaker_consented_to_internal_use_only_is_never_promised_external_use(
        cli, vlog_id: str, tmp_path: Path) -> None:  # noqa: ANN001
    assert cli("edit", vlog_id, "--consent", "internal").returncode == 0
    r = cli("bank", "add", vlog_id, "--candidate", "1")
    qid = r.stdout.strip()
    assert f"Saved {qid} as candidate, for internal use only: consent is for internal use only" in r.stderr
    assert f"`vlogkit edit {vlog_id} --consent external`" in r.stderr and "once approved" not in r.stderr
    r = cli("bank", "approve", qid, "--by", "Press Office")
    assert r.returncode == 0 and f"{qid} is approved, but for internal use only" in r.stderr
    r = cli("bank", "export", "--format", "pptx", "--out", str(tmp_path / "ext.pptx"), "--audience", "external")
    assert r.returncode == 1 and "consent is for internal use only" in r.stderr
    assert f"`vlogkit edit {vlog_id} --consent external`" in r.stderr  # the refusal says what to do
    assert not (tmp_path / "ext.pptx").exists()


def test_tag_remove_range_and_import(cli, vlog_id: str, tmp_path: Path) -> None:  # noqa: ANN001
    q = cli("bank", "add", vlog_id, "--start", "0", "--end", "3", "--status", "candidate", "--json").json()
    assert q["status"] == "candidate" and q["verbatim"].startswith("Bonjour")
    assert cli("bank", "tag", q["id"], "roadshow", "--json").json()["tags"] == ["roadshow"]
    shared = tmp_path / "share.json"
    assert cli("bank", "export", "--format", "json", "--out", str(shared)).returncode == 0
    assert cli("bank", "remove", q["id"]).returncode == 0
    r = cli("bank", "import", str(shared))
    assert r.returncode == 0 and "1 new, 0 updated, 0 unchanged" in r.stdout
    assert "0 new, 0 updated, 1 unchanged" in cli("bank", "import", str(shared)).stdout


def test_bad_input_gives_one_line_errors(cli, vlog_id: str, tmp_path: Path) -> None:  # noqa: ANN001
    for args, code, text in [
        (("bank", "add", vlog_id, "--candidate", "42"), 2, "no rank 42"),
        (("bank", "add", vlog_id, "--start", "1"), 2, "--start needs --end"),
        (("bank", "approve", "qnope"), 1, "No quote with id 'qnope'"),
        (("bank", "export", "--format", "md", "--out", str(tmp_path / "e.md")), 1, "No quotes match"),
        (("bank", "import", str(tmp_path / "missing.json")), 2, "does not exist"),
    ]:
        r = cli(*args)
        assert r.returncode == code, (args, r.stderr)
        assert text in r.stderr and "Traceback" not in r.stderr
    # a vlog id where a quote id belongs: say so, and which quotes it has (a new user's first mix-up)
    r = cli("bank", "approve", vlog_id)
    assert r.returncode == 1 and f"'{vlog_id}' is a vlog, not a quote" in r.stderr
    assert f"vlogkit bank add {vlog_id} --candidate 1" in r.stderr
    qid = cli("bank", "add", vlog_id, "--candidate", "1").stdout.strip()
    r = cli("bank", "reject", vlog_id)
    assert r.returncode == 1 and f"its quotes in the bank are {qid}" in r.stderr
    # saving the same line twice saves nothing new, and says so
    again = cli("bank", "add", vlog_id, "--candidate", "1")
    assert again.returncode == 0 and again.stdout.strip() == qid
    assert f"{qid} was already in the bank, as candidate: nothing new was saved." in again.stderr


def test_a_word_fixed_with_vlogkit_fix_reaches_the_bank_and_undo_takes_it_back(  # noqa: ANN001
    cli, home: Path, vlog_id: str, tmp_path: Path
) -> None:
    # by their text, not by the finder's order of the vlog's two good lines
    ranks = {c["text"][:12]: str(i) for i, c in enumerate(cli("quotes", vlog_id, "--json").json(), 1)}
    q1 = cli("bank", "add", vlog_id, "--candidate", ranks["Ce que j'ai "], "--json").json()
    q2 = cli("bank", "add", vlog_id, "--candidate", ranks["Je suis conv"]).stdout.strip()
    edited = "La sécurité, c'est une affaire de respect."
    assert cli("bank", "edit", q2, "--text", edited).returncode == 0
    words = App(Paths(home)).transcription.require(vlog_id).words
    at = {w.text: f"{(w.start + w.end) / 2000:.3f}" for w in words}

    r = cli("fix", vlog_id, at["stop"], "non")
    assert r.returncode == 0, r.stderr
    assert f"Bank quote {q1['id']} now reads «\u00a0Ce que j'ai appris, c'est qu'une équipe qui ose dire non est" in r.stdout
    shown = {q["id"]: q["text"] for q in cli("bank", "list", "--json").json()}
    assert "qui ose dire non est toujours" in shown[q1["id"]] and shown[q2] == edited
    md = tmp_path / "bank.md"
    assert cli("bank", "export", "--format", "md", "--out", str(md)).returncode == 0
    assert "qui ose dire non est toujours plus forte" in md.read_text(encoding="utf-8")

    r = cli("fix", vlog_id, at["règlement,"], "règles")  # in the quote whose text was edited in the bank
    assert r.returncode == 0 and f"bank quote {q2} was edited in the bank and keeps its text" in r.stderr
    assert {q["id"]: q["text"] for q in cli("bank", "list", "--json").json()}[q2] == edited

    assert cli("fix", vlog_id, at["stop"], "stop").returncode == 0  # the recognised word: the fix taken back
    assert {q["id"]: q["text"] for q in cli("bank", "list", "--json").json()}[q1["id"]] == q1["text"]


def test_ids_and_messages_reach_a_shared_log_in_order(home: Path, vlog_id: str) -> None:
    """`vlogkit bank add ... 2>&1 | tee log`: stdout is block-buffered in a pipe, so the id used to land after the
    message that names it (at exit); stderr now flushes stdout first."""
    env = dict(os.environ, VLOGKIT_HOME=str(home))
    env.pop("PYTHONUNBUFFERED", None)  # as in a user's shell
    proc = subprocess.run([sys.executable, "-m", "vlogkit", "bank", "add", vlog_id, "--candidate", "1"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stdout
    lines = proc.stdout.splitlines()
    qid = lines[0]
    assert qid.startswith("q") and " " not in qid, lines
    assert lines[1].startswith(f"Saved {qid} as a candidate"), lines


def test_quotes_read_in_the_apps_language_with_the_vlogs_own_quotation_marks(cli, home: Path, vlog_id: str) -> None:  # noqa: ANN001
    """A Flemish comms officer's trial: a French vlog's `quotes` listed French reasons under an English header, in
    English quotation marks. The reasons now read in the app's language (as in the app), the quote in « »."""
    from dataclasses import replace

    from vlogkit.quotes.reasons import phrase

    app = App(Paths(home))
    app.settings = replace(app.settings, ui_language="nl")
    app.save_settings()
    top = cli("quotes", vlog_id, "--json", "--top", "1").json()[0]
    assert top["language"] == "fr"
    lines = cli("quotes", vlog_id, "--top", "1").stdout.splitlines()
    assert f"«\u00a0{top['text']}\u00a0»" in lines[1]
    for x in top["reasons"]:  # the JSON keeps the finder's own words; the listing says them in Dutch
        assert f"{phrase(x['code'], 'nl', x.get('words', ''))} {x['points']:+d}" in "\n".join(lines[2:])
