"""SRT/WebVTT files (e.g. a Teams recording's transcript) as transcripts, word times spread inside each cue."""

from __future__ import annotations

import pytest

from vlogkit.errors import MediaError, UsageError
from vlogkit.render.captions import build_cues
from vlogkit.render.subtitles import to_srt, to_vtt
from vlogkit.transcribe.subtitles_import import load_subtitles, parse_subtitles

TEAMS_VTT = """WEBVTT
Kind: captions

NOTE exported from Teams

0f1c2d3e-1
00:00:01.000 --> 00:00:03.000 align:start
<v Anna Peeters>Goedemorgen allemaal,</v>

0f1c2d3e-2
00:03.500 --> 00:06.500
<v Jan De Smet>Fish &amp; chips
op <i>vrijdag</i>.</v>
"""

SRT = "\ufeff1\r\n00:00:00,500 --> 00:00:02,500\r\n<i>Hello</i> {\\an8}there\r\nfriend\r\n\r\n2\r\n01:00:00,000 --> 01:00:01,000\r\nBye\r\n"


def test_webvtt_with_voices_settings_and_entities(tmp_path) -> None:
    p = tmp_path / "teams.vtt"
    p.write_text(TEAMS_VTT, encoding="utf-8")
    t = load_subtitles(p, language="nl", duration_ms=10_000)
    assert t.source == "subtitles" and t.language == "nl" and t.duration == 10_000
    assert [s.text for s in t.segments] == ["Goedemorgen allemaal,", "Fish & chips op vrijdag."]
    assert [s.speaker for s in t.segments] == ["Anna Peeters", "Jan De Smet"]
    words = t.segments[1].words
    assert [(w.start, w.end) for w in words] == [(3500, 4100), (4100, 4700), (4700, 5300), (5300, 5900), (5900, 6500)]
    assert all(w.probability is None for w in t.words)


def test_srt_with_bom_crlf_tags_and_hours(tmp_path) -> None:
    p = tmp_path / "talk.srt"
    p.write_bytes(SRT.encode("utf-8"))
    t = load_subtitles(p)
    assert [s.text for s in t.segments] == ["Hello there friend", "Bye"]
    assert t.segments[1].start == 3_600_000 and t.duration == 3_601_000


def test_our_own_srt_and_vtt_import_back(tmp_path) -> None:
    p = tmp_path / "a.vtt"
    p.write_text(TEAMS_VTT, encoding="utf-8")
    cues = build_cues(load_subtitles(p).words)
    for text in (to_srt(cues), to_vtt(cues)):
        back = parse_subtitles(text)
        assert [(c.start, c.end, c.text) for c in back] == [(c.start, c.end, c.text.replace("\n", " ")) for c in cues]


def test_bad_subtitle_files_are_one_line_errors(tmp_path) -> None:
    empty = tmp_path / "empty.srt"
    empty.write_text("just some notes\n")
    with pytest.raises(MediaError, match="holds no subtitle cues"):
        load_subtitles(empty)
    with pytest.raises(MediaError, match="not found"):
        load_subtitles(tmp_path / "gone.vtt")
    with pytest.raises(UsageError, match=".srt or .vtt"):
        load_subtitles(tmp_path / "notes.docx")


def test_notepads_unicode_srt_is_read(tmp_path) -> None:
    # Windows Notepad's "Unicode" is UTF-16 with a byte-order mark: it read as "holds no subtitle cues"
    p = tmp_path / "teams_export.srt"
    p.write_bytes("1\r\n00:00:00,500 --> 00:00:02,000\r\nGoedemorgen, één\r\n".encode("utf-16"))
    t = load_subtitles(p, duration_ms=5_000)
    assert [s.text for s in t.segments] == ["Goedemorgen, één"] and t.segments[0].start == 500


def test_cues_after_the_end_of_the_vlog_are_refused_as_another_videos(tmp_path) -> None:
    # the SRT of a 1-hour meeting on a 5 s vlog: words the media does not hold (a quote there cannot be exported)
    p = tmp_path / "other.srt"
    p.write_bytes(SRT.encode("utf-8"))
    with pytest.raises(MediaError, match=r"1 of its cues start after the vlog ends at 0:05.0 \(the last at 60:00.0\)"):
        load_subtitles(p, duration_ms=5_000)
    # a closing cue that starts before the end and runs a little past it is kept
    p.write_text("1\n00:00:03,000 --> 00:00:05,800\nBye now\n", encoding="utf-8")
    t = load_subtitles(p, duration_ms=5_000)
    assert [s.text for s in t.segments] == ["Bye now"]
