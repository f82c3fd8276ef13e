"""`vlogkit keep`, `vlogkit confirm`, and the words to check in `transcribe`, `quotes` and `export` (no model: the
transcript is stored through the service, the commands run in a subprocess on the same library)."""

from __future__ import annotations

from vlogkit.domain import ConsentScope, Segment, Transcript, Word
from vlogkit.services.library import ImportOptions


def seg(start: int, text: str, lang: str, p: float = 0.95, flag: str = "") -> Segment:
    words = tuple(Word(t, start + i * 300, start + i * 300 + 260, p, language=lang) for i, t in enumerate(text.split()))
    return Segment(words[0].start, words[-1].end, words, "", lang, flag)


TRANSCRIPT = Transcript((
    seg(0, "Ik ben ervan overtuigd dat je dit werk niet doet voor het loon, maar voor de mensen.", "nl"),
    seg(5000, "Ik ben ervan overtuigd dat die klote machine ons hele team sterker heeft gemaakt.", "nl"),
    seg(10000, "Bonjour à tous les collègues de Namur.", "fr"),
    seg(13000, "Sous-titrage ST' 501", "fr", 0.5, "credit"),
), "nl", 15000, model="scripted")


def test_keep_confirm_and_the_words_to_check(cli, app, synth) -> None:  # noqa: ANN001
    video = synth("flags16.mp4", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=16", "-f", "lavfi", "-i",
                  "sine=f=300:d=16", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                  "-shortest")
    r = app.library.import_file(video, ImportOptions(consent=ConsentScope.EXTERNAL))
    vid = r.vlog.id
    app.transcription.save(vid, TRANSCRIPT)
    show = cli("show", vid)
    assert "detected nl + fr" in show.stdout, show.stderr
    srt = cli("subtitles", vid, "--format", "srt").stdout
    assert "Bonjour" in srt and "Sous-titrage" not in srt  # held back until kept

    res = cli("keep", vid, "3")
    assert res.returncode == 2 and "No segment held back" in res.stderr and "13.0-13.9 s" in res.stderr
    res = cli("keep", vid, "13.5")
    assert res.returncode == 0 and "Sous-titrage" in cli("subtitles", vid, "--format", "srt").stdout
    assert "[held back" not in res.stdout
    assert cli("keep", vid, "13.5", "--undo").returncode == 0
    assert "Sous-titrage" not in cli("subtitles", vid, "--format", "srt").stdout

    quotes = cli("quotes", vid, "--top", "5", "--json").json()
    rude = [c for c in quotes if "klote" in c["text"]]
    assert rude and rude[0]["check"] == [{"text": "klote", "start": 6.8}]
    res = cli("export", vid, "--range", "5:9", "--dry-run")
    assert "check these words before an external export: 'klote' (6.8 s)" in res.stderr
    res = cli("confirm", vid, "6.9")
    assert res.returncode == 0 and "klote" in res.stdout and "confirmed" in res.stdout
    assert [c["check"] for c in cli("quotes", vid, "--json").json() if "klote" in c["text"]] == [[]]
    res = cli("confirm", vid, "1")
    assert res.returncode == 2 and "No word to check at 1 s" in res.stderr


def test_process_lines_cut_a_long_quote_at_a_word_with_an_ellipsis() -> None:
    """`vlogkit process` printed `#1 "Ik geloof ... voeren. We"`: cut mid-thought, no sign that text is missing."""
    from vlogkit.cli.output import short_text

    quote = "Ik geloof in deze dialog en we zullen deze dialog voeren. We zullen de uitkomsten afwachten."
    line = short_text(quote)
    assert line == "Ik geloof in deze dialog en we zullen deze dialog voeren. …"
    assert short_text("We zullen de uitkomsten op deze weg te reinen afwachten, zei hij toen.", 40) == (
        "We zullen de uitkomsten op deze weg te…")
    assert short_text("Short and whole.") == "Short and whole."
    assert short_text("a" * 80).endswith("…") and len(short_text("a" * 80)) <= 60


def test_edit_help_says_how_to_withdraw_consent(cli) -> None:  # noqa: ANN001
    """The README says withdrawn consent allows nothing; `vlogkit edit --consent withdrawn` was refused and the help
    listed `{none,internal,external}` with no word on which one withdraws."""
    r = cli("edit", "--help")
    assert r.returncode == 0
    text = " ".join(r.stdout.split())
    assert "none = withdrawn" in text
    assert "job title" in text and "team or department" in text
