"""The bad-input corpus, generated with the bundled ffmpeg (no committed binaries).

`build_corpus(folder, ffmpeg, desk_vlog)` returns {name: (path, expectation)} where expectation is "ok" (imports),
"warn" (imports with a warning) or "error" (a one-line error, nothing added).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def _ff(ffmpeg: str, *args: str) -> None:
    subprocess.run([ffmpeg, "-hide_banner", "-loglevel", "error", "-y", *args], check=True, timeout=120)


def build_corpus(folder: Path, ffmpeg: str, desk_vlog: Path | None = None) -> dict[str, tuple[Path, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    c: dict[str, tuple[Path, str]] = {}
    tone = ["-f", "lavfi", "-i", "sine=f=330:d=2"]
    pattern = ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2"]
    h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]

    good = folder / "good.mp4"
    _ff(ffmpeg, *pattern, *tone, *h264, "-c:a", "aac", "-shortest", "-movflags", "+faststart", str(good))
    c["good"] = (good, "ok")
    data = good.read_bytes()

    # moov at the end, file cut in the middle: no index at all
    moov_end = folder / "moov_end_src.mp4"
    _ff(ffmpeg, *pattern, *tone, *h264, "-c:a", "aac", "-shortest", str(moov_end))
    cut = folder / "truncated_moov_end.mp4"
    cut.write_bytes(moov_end.read_bytes()[: moov_end.stat().st_size // 2])
    moov_end.unlink()
    c["truncated_moov_end"] = (cut, "error")
    # moov at the start, media data missing
    src = desk_vlog.read_bytes() if desk_vlog else data
    missing = folder / "moov_start_missing_data.mp4"
    missing.write_bytes(src[: max(len(src) // 4, 4096)])
    c["moov_start_missing_data"] = (missing, "error")
    zero = folder / "zero.mp4"
    zero.write_bytes(b"")
    c["zero_bytes"] = (zero, "error")
    text = folder / "text.mp4"
    text.write_text("This is a meeting note, not a video.\n" * 40)
    c["text_renamed_mp4"] = (text, "error")
    d = folder / "a_directory.mp4"
    d.mkdir(exist_ok=True)
    c["directory"] = (d, "error")
    loop = folder / "loop.mp4"
    if not loop.is_symlink():
        os.symlink(loop, loop)
    c["symlink_loop"] = (loop, "error")

    noaudio = folder / "no_audio.mp4"
    _ff(ffmpeg, *pattern, *h264, str(noaudio))
    c["video_without_audio"] = (noaudio, "warn")
    for ext, codec in (("wav", "pcm_s16le"), ("flac", "flac"), ("mp3", "libmp3lame"), ("m4a", "aac"), ("ogg", "libvorbis")):
        p = folder / f"audio_only.{ext}"
        try:
            _ff(ffmpeg, *tone, "-c:a", codec, str(p))
        except subprocess.CalledProcessError:
            _ff(ffmpeg, *tone, str(p))
        c[f"audio_only_{ext}"] = (p, "ok")
    vfr = folder / "vfr_phone.mp4"
    _ff(ffmpeg, "-f", "lavfi", "-i", "testsrc2=s=320x240:r=30:d=2", *tone,
        "-vf", "setpts='if(lt(N,20),N/30/TB,(20/30+(N-20)/15)/TB)'", "-fps_mode", "vfr", *h264, "-c:a", "aac",
        "-shortest", str(vfr))
    c["variable_frame_rate"] = (vfr, "ok")
    rotated = folder / "rotated_phone.mp4"
    _ff(ffmpeg, "-display_rotation", "90", "-i", str(good), "-c", "copy", str(rotated))
    c["rotated"] = (rotated, "ok")
    one = folder / "one_second.mp4"
    _ff(ffmpeg, "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=1", "-f", "lavfi", "-i", "sine=d=1", *h264,
        "-c:a", "aac", "-shortest", str(one))
    c["one_second"] = (one, "ok")
    short = folder / "point3_second.mp4"
    _ff(ffmpeg, "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=0.3", "-f", "lavfi", "-i", "sine=d=0.3", *h264,
        "-c:a", "aac", "-shortest", str(short))
    c["point3_second"] = (short, "ok")
    silent = folder / "silent_60s.m4a"
    _ff(ffmpeg, "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "60", "-c:a", "aac", str(silent))
    c["silent_60s"] = (silent, "ok")
    eight = folder / "eight_channels.wav"
    _ff(ffmpeg, "-f", "lavfi", "-i", "sine=f=300:d=2", "-ac", "8", str(eight))
    c["eight_channels"] = (eight, "ok")
    big = folder / "4k.mp4"
    _ff(ffmpeg, "-f", "lavfi", "-i", "testsrc2=s=3840x2160:r=25:d=1", *tone, *h264, "-c:a", "aac", "-shortest", str(big))
    c["4k_frame"] = (big, "ok")
    two = folder / "two_audio_tracks.mkv"
    _ff(ffmpeg, *pattern, *tone, "-f", "lavfi", "-i", "sine=f=500:d=2", "-map", "0", "-map", "1", "-map", "2", *h264,
        "-c:a", "aac", "-shortest", str(two))
    c["mkv_two_audio_tracks"] = (two, "ok")
    liar = folder / "actually_audio.mp4"
    (folder / "liar_src.wav").unlink(missing_ok=True)
    _ff(ffmpeg, *tone, "-f", "wav", str(liar))
    c["extension_lies"] = (liar, "ok")
    for key, name in (("name_quotes", "it's \"quoted\".mp4"), ("name_subshell", "$(touch HACKED).mp4"),
                      ("name_unicode", "vidéo été 日本 🎥.mp4"), ("name_leading_dash", "-rf --help.mp4"),
                      ("name_250_chars", ("x" * 246) + ".mp4")):
        p = folder / name
        # different content per name (else they would all be the same vlog): remux with a metadata tag
        _ff(ffmpeg, "-i", str(good), "-c", "copy", "-metadata", f"title={key}", str(p))
        c[key] = (p, "ok")
    liar_mkv = folder / "header_claims_10h.mkv"
    make_long_claim_mkv(ffmpeg, liar_mkv)
    c["mkv_header_claims_10h"] = (liar_mkv, "error")
    empty_dir = folder / "empty_folder"
    empty_dir.mkdir(exist_ok=True)
    c["empty_folder"] = (empty_dir, "error")
    return c


def make_long_claim_mkv(ffmpeg: str, out: Path, hours: float = 10) -> Path:
    """A 2 s Matroska file whose header says it lasts `hours` (the Segment Info's Duration element rewritten)."""
    import struct

    src = out.with_name(out.stem + "_src.mkv")
    _ff(ffmpeg, "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-f", "lavfi", "-i", "sine=f=440:d=2",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(src))
    data = bytearray(src.read_bytes())
    src.unlink()
    at = data.find(b"\x44\x89\x88")  # Duration, an 8-byte float in TimecodeScale units (1 ms)
    assert at > 0, "no Duration element"
    data[at + 3:at + 11] = struct.pack(">d", hours * 3600 * 1000)
    out.write_bytes(bytes(data))
    return out
