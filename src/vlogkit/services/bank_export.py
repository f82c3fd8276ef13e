"""Writing bank exports: PPTX deck, PNG cards, CSV, Markdown, JSON, and the words a card or slide may not show yet.
Called by `BankService.export`."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.catalogue import say
from vlogkit.config import app_language, csv_separator
from vlogkit.domain import Quote, Vlog
from vlogkit.domain.times import format_span
from vlogkit.errors import N_, Phrase, VlogkitError
from vlogkit.failpoints import failpoint
from vlogkit.fileutil import (
    atomic_write_bytes,
    check_output_file,
    check_output_folder,
    export_mode,
    safe_filename,
    unique_path,
)
from vlogkit.jobs import JobContext

if TYPE_CHECKING:
    from vlogkit.services.app import App
    from vlogkit.services.bank import BankService, ExportReport

log = logging.getLogger(__name__)

SUFFIXES = {"pptx": ".pptx", "csv": ".csv", "md": ".md", "json": ".json"}


def words_to_confirm(app: App, quote: Quote, audience: str, fmt: str, vlogs: dict[str, Vlog]) -> str:
    """Why a card or slide may not show `quote` yet: a swear word or slur nobody confirmed ("" when none)."""
    if fmt not in ("cards", "pptx"):
        return ""
    from vlogkit.errors import UnconfirmedWordError
    from vlogkit.services.wordcheck import require_confirmed

    if audience != "external":
        return ""
    transcript = app.transcription.get(quote.vlog_id) if quote.vlog_id in vlogs else None
    words = transcript.words_between(quote.start, quote.end) if transcript is not None else ()
    try:
        require_confirmed(audience, words, vlog_id=quote.vlog_id, what=Phrase(N_("Quote {qid}"), qid=quote.id),
                          text=quote.text, language=quote.language)
    except UnconfirmedWordError as exc:
        return str(exc)
    return ""


# what a deck or a Markdown file says of itself, in the app's language (Settings > Language, else the system's)
_TITLES = {"internal": N_("Quotes for internal use"), "external": N_("Quotes cleared for external use")}
_COUNTS = {"internal": (N_("1 quote · for internal use · {date}"), N_("{n} quotes · for internal use · {date}")),
           "external": (N_("1 quote · cleared for external use · {date}"),
                        N_("{n} quotes · cleared for external use · {date}"))}


def deck_language(bank: BankService) -> str:
    return app_language(bank.app.settings.ui_language)


def write_export(
    bank: BankService, fmt: str, out: Path, audience: str, quotes: list[Quote], vlogs: dict[str, Vlog],
    ctx: JobContext, title: str, separator: str = "",
) -> ExportReport:
    from vlogkit.render.bank_formats import Row
    from vlogkit.services.bank import ExportReport, now

    rows = [Row(q, bank.effective_scope(q, vlogs), bank.vlog_consent(q, vlogs)) for q in quotes]
    if fmt == "cards":
        files = _cards(bank, out, rows, bank.app.consent.watch(ctx, sorted({q.vlog_id for q in quotes})), audience)
        return ExportReport(out, len(rows), files=files)
    if out.exists() and out.is_dir():
        raise VlogkitError(N_("{path} is a folder: give a file name for --out (only --format cards takes a folder)."),
                           path=out)
    check_output_file(out)
    if not out.suffix:
        out = out.with_suffix(SUFFIXES[fmt])
    target = unique_path(out)
    title = title or say(_TITLES["internal" if audience == "internal" else "external"], deck_language(bank))
    failpoint("bank_export.before_write")
    if fmt == "pptx":
        _deck(bank, target, rows, vlogs, ctx, title, audience, quotes)
    else:
        from vlogkit.render import bank_formats as bf

        if fmt == "csv":
            data = bf.to_csv(rows, audience, separator or csv_separator(bank.app.settings))
        elif fmt == "md":
            data = bf.to_markdown(rows, title, audience, deck_language(bank)).encode("utf-8")
        else:
            data = bf.to_json(rows, audience=audience, exported=now()).encode("utf-8")
        bank.app.consent.require_quotes_current(quotes, audience)  # right before the file appears
        atomic_write_bytes(target, data, mode=export_mode(), replace=False)
    ctx.report(1.0, "Exported")
    return ExportReport(target, len(rows), files=[target])


def _cards(bank: BankService, folder: Path, rows: list, ctx: JobContext, audience: str) -> list[Path]:  # noqa: ANN001
    from vlogkit.render.cards import CARD_SIZES, render_card

    if folder.exists() and not folder.is_dir():
        raise VlogkitError(N_("{path} is a file: --format cards writes PNG files into a folder; give a folder."),
                           path=folder)
    check_output_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    brand = bank.app.settings.brand_color
    files: list[Path] = []
    vlog_ids: set[str] = set()
    total = len(rows) * len(CARD_SIZES)
    try:
        for i, row in enumerate(rows):
            q = row.quote
            stem = f"{safe_filename(q.id, 40, 'quote')}-{safe_filename(q.speaker.name or 'quote', 40)}"
            for j, size in enumerate(CARD_SIZES.values()):
                ctx.raise_if_cancelled()
                ctx.report((i * len(CARD_SIZES) + j) / total, f"Card {i + 1} of {len(rows)}")
                target = unique_path(folder / f"{stem}-{size[0]}x{size[1]}.png")
                render_card(q.text, q.speaker.attribution(), target, size=size, brand_color=brand,
                            company=q.speaker.company, language=q.language)
                files.append(target)
                vlog_ids.add(q.vlog_id)
    except BaseException:
        if files:  # whole cards already out: log them, so `vlogkit log` and `forget` know where they are
            bank.app.export_log.record(
                "bank-cards", vlog_ids=sorted(vlog_ids), outputs=[str(f) for f in files], audience=audience,
                detail=f"incomplete: {len(files)} of {total} card(s) written before the export stopped")
        raise
    return files


def _deck(
    bank: BankService, target: Path, rows: list, vlogs: dict[str, Vlog], ctx: JobContext, title: str,  # noqa: ANN001
    audience: str, quotes: list[Quote],
) -> None:
    import datetime as dt

    from vlogkit.render.slides import SlideItem, build_deck, grab_still

    with tempfile.TemporaryDirectory(prefix="vlogkit-stills-") as tmp:
        items = []
        for i, row in enumerate(rows):
            ctx.raise_if_cancelled()
            ctx.report(0.9 * i / len(rows), f"Slide {i + 1} of {len(rows)}")
            q = row.quote
            still = Path(tmp) / f"{safe_filename(q.id, 40, 'quote')}-{i}.jpg"
            image = _still(bank, q, vlogs.get(q.vlog_id), still, grab_still)
            note = f"{q.id} - vlog {q.vlog_id}, {format_span(q.start, q.end)} - consent {row.scope.value}"
            note += (f" - approved by {q.approved_by} on {q.approved_at[:10]}" if q.approved_by
                     else f" - {q.status.value}")
            items.append(SlideItem(q.text, q.speaker.attribution(), q.speaker.company, image, note, q.language))
        n = len(rows)
        one, many = _COUNTS["internal" if audience == "internal" else "external"]
        subtitle = say(one if n == 1 else many, deck_language(bank), n=n, date=dt.date.today().isoformat())
        ctx.report(0.95, "Writing the deck")
        bank.app.consent.require_quotes_current(quotes, audience)  # right before the deck appears
        build_deck(items, target, title=title, subtitle=subtitle, brand_color=bank.app.settings.brand_color,
                   author=bank.app.user)


def _still(bank: BankService, q: Quote, vlog: Vlog | None, dest: Path, grab) -> Path | None:  # noqa: ANN001
    """A frame of the speaker at the quote's time, when the vlog has video and its file is still there."""
    if vlog is None or not vlog.media.has_video or not Path(vlog.path).exists():
        return None
    at = q.start + (q.end - q.start) * 2 // 5
    try:
        return grab(bank.app.ffmpeg, Path(vlog.path), at, dest)
    except VlogkitError as exc:  # a still is a nicety: the slide works without it
        log.warning("no speaker still for %s: %s", q.id, exc)
        return None


__all__ = ["write_export"]
