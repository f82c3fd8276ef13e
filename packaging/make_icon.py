"""Draw the vlogkit app icon: `resources/icons/vlogkit.svg` and `vlogkit.png` (512 px) from one set of shapes.

A dark rounded square, a brand-yellow speech bubble with a play triangle (a vlog that talks), and two caption bars.
Run it again after changing a shape: `python packaging/make_icon.py`. PyInstaller turns the PNG into .ico/.icns for
the executables; the Windows installer's own icon comes from `python packaging/make_icon.py --ico build/vlogkit.ico`.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"

SIZE = 1024  # design grid; the PNG is drawn at 2x and scaled down for smooth edges
BG = "#1E2A3A"
YELLOW = "#FFC400"
WHITE = "#FFFFFF"

# (x0, y0, x1, y1, radius, fill)
ROUNDED = [
    (32, 32, 992, 992, 200, BG),  # tile
    (176, 168, 848, 616, 96, YELLOW),  # speech bubble
    (208, 736, 816, 800, 32, WHITE),  # caption line 1
    (304, 840, 720, 904, 32, WHITE),  # caption line 2
]
POLYGONS = [
    ([(300, 600), (420, 600), (290, 700)], YELLOW),  # bubble tail
    ([(440, 272), (440, 512), (640, 392)], BG),  # play triangle
]


def svg() -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}">',
        "  <title>vlogkit</title>",
    ]
    for x0, y0, x1, y1, r, fill in ROUNDED:
        parts.append(f'  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{fill}"/>')
    for points, fill in POLYGONS:
        pts = " ".join(f"{x},{y}" for x, y in points)
        parts.append(f'  <polygon points="{pts}" fill="{fill}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def png(size: int = 512):  # type: ignore[no-untyped-def]
    from PIL import Image, ImageDraw

    scale = 2
    img = Image.new("RGBA", (SIZE * scale, SIZE * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    for x0, y0, x1, y1, r, fill in ROUNDED:
        draw.rounded_rectangle([x0 * scale, y0 * scale, x1 * scale, y1 * scale], radius=r * scale, fill=fill)
    for points, fill in POLYGONS:
        draw.polygon([(x * scale, y * scale) for x, y in points], fill=fill)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Draw the vlogkit app icon.")
    parser.add_argument("--ico", type=Path, help="write only a Windows .ico (16-256 px) to this path")
    args = parser.parse_args(argv)
    if args.ico:
        args.ico.parent.mkdir(parents=True, exist_ok=True)
        png(256).save(args.ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
        print(f"wrote {args.ico}")
        return
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "vlogkit.svg").write_text(svg(), encoding="utf-8")
    png(512).save(ICONS / "vlogkit.png", optimize=True)
    print(f"wrote {ICONS / 'vlogkit.svg'} and {ICONS / 'vlogkit.png'}")


if __name__ == "__main__":
    main()
