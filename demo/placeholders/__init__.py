"""Generated placeholder pictures for demo data: deterministic "modern industrial" silhouettes.

Pillow only, no downloads and no text. `industrial_placeholder(seed, kind)` returns JPEG bytes; the same seed
and kind always give the same picture. Kinds follow core.choices.Industry, plus "square" and "museum".
A picture is a Scene (canvas.py: sky and layers; shapes.py: building blocks) with one motif drawn on it
(transport.py, industries.py).
"""

import hashlib
import io
import random

from PIL import Image

from . import industries, transport
from .canvas import SCALE
from .shapes import Scene

MOTIFS = {
    "rail": transport.rail,
    "square": transport.square,
    "aviation": transport.aviation,
    "ceramics": industries.ceramics,
    "fireworks": industries.fireworks,
    "motorsport": transport.motorsport,
    "apparel": industries.apparel,
    "chemicals": industries.chemicals,
    "textiles": industries.textiles,
    "metallurgy": industries.metallurgy,
    "creative": industries.creative,
    "museum": industries.museum,
    "works": transport.works,
}
KINDS = tuple(MOTIFS)


def industrial_placeholder(seed: str, kind: str, width: int = 1600, height: int = 1000) -> bytes:
    """A JPEG illustration for `kind` (rail, aviation, ceramics, fireworks, ...), varied by `seed`."""
    rng = random.Random(hashlib.sha256(f"{kind}|{seed}".encode()).digest())
    scene = Scene(width * SCALE, height * SCALE, rng, night=kind == "fireworks")
    scene.sky()
    scene.far_skyline()
    MOTIFS.get(kind, transport.works)(scene)
    scene.finish()
    image = scene.image.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=86, optimize=True, progressive=True)
    return out.getvalue()
