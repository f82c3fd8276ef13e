"""Property-based tests (hypothesis) for the pure parts: whatever people say and however Whisper times it, captions,
subtitles, sentences, quote ranges, file names and search behave.

Each property is a promise a user would notice when broken: a caption with three lines or a word cut in half, a
subtitle file a player reads at the wrong time, a caption that swallows what someone said as a formatting tag, a
quote clip that starts in the middle of a word, a file written outside the export folder, a search for "een" that
misses "één".
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pysubs2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vlogkit.domain import Word
from vlogkit.domain.export import PRESETS, CaptionStyle
from vlogkit.fileutil import safe_filename
from vlogkit.quotes import clip_range
from vlogkit.quotes.search import relevance
from vlogkit.quotes.sentences import build_sentences
from vlogkit.quotes.text import fold, tokens
from vlogkit.render.ass import LowerThird, build_ass, escape_text
from vlogkit.render.caption_rules import CaptionProfile
from vlogkit.render.captions import build_cues, events_for
from vlogkit.render.naming import base_name, reserve_stems
from vlogkit.render.subtitles import format_timestamp, to_srt, to_vtt

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- strategies ----------------------------------------------------------------------------------------------

_letters = "abcdefghijklmnopqrstuvwxyzéèëïôçÉ"
token_st = st.one_of(
    st.text(alphabet=_letters, min_size=1, max_size=12),
    st.text(alphabet=_letters, min_size=1, max_size=10).map(lambda s: s + st_punct_choice(s)),
    st.text(alphabet=_letters + "{}\\<>&,.?!-'\"", min_size=1, max_size=16),  # hostile speech
    st.sampled_from(["Mr.", "e.g.", "uh,", "Um.", "B.", "...", "—", "OK!"]),
)


def st_punct_choice(s: str) -> str:
    return ".,?!;:"[len(s) % 6]


@st.composite
def timed_words(draw: st.DrawFn, min_size: int = 1, max_size: int = 60, speakers: bool = True) -> list[Word]:
    """Words in spoken order: durations 40-1500 ms, gaps 0-2500 ms, sometimes a speaker change or a correction."""
    n = draw(st.integers(min_size, max_size))
    t = draw(st.integers(0, 5000))
    out: list[Word] = []
    for _ in range(n):
        text = draw(token_st)
        dur = draw(st.integers(40, 1500))
        speaker = draw(st.sampled_from(["", "", "", "L", "R"])) if speakers else ""
        corrected = draw(st.one_of(st.none(), token_st)) if draw(st.integers(0, 9)) == 0 else None
        out.append(Word(text, t, t + dur, 0.9, corrected=corrected, speaker=speaker))
        t += dur + draw(st.integers(0, 2500))
    return out


# -- caption line breaking -----------------------------------------------------------------------------------


@FAST
@given(timed_words(), st.integers(10, 50), st.integers(1, 3))
def test_caption_cues_obey_the_line_rules_and_keep_every_word(words: list[Word], max_chars: int, max_lines: int) -> None:
    rules = CaptionProfile(max_chars=max_chars, max_lines=max_lines)
    cues = build_cues(words, rules)
    shown = [w for w in words if w.display.strip()]
    # every spoken word appears once, in order, as the user corrected it
    assert [w for c in cues for w in c.words] == shown
    for i, c in enumerate(cues):
        assert 1 <= len(c.lines) <= max_lines, c.text
        for line in c.lines:
            text = " ".join(w.display.strip() for w in line)
            assert len(text) <= max_chars or len(line) == 1, (text, max_chars)  # only a lone long word overflows
        assert c.start == c.words[0].start  # the caption appears when its first word is said
        assert c.start < c.end <= c.start + rules.max_ms
        if i + 1 < len(cues):
            nxt = cues[i + 1]
            assert nxt.start >= c.start  # in order
            if c.end - c.start < rules.min_ms:  # shorter than a second only when the next cue leaves no room
                assert c.end >= nxt.start or c.end >= max(w.end for w in c.words)
            if nxt.words[0].speaker == c.words[-1].speaker:
                assert c.end <= nxt.start or c.end == max(w.end for w in c.words)  # lengthening never overlaps


@FAST
@given(timed_words(max_size=40), st.sampled_from(["reel", "square", "landscape"]), st.sampled_from(list(CaptionStyle)))
def test_burnt_in_caption_text_never_reaches_libass_as_a_tag(words: list[Word], preset: str, style: CaptionStyle) -> None:
    """Whatever was said ({\\b1}, \\N, braces...), the only override blocks in the ASS events are vlogkit's own, and
    removing them and undoing the escapes gives back exactly the words."""
    doc = build_ass(events_for(words, style, PRESETS[preset]), PRESETS[preset],
                    lower_third=LowerThird("{\\fs99}Ann\\N", "Ops {x}"))
    own = re.compile(r"\{\\1c&H[0-9A-F]{6}&\}|\{\\fad\(250,250\)\}|\{\\fsp\d+\}")
    shown = " ".join(" ".join(w.display.strip().replace("\r\n", " ").replace("\n", " ").replace("\r", " ").split())
                     for w in words if w.display.strip())
    for line in doc.splitlines():
        if not line.startswith("Dialogue:"):
            continue
        text = line.split(",", 9)[9]
        plain = own.sub("", text)
        i, out = 0, []
        while i < len(plain):
            ch = plain[i]
            assert ch not in "{}", f"unescaped brace in {text!r}"
            if ch == "\\":
                nxt = plain[i + 1] if i + 1 < len(plain) else ""
                assert nxt in ("{", "}", "\u200b", "N"), f"a live tag \\{nxt} in {text!r}"
                out.append({"{": "{", "}": "}", "\u200b": "\\", "N": " "}[nxt])
                i += 2
                continue
            out.append(ch)
            i += 1
        if ",LowerName," in line or ",LowerRole," in line:
            assert "".join(out) in ("{\\fs99}Ann\\N", "Ops {x}")
        else:
            assert " ".join("".join(out).split()) in shown  # a phrase of what was said, character for character


@FAST
@given(st.text(max_size=80))
def test_ass_escape_leaves_no_live_override(text: str) -> None:
    out = escape_text(text)
    assert "\n" not in out and "\r" not in out
    assert re.search(r"(?<!\\)[{}]", out) is None
    assert re.search(r"\\(?![{}\u200b])", out) is None


# -- SRT / VTT time formatting ------------------------------------------------------------------------------


@FAST
@given(st.integers(0, 100 * 3_600_000 - 1501))  # SRT hours have two digits: under 100 h
def test_timestamps_round_trip_through_a_subtitle_parser(ms: int) -> None:
    srt = f"1\n{format_timestamp(ms)} --> {format_timestamp(ms + 1500)}\nhello\n"
    vtt = f"WEBVTT\n\n{format_timestamp(ms, '.')} --> {format_timestamp(ms + 1500, '.')}\nhello\n"
    for text, fmt in ((srt, "srt"), (vtt, "vtt")):
        ev = pysubs2.SSAFile.from_string(text, format_=fmt)[0]
        assert (ev.start, ev.end) == (ms, ms + 1500), fmt
    assert re.fullmatch(r"\d{2,}:\d{2}:\d{2},\d{3}", format_timestamp(ms))


@FAST
@given(timed_words(max_size=30, speakers=False))
def test_whole_subtitle_files_parse_back_with_the_same_times_and_count(words: list[Word]) -> None:
    cues = build_cues(words)
    for text, fmt in ((to_srt(cues), "srt"), (to_vtt(cues), "vtt")):
        subs = pysubs2.SSAFile.from_string(text, format_=fmt) if cues else []
        assert [(e.start, e.end) for e in subs] == [(c.start, c.end) for c in cues]


# -- sentences from words ------------------------------------------------------------------------------------


@FAST
@given(timed_words(max_size=50))
def test_every_spoken_word_lands_in_exactly_one_sentence_in_order(words: list[Word]) -> None:
    sentences = build_sentences(words)
    covered: list[int] = []
    for s in sentences:
        assert s.words == tuple(words[s.first : s.last])  # the indices point at the words
        assert s.start <= s.end
        covered += range(s.first, s.last)
    assert covered == sorted(set(covered))  # no word twice, order kept
    for a, b in zip(sentences, sentences[1:], strict=False):
        assert a.last <= b.first and a.end <= b.start  # times monotonic
    dropped = set(range(len(words))) - set(covered)
    for i in dropped:  # only punctuation-only words may fall out (a sentence of "..." is no sentence)
        assert not re.search(r"\w", fold(words[i].display))


# -- quote boundary snapping ---------------------------------------------------------------------------------


@FAST
@given(timed_words(min_size=2, max_size=40, speakers=False), st.data(), st.integers(0, 600), st.integers(0, 900))
def test_quote_ranges_never_cut_into_a_word_and_stay_in_the_media(words, data, pad_before: int, pad_after: int) -> None:  # type: ignore[no-untyped-def]
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first + 1, len(words)))
    media_end = words[-1].end + data.draw(st.integers(0, 3000))
    start, end = clip_range(words, first, last, media_end, pad_before=pad_before, pad_after=pad_after)
    head, tail = words[first], words[last - 1]
    assert 0 <= start <= head.start and tail.end <= end <= max(media_end, tail.end)
    assert head.start - start <= pad_before and end - tail.end <= pad_after  # padding within bounds
    for w in words[:first] + words[last:]:  # never inside a neighbouring word
        assert not (w.start < start < w.end) and not (w.start < end < w.end)
        assert w.end <= start or w.start >= end


# -- output file names --------------------------------------------------------------------------------------


@FAST
@given(st.text(max_size=60), st.text(max_size=12), st.text(max_size=200), st.lists(st.text(max_size=12), max_size=3))
def test_output_names_from_speakers_and_quotes_stay_in_the_export_folder(speaker, date, quote, presets) -> None:  # type: ignore[no-untyped-def]
    folder = Path("/exports/team")
    base = base_name(speaker, date, quote)
    stem, per = reserve_stems(frozenset(), base, presets or ["reel"])
    for name in (base, stem, *per.values()):
        assert name and name == name.strip(" .")
        p = folder / f"{name}.mp4"
        assert p.parent == folder and ".." not in p.parts
        for part in name.split("_"):
            assert part.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


@FAST
@given(st.text(max_size=120), st.integers(1, 80))
def test_safe_filename_respects_any_length_limit(text: str, max_len: int) -> None:
    name = safe_filename(text, max_len=max_len, fallback="x")
    assert name and "/" not in name and "\\" not in name and not name.endswith((".", " "))
    assert len(name) <= max_len + len("x-")


# -- search normalisation -----------------------------------------------------------------------------------


def _accented(text: str) -> str:
    """Put an accent on every vowel and upper-case half the letters: how people may type what they heard."""
    marks = {"a": "á", "e": "é", "i": "ï", "o": "ô", "u": "ü", "c": "ç", "n": "ñ"}
    return "".join((marks.get(c, c).upper() if i % 2 else marks.get(c, c)) for i, c in enumerate(text))


def _quote(text: str):  # type: ignore[no-untyped-def]
    from vlogkit.domain import Quote

    return Quote(id="qaaaaaa", vlog_id="v1", start=0, end=1000, text=text, verbatim=text, language="nl")


@FAST
@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10), min_size=1, max_size=6),
       st.integers(0, 5))
def test_search_ignores_accents_and_case_both_ways(words: list[str], pick: int) -> None:
    plain = " ".join(words)
    fancy = _accented(plain)
    assert fold(fancy) == fold(plain.upper()) == plain
    needle = words[pick % len(words)]
    assert relevance(_quote(fancy), needle) > 0  # typed plain, said with accents
    assert relevance(_quote(plain), _accented(needle)) > 0  # typed with accents, stored plain
    assert tokens(fancy) == tokens(plain)


@FAST
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24F), max_size=40))
def test_fold_of_latin_text_is_idempotent_and_has_no_accents_left(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert not any(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", once))
    assert once == once.casefold()


def test_known_pairs_from_our_languages() -> None:
    assert fold("één") == fold("een") == "een"
    assert fold("ÉCOLE") == fold("école") == "ecole"
    assert relevance(_quote("Ça va très bien à l'école"), "ECOLE tres") > 0
    assert relevance(_quote("We zijn één team"), "een TEAM") > 0


# -- spreadsheet and Markdown exports --------------------------------------------------------------------------


@FAST
@given(st.sampled_from(["=", "+", "-", "@", "\t", "\r"]), st.text(max_size=40))
def test_no_csv_cell_starts_a_formula_whatever_was_said(start: str, rest: str) -> None:
    import csv
    import io

    from vlogkit.render.bank_formats import safe_cell

    cell = safe_cell(start + rest)
    assert cell == "'" + start + rest  # shown as typed, never evaluated
    buf = io.StringIO()
    csv.writer(buf).writerow([cell, safe_cell(rest)])
    back = next(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    assert back[0] == cell and not back[0].startswith(("=", "+", "-", "@", "\t", "\r"))
    assert not back[1].startswith(("=", "+", "-", "@", "\t", "\r"))


@FAST
@given(st.text(alphabet="ab *_#<>[]()`\\!|~", max_size=40))
def test_markdown_escaping_leaves_no_live_markup(text: str) -> None:
    from vlogkit.render.bank_formats import md_escape

    out = md_escape(text)
    assert re.search(r"(?<!\\)[*_#<>\[\]`|~]", out) is None  # every markup character is escaped
    assert re.sub(r"\\(.)", r"\1", out) == text  # and removing the escapes gives back what was said


# -- long recordings in windows --------------------------------------------------------------------------------


@FAST
@given(st.integers(1, 40), st.lists(st.integers(0, 38_000), min_size=0, max_size=12), st.integers(0, 2**31 - 1))
def test_long_audio_windows_cover_everything_and_cut_in_silence(seconds_x2: int, pauses_ms: list[int], seed: int) -> None:
    """Windows of 2 s (the real ones are 10 min) over noise with a few 150 ms silences: contiguous, complete, none
    longer than 1.5 windows, and every cut inside a silence when there is one in its search range."""
    import numpy as np

    from vlogkit.transcribe.audio import SAMPLE_RATE, windows

    n = seconds_x2 * SAMPLE_RATE // 2
    rng = np.random.default_rng(seed)
    samples = (rng.standard_normal(n) * 0.1 + 0.2).astype(np.float32)
    silent = np.zeros(n, dtype=bool)
    for p in pauses_ms:
        a = p * SAMPLE_RATE // 1000
        samples[a : a + SAMPLE_RATE * 15 // 100] = 0.0
        silent[a : a + SAMPLE_RATE * 15 // 100] = True
    spans = windows(samples, window_s=2)
    assert spans[0][0] == 0 and spans[-1][1] == n
    assert all(a < b for a, b in spans) and all(b == c for (_, b), (c, _) in zip(spans, spans[1:], strict=False))
    assert all(b - a <= 3 * SAMPLE_RATE for a, b in spans)
    frame = SAMPLE_RATE // 10
    for a, cut in spans[:-1]:
        lo, hi = a + SAMPLE_RATE, a + 2 * SAMPLE_RATE  # the cut is looked for in the second half of the window
        frames = silent[lo:hi].reshape(-1, frame)
        if frames.all(axis=1).any():  # a whole quiet 100 ms frame lies in the search range
            assert silent[cut], f"cut at {cut / SAMPLE_RATE:.2f} s is not in a silence"
