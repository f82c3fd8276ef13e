"""Make `resources/sample/sample_vlog_en.mp4`: the sample vlog a new user tries vlogkit on.

English synthetic speech (flite's `slt` voice, `apt-get install flite`) over a drawn, animated picture: a robot
mascot whose mouth follows the voice - never a real person. 640x360, 15 fps, H.264 + AAC, well under 2 MB. This is
a maintainer's script (flite is not a vlogkit dependency); the app ships the file it writes.

    python scripts/make_sample_vlog.py
"""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "sample" / "sample_vlog_en.mp4"
W, H, FPS = 640, 360, 15

SCRIPT = """Hello, my name is Alex, and this is a sample vlog you can try vlogkit on.
Last month our team shipped a new way to welcome people on their first day.
Our customers said it was the easiest start they had ever had.
I really believe that small teams move faster, not because they work harder, but because they decide together.
What surprised me most was how much we learned from listening.
Next week we will share what we build next. Thanks for watching.
"""


def speech(folder: Path) -> tuple[Path, np.ndarray, int]:
    if shutil.which("flite") is None:
        sys.exit("flite is needed to make the sample's voice: apt-get install flite")
    text, wav = folder / "script.txt", folder / "voice.wav"
    text.write_text(SCRIPT, encoding="utf-8")
    subprocess.run(["flite", "-voice", "slt", "-f", str(text), "-o", str(wav)], check=True)
    with wave.open(str(wav)) as w:
        rate = w.getframerate()
        samples = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float32) / 32768.0
    return wav, samples, rate


def levels(samples: np.ndarray, rate: int, frames: int) -> list[float]:
    """The voice's loudness per video frame, 0..1 (drives the mouth)."""
    hop = rate / FPS
    out = []
    for i in range(frames):
        chunk = samples[int(i * hop):int((i + 1) * hop)]
        rms = float(np.sqrt(np.mean(chunk ** 2))) if chunk.size else 0.0
        out.append(min(1.0, rms * 6.0))
    return out


def background() -> Image.Image:
    img = Image.new("RGB", (W, H))
    top, bottom = np.array((40, 82, 140), float), np.array((32, 150, 160), float)
    col = np.linspace(0, 1, H)[:, None] * (bottom - top) + top
    img.putdata([tuple(int(v) for v in col[y]) for y in range(H) for _ in range(W)])
    d = ImageDraw.Draw(img, "RGBA")
    for x, y, r, a in ((90, 80, 60, 40), (560, 70, 80, 30), (520, 300, 50, 35), (130, 290, 40, 30)):
        d.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, a))
    d.rectangle((0, 300, W, H), fill=(20, 40, 70, 140))  # a desk
    return img


def frame(base: Image.Image, level: float, t: float, font: ImageFont.ImageFont) -> Image.Image:
    img = base.copy()
    d = ImageDraw.Draw(img, "RGBA")
    cx, cy = W // 2, 170 + int(3 * math.sin(t * 2.0))  # a gentle bob
    d.rounded_rectangle((cx - 95, cy + 70, cx + 95, 330), 40, fill=(245, 196, 0))  # body
    d.rectangle((cx - 18, cy + 52, cx + 18, cy + 75), fill=(180, 190, 200))  # neck
    d.rounded_rectangle((cx - 85, cy - 80, cx + 85, cy + 60), 36, fill=(232, 238, 244), outline=(60, 70, 90), width=4)
    d.line((cx, cy - 80, cx, cy - 110), fill=(60, 70, 90), width=4)  # antenna
    d.ellipse((cx - 10, cy - 122, cx + 10, cy - 102), fill=(240, 80, 80))
    blink = (t % 4.0) < 0.15
    for ex in (cx - 38, cx + 38):
        if blink:
            d.line((ex - 12, cy - 20, ex + 12, cy - 20), fill=(30, 40, 60), width=5)
        else:
            d.ellipse((ex - 13, cy - 33, ex + 13, cy - 7), fill=(30, 40, 60))
            d.ellipse((ex - 4, cy - 28, ex + 3, cy - 21), fill=(255, 255, 255))
    mouth = 4 + int(26 * level)
    d.rounded_rectangle((cx - 34, cy + 22 - mouth // 2, cx + 34, cy + 22 + mouth // 2), 8, fill=(60, 30, 50))
    d.rounded_rectangle((14, 14, 268, 44), 8, fill=(0, 0, 0, 110))
    d.text((26, 20), "SAMPLE  ·  synthetic voice", fill=(255, 255, 255), font=font)
    return img


def main() -> int:
    import imageio_ffmpeg

    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wav, samples, rate = speech(folder)
        seconds = len(samples) / rate + 0.6
        n = int(seconds * FPS)
        lv = levels(samples, rate, n)
        base = background()
        try:
            font = ImageFont.truetype("DejaVuSans-Bold.ttf", 15)
        except OSError:
            font = ImageFont.load_default()
        OUT.parent.mkdir(parents=True, exist_ok=True)
        tmp_out = folder / "sample.mp4"
        proc = subprocess.Popen(
            [ffmpeg, "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{W}x{H}", "-r",
             str(FPS), "-i", "-", "-i", str(wav), "-af", "apad", "-t", f"{seconds:.2f}", "-c:v", "libx264",
             "-preset", "slow", "-tune", "animation", "-crf", "26", "-pix_fmt", "yuv420p", "-c:a", "aac",
             "-b:a", "64k", "-ar", "48000", "-ac", "1", "-movflags", "+faststart", str(tmp_out)],
            stdin=subprocess.PIPE)
        assert proc.stdin is not None
        for i in range(n):
            proc.stdin.write(frame(base, lv[i], i / FPS, font).tobytes())
        proc.stdin.close()
        if proc.wait() != 0:
            return 1
        shutil.copyfile(tmp_out, OUT)
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.2f} MB, {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
