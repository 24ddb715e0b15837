"""Draw static/img/favicon.ico (16, 32 and 48 pixels) from the shapes of static/img/favicon.svg.

Browsers and feed readers ask for /favicon.ico whatever the page links; run this after changing the SVG:
.venv/bin/python scripts/make_favicon.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "static" / "img" / "favicon.ico"
SCALE = 4  # draw large, then shrink: smooth edges


def draw(size=256):
    s = size / 64
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle([0, 0, size - 1, size - 1], radius=12 * s, fill="#1c2126")
    saw_tooth = [(10, 44), (10, 26), (20, 18), (20, 26), (30, 18), (30, 26), (40, 18), (40, 44)]
    pen.polygon([(x * s, y * s) for x, y in saw_tooth], fill="#8a949e")
    pen.rectangle([44 * s, 12 * s, 52 * s, 44 * s], fill="#c8102e")
    pen.rectangle([8 * s, 46 * s, 56 * s, 52 * s], fill="#c8102e")
    return image


if __name__ == "__main__":
    draw(48 * SCALE).save(OUT, sizes=[(16, 16), (32, 32), (48, 48)])
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
