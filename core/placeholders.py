"""Generated placeholder pictures for demo data: deterministic "modern industrial" silhouettes.

Pillow only, no downloads and no text. `industrial_placeholder(seed, kind)` returns JPEG bytes; the same seed
and kind always give the same picture. Kinds follow core.choices.Industry, plus "square" and "museum".
"""

import hashlib
import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SCALE = 2  # draw at twice the size and shrink: cheap anti-aliasing
RED = (200, 16, 46)
RED_DARK = (120, 14, 30)
AMBER = (255, 186, 104)
WHITE = (236, 232, 226)

# (top of the sky, middle, horizon, glow)
SKIES = [
    ((16, 22, 32), (50, 60, 76), (150, 146, 148), (244, 196, 150)),  # dusk over steel
    ((12, 20, 38), (36, 56, 86), (122, 140, 162), (226, 206, 196)),  # blue hour
    ((36, 42, 50), (84, 92, 102), (170, 170, 168), (236, 228, 214)),  # overcast steel
    ((26, 26, 40), (86, 74, 86), (208, 160, 126), (252, 212, 160)),  # warm dawn
]
NIGHT = ((4, 6, 14), (12, 18, 34), (40, 44, 64), (96, 70, 84))


def industrial_placeholder(seed: str, kind: str, width: int = 1600, height: int = 1000) -> bytes:
    """A JPEG illustration for `kind` (rail, aviation, ceramics, fireworks, ...), varied by `seed`."""
    rng = random.Random(hashlib.sha256(f"{kind}|{seed}".encode()).digest())
    scene = Scene(width * SCALE, height * SCALE, rng, night=kind == "fireworks")
    scene.sky()
    scene.far_skyline()
    MOTIFS.get(kind, Scene.works)(scene)
    scene.finish()
    image = scene.image.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=86, optimize=True, progressive=True)
    return out.getvalue()


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


class Scene:
    def __init__(self, width, height, rng, night=False):
        self.w, self.h, self.rng, self.night = width, height, rng, night
        self.top, self.mid, self.horizon_color, self.glow_color = NIGHT if night else rng.choice(SKIES)
        self.horizon = round(height * rng.uniform(0.66, 0.72))
        self.far = _mix(self.horizon_color, self.mid, 0.45)
        self.middle = _mix(self.mid, self.top, 0.55)
        self.near = _mix(self.top, (8, 9, 12), 0.6)
        self.image = Image.new("RGB", (width, height))
        self.draw = ImageDraw.Draw(self.image)

    # Layers -----------------------------------------------------------------------------------
    def sky(self):
        h = self.h
        column = []
        for y in range(h):
            t = y / max(1, self.horizon)
            if t < 0.55:
                column.append(_mix(self.top, self.mid, t / 0.55))
            elif t < 1:
                column.append(_mix(self.mid, self.horizon_color, (t - 0.55) / 0.45))
            else:
                column.append(_mix(self.horizon_color, self.near, min(1, (y - self.horizon) / (h * 0.08))))
        strip = Image.new("RGB", (1, h))
        strip.putdata(column)
        self.image.paste(strip.resize((self.w, h), Image.Resampling.BILINEAR))
        cx = self.rng.uniform(0.2, 0.8) * self.w
        self.soft_light(cx, self.horizon - self.h * 0.04, self.w * 0.32, self.h * 0.16, self.glow_color, 0.55)
        if self.night:
            for _ in range(140):
                x, y = self.rng.uniform(0, self.w), self.rng.uniform(0, self.horizon * 0.8)
                r = self.rng.uniform(1, 3)
                self.draw.ellipse((x - r, y - r, x + r, y + r), fill=_mix(self.top, WHITE, self.rng.uniform(0.2, 0.6)))

    def soft_light(self, cx, cy, rx, ry, color, strength, blur=0.35):
        """A blurred elliptical glow, drawn small and scaled up."""
        k = 8
        mask = Image.new("L", (self.w // k, self.h // k), 0)
        ImageDraw.Draw(mask).ellipse(
            ((cx - rx) / k, (cy - ry) / k, (cx + rx) / k, (cy + ry) / k), fill=round(255 * strength)
        )
        mask = mask.filter(ImageFilter.GaussianBlur(max(rx, ry) * blur / k))
        mask = mask.resize((self.w, self.h), Image.Resampling.BILINEAR)
        self.image.paste(Image.new("RGB", (self.w, self.h), color), mask=mask)

    def smoke(self, x, y, drift=1.0, size=1.0, color=None):
        k = 8
        mask = Image.new("L", (self.w // k, self.h // k), 0)
        d = ImageDraw.Draw(mask)
        r = 18 * SCALE * size
        for i in range(7):
            cx, cy = x + drift * i * r * 1.2, y - i * r * 0.9
            rr = r * (1 + i * 0.35)
            d.ellipse(((cx - rr) / k, (cy - rr * 0.7) / k, (cx + rr) / k, (cy + rr * 0.7) / k), fill=90 - i * 11)
        mask = mask.filter(ImageFilter.GaussianBlur(r * 0.5 / k)).resize((self.w, self.h), Image.Resampling.BILINEAR)
        self.image.paste(Image.new("RGB", (self.w, self.h), color or _mix(self.horizon_color, WHITE, 0.3)), mask=mask)

    def far_skyline(self):
        """Hazy distant works along the horizon: sheds, stacks, a crane."""
        x, base = -50, self.horizon + 4
        while x < self.w:
            w = self.rng.uniform(0.05, 0.14) * self.w
            h = self.rng.uniform(0.03, 0.08) * self.h
            self.draw.rectangle((x, base - h, x + w, base), fill=self.far)
            if self.rng.random() < 0.35:
                cw = self.w * 0.008
                ch = self.rng.uniform(0.1, 0.18) * self.h
                cx = x + self.rng.uniform(0.2, 0.8) * w
                self.draw.polygon(
                    [(cx - cw, base), (cx - cw * 0.7, base - ch), (cx + cw * 0.7, base - ch), (cx + cw, base)],
                    fill=self.far,
                )
            x += w + self.rng.uniform(0, 0.03) * self.w
        self.soft_light(self.w / 2, self.horizon, self.w * 0.7, self.h * 0.05, self.horizon_color, 0.35, blur=0.5)

    def ground(self, color=None):
        """The foreground: lighter near the horizon, darker towards the viewer."""
        base = color or self.near
        near_horizon = _mix(base, self.horizon_color, 0.16)
        rows = self.h - self.horizon
        strip = Image.new("RGB", (1, rows))
        strip.putdata([_mix(near_horizon, base, min(1, (y / rows) ** 0.6)) for y in range(rows)])
        self.image.paste(strip.resize((self.w, rows), Image.Resampling.BILINEAR), (0, self.horizon))

    def foreground(self, top, lift=0.1):
        top = round(top)
        rows = self.h - top
        strip = Image.new("RGB", (1, rows))
        light = _mix(self.near, self.horizon_color, lift)
        strip.putdata([_mix(light, self.near, min(1, (y / rows) ** 0.5)) for y in range(rows)])
        self.image.paste(strip.resize((self.w, rows), Image.Resampling.BILINEAR), (0, top))

    def finish(self):
        """Vignette and a thin locomotive-red accent along the bottom."""
        k = 8
        mask = Image.new("L", (self.w // k, self.h // k), 170)
        ImageDraw.Draw(mask).ellipse(
            (-self.w * 0.1 / k, -self.h * 0.15 / k, self.w * 1.1 / k, self.h * 1.15 / k), fill=0
        )
        mask = mask.filter(ImageFilter.GaussianBlur(self.w * 0.06 / k)).resize(
            (self.w, self.h), Image.Resampling.BILINEAR
        )
        self.image.paste(Image.new("RGB", (self.w, self.h), (4, 5, 8)), mask=mask)
        bar = self.h * 0.012
        self.draw.rectangle((0, self.h - bar, self.w * self.rng.uniform(0.18, 0.32), self.h), fill=RED)

    # Building blocks --------------------------------------------------------------------------
    def sawtooth_shed(self, x, base, w, h, teeth, color, lit=True):
        d = self.draw
        top = base - h
        d.rectangle((x, top, x + w, base), fill=color)
        tw = w / teeth
        th = tw * 0.45
        for i in range(teeth):
            x0 = x + i * tw
            d.polygon([(x0, top + 1), (x0, top - th), (x0 + tw, top + 1)], fill=color)
            if lit:
                glass = _mix(color, AMBER, 0.35)
                d.polygon(
                    [
                        (x0 + tw * 0.04, top - 2),
                        (x0 + tw * 0.04, top - th * 0.85),
                        (x0 + tw * 0.14, top - th * 0.78),
                        (x0 + tw * 0.14, top - 2),
                    ],
                    fill=glass,
                )
        if lit:
            rows = 1 if h < self.h * 0.12 else 2
            for r in range(rows):
                wy = top + h * (0.22 + r * 0.32)
                n = max(3, int(w / (self.w * 0.03)))
                for i in range(n):
                    if self.rng.random() < 0.25:
                        continue
                    wx = x + w * (i + 0.2) / n
                    glow = _mix(color, AMBER, self.rng.uniform(0.35, 0.8))
                    d.rectangle((wx, wy, wx + w / n * 0.55, wy + h * 0.14), fill=glow)

    def chimney(self, x, base, w, h, color, bands=True, smoke=True):
        d = self.draw
        d.polygon(
            [(x - w / 2, base), (x - w * 0.32, base - h), (x + w * 0.32, base - h), (x + w / 2, base)], fill=color
        )
        if bands:
            for i in range(3):
                y0 = base - h + h * 0.05 * (2 * i)
                y1 = y0 + h * 0.05
                half0 = w * (0.32 + 0.18 * (base - y0 - (base - h)) / h * 0) + w * 0.01
                d.rectangle((x - half0, y0, x + half0, y1), fill=RED if i % 2 == 0 else _mix(color, WHITE, 0.45))
        if smoke:
            self.smoke(
                x,
                base - h - 10 * SCALE,
                drift=self.rng.choice((-1, 1)) * self.rng.uniform(0.6, 1.2),
                size=w / (24 * SCALE),
            )

    def box(self, x, base, w, h, color, windows=0.0):
        self.draw.rectangle((x, base - h, x + w, base), fill=color)
        if windows:
            cols = max(2, int(w / (self.w * 0.022)))
            rows = max(1, int(h / (self.h * 0.05)))
            for r in range(rows):
                for c in range(cols):
                    if self.rng.random() > windows:
                        continue
                    wx = x + w * (c + 0.25) / cols
                    wy = base - h + h * (r + 0.25) / rows
                    self.draw.rectangle(
                        (wx, wy, wx + w / cols * 0.5, wy + h / rows * 0.45),
                        fill=_mix(color, AMBER, self.rng.uniform(0.3, 0.75)),
                    )

    def catenary(self, y_rail, wire, color):
        span = self.w * 0.24
        x = self.rng.uniform(0, span)
        while x < self.w + span:
            self.draw.line((x, y_rail, x, wire - self.h * 0.05), fill=color, width=5 * SCALE)
            self.draw.line(
                (x, wire - self.h * 0.04, x + span * 0.14, wire - self.h * 0.04), fill=color, width=3 * SCALE
            )
            self.draw.line((x + span * 0.12, wire - self.h * 0.04, x + span * 0.12, wire), fill=color, width=2 * SCALE)
            x += span
        self.draw.line((0, wire, self.w, wire), fill=color, width=2 * SCALE)
        self.draw.line((0, wire - self.h * 0.04, self.w, wire - self.h * 0.03), fill=color, width=SCALE)

    def track(self, rail_y):
        """Ballast, sleepers and a rail seen from the side."""
        ballast = _mix(self.near, self.horizon_color, 0.12)
        self.draw.polygon(
            [
                (0, rail_y + self.h * 0.008),
                (self.w, rail_y + self.h * 0.008),
                (self.w, rail_y + self.h * 0.05),
                (0, rail_y + self.h * 0.05),
            ],
            fill=ballast,
        )
        step = self.w * 0.035
        x = 0
        while x < self.w:
            self.draw.rectangle(
                (x, rail_y + self.h * 0.01, x + step * 0.45, rail_y + self.h * 0.024),
                fill=_mix(ballast, (0, 0, 0), 0.4),
            )
            x += step
        self.draw.rectangle(
            (0, rail_y - self.h * 0.004, self.w, rail_y + self.h * 0.008), fill=_mix(self.near, WHITE, 0.45)
        )

    def locomotive(self, x, rail, length, accent=RED):
        """Side view of a modern electric locomotive; returns the height of its pantographs."""
        d = self.draw
        h = length * 0.2
        skirt = rail - length * 0.05
        top = skirt - h
        nose = length * 0.07
        d.polygon(
            [
                (x, skirt),
                (x, top + h * 0.42),
                (x + nose, top),
                (x + length - nose, top),
                (x + length, top + h * 0.42),
                (x + length, skirt),
            ],
            fill=accent,
        )
        d.rectangle((x + nose, top, x + length - nose, top + h * 0.07), fill=_mix(accent, (0, 0, 0), 0.3))
        d.rectangle((x, top + h * 0.7, x + length, top + h * 0.76), fill=WHITE)
        d.rectangle((x, top + h * 0.9, x + length, skirt), fill=_mix(accent, (0, 0, 0), 0.45))
        glass = (44, 58, 74)
        for sign, edge in ((1, x), (-1, x + length)):
            d.polygon(
                [
                    (edge + sign * nose * 0.32, top + h * 0.4),
                    (edge + sign * nose * 0.95, top + h * 0.1),
                    (edge + sign * nose * 1.5, top + h * 0.1),
                    (edge + sign * nose * 1.5, top + h * 0.4),
                ],
                fill=glass,
            )
            d.rectangle(
                (
                    edge + sign * nose * 1.9 - 2 * SCALE,
                    top + h * 0.14,
                    edge + sign * nose * 1.9 + 2 * SCALE,
                    top + h * 0.66,
                ),
                fill=_mix(accent, (0, 0, 0), 0.4),
            )
            lamp_x = edge + sign * nose * 0.25
            d.ellipse(
                (lamp_x - 5 * SCALE, top + h * 0.55, lamp_x + 5 * SCALE, top + h * 0.55 + 10 * SCALE),
                fill=(255, 236, 200),
            )
        for i in range(7):  # side grilles
            gx = x + length * (0.22 + i * 0.08)
            d.rectangle((gx, top + h * 0.18, gx + length * 0.05, top + h * 0.52), fill=_mix(accent, (0, 0, 0), 0.25))
        steel = _mix(self.near, WHITE, 0.16)
        for bx in (x + length * 0.1, x + length * 0.62):
            d.rectangle((bx, skirt, bx + length * 0.28, skirt + length * 0.018), fill=steel)
            for wx in (bx + length * 0.05, bx + length * 0.14, bx + length * 0.23):
                r = length * 0.026
                d.ellipse((wx - r, rail - 2 * r, wx + r, rail), fill=steel)
                d.ellipse(
                    (wx - r * 0.35, rail - r * 1.35, wx + r * 0.35, rail - r * 0.65), fill=_mix(steel, WHITE, 0.25)
                )
        wire = top - h * 0.55
        arm = _mix(self.near, WHITE, 0.3)
        for px in (x + length * 0.24, x + length * 0.7):
            d.rectangle((px - length * 0.02, top - 4 * SCALE, px + length * 0.02, top), fill=arm)
            d.line(
                [
                    (px - length * 0.015, top - 4 * SCALE),
                    (px + length * 0.045, top - h * 0.3),
                    (px - length * 0.01, wire),
                ],
                fill=arm,
                width=3 * SCALE,
            )
            d.line((px - length * 0.045, wire, px + length * 0.03, wire), fill=arm, width=3 * SCALE)
        return wire

    def aircraft(self, cx, cy, size, angle, color):
        """Side-on light aircraft silhouette, climbing at `angle` degrees."""
        body = [
            (-0.5, 0.02),
            (-0.42, -0.05),
            (0.3, -0.06),
            (0.46, -0.03),
            (0.5, 0.0),
            (0.46, 0.03),
            (0.3, 0.05),
            (-0.42, 0.04),
        ]
        fin = [(-0.42, -0.04), (-0.5, -0.2), (-0.44, -0.2), (-0.3, -0.05)]
        tailplane = [(-0.46, 0.0), (-0.56, 0.03), (-0.5, 0.04), (-0.36, 0.02)]
        wing = [(0.02, 0.0), (-0.12, 0.28), (-0.04, 0.28), (0.16, 0.01)]
        wing_far = [(0.04, -0.02), (-0.04, -0.16), (0.0, -0.16), (0.14, -0.02)]
        a = math.radians(-angle)

        def place(points):
            return [
                (cx + size * (px * math.cos(a) - py * math.sin(a)), cy + size * (px * math.sin(a) + py * math.cos(a)))
                for px, py in points
            ]

        self.draw.polygon(place(wing_far), fill=_mix(color, self.horizon_color, 0.2))
        for part in (body, fin, tailplane, wing):
            self.draw.polygon(place(part), fill=color)
        self.draw.polygon(place([(-0.46, -0.12), (-0.5, -0.2), (-0.44, -0.2), (-0.41, -0.12)]), fill=RED)
        self.draw.polygon(
            place([(0.28, -0.05), (0.34, -0.045), (0.33, -0.01), (0.26, -0.01)]), fill=_mix(color, (170, 200, 230), 0.5)
        )

    def hangar(self, x, base, w, h, color):
        d = self.draw
        d.rectangle((x, base - h * 0.55, x + w, base), fill=color)
        d.chord((x, base - h, x + w, base - h * 0.1), 180, 360, fill=color)
        door = _mix(color, AMBER, 0.5)
        d.rectangle((x + w * 0.15, base - h * 0.42, x + w * 0.85, base), fill=door)
        self.soft_light(x + w / 2, base, w * 0.45, h * 0.18, AMBER, 0.35)
        d = self.draw
        for i in range(1, 6):
            lx = x + w * (0.15 + i * 0.7 / 6)
            d.line((lx, base - h * 0.42, lx, base), fill=_mix(door, color, 0.5), width=2 * SCALE)

    def kiln(self, x, base, w, h, color):
        """A bottle kiln: a curved body narrowing into a neck."""
        pts = []
        for i in range(21):
            t = i / 20
            r = w / 2 * (1 - 0.62 * t**1.6) if t < 0.85 else w / 2 * 0.38 * (1 + (t - 0.85) * 0.8)
            pts.append((x + r, base - h * t))
        pts += [(x - px + x, py) for px, py in reversed(pts)]
        pts = [(x + (px - x), py) for px, py in pts]
        self.draw.polygon(pts, fill=color)
        self.draw.rectangle((x - w * 0.1, base - h * 0.3, x + w * 0.1, base), fill=_mix(color, AMBER, 0.6))

    def vase(self, x, base, h, color, shape=0):
        pts = []
        for i in range(31):
            t = i / 30
            if shape == 0:  # meiping
                r = 0.16 + 0.2 * math.sin(math.pi * min(1, t * 1.25)) ** 0.8 * (1 - t * 0.3) - (0.1 if t > 0.85 else 0)
            elif shape == 1:  # round jar
                r = 0.12 + 0.28 * math.sin(math.pi * min(1, t * 1.1)) - (0.04 if t > 0.9 else 0)
            else:  # tall gourd
                r = 0.14 + 0.17 * abs(math.sin(math.pi * t * 1.8)) ** 0.9
            pts.append((x + r * h * 0.68, base - h * t))
        pts += [(2 * x - px, py) for px, py in reversed(pts)]
        self.draw.polygon(pts, fill=color)
        return pts

    def burst(self, cx, cy, radius, color):
        layer = Image.new("RGB", (self.w, self.h), (0, 0, 0))
        d = ImageDraw.Draw(layer)
        rays = self.rng.randint(28, 44)
        for i in range(rays):
            a = 2 * math.pi * i / rays + self.rng.uniform(-0.05, 0.05)
            r0, r1 = radius * self.rng.uniform(0.15, 0.3), radius * self.rng.uniform(0.8, 1.05)
            droop = radius * 0.08
            p0 = (cx + r0 * math.cos(a), cy + r0 * math.sin(a))
            p1 = (cx + r1 * math.cos(a), cy + r1 * math.sin(a) + droop)
            d.line((p0, p1), fill=_mix(color, (0, 0, 0), 0.35), width=2 * SCALE)
            d.ellipse(
                (p1[0] - 4 * SCALE, p1[1] - 4 * SCALE, p1[0] + 4 * SCALE, p1[1] + 4 * SCALE),
                fill=_mix(color, WHITE, 0.4),
            )
        k = 4
        glow = layer.resize((self.w // k, self.h // k), Image.Resampling.BILINEAR).filter(
            ImageFilter.GaussianBlur(radius / k * 0.12)
        )
        glow = glow.resize((self.w, self.h), Image.Resampling.BILINEAR)
        self.image = ImageChops.add(self.image, ImageChops.add(layer, glow))
        self.draw = ImageDraw.Draw(self.image)

    # Motifs -----------------------------------------------------------------------------------
    def works(self):
        self.ground()
        base = self.horizon + self.h * 0.02
        x = -self.w * 0.05
        while x < self.w:
            w = self.rng.uniform(0.22, 0.4) * self.w
            self.sawtooth_shed(x, base, w, self.rng.uniform(0.1, 0.16) * self.h, self.rng.randint(4, 8), self.middle)
            x += w + self.rng.uniform(0.02, 0.06) * self.w
        self.chimney(self.rng.uniform(0.6, 0.85) * self.w, base, self.w * 0.03, self.h * 0.42, self.middle)

    def rail(self):
        self.ground()
        base = self.horizon + self.h * 0.01
        self.sawtooth_shed(self.w * self.rng.uniform(-0.1, 0.05), base, self.w * 0.62, self.h * 0.16, 7, self.middle)
        self.chimney(self.w * self.rng.uniform(0.74, 0.9), base, self.w * 0.028, self.h * 0.4, self.middle)
        rail_y = self.horizon + self.h * 0.2
        length = self.w * self.rng.uniform(0.56, 0.66)
        x = self.w * self.rng.uniform(0.08, 0.36)
        poles = _mix(self.near, self.horizon_color, 0.35)
        wire = rail_y - length * 0.05 - length * 0.2 - length * 0.2 * 0.55
        self.catenary(rail_y, wire, poles)
        self.soft_light(
            x + length / 2,
            rail_y - self.h * 0.08,
            length * 0.6,
            self.h * 0.08,
            _mix(self.horizon_color, AMBER, 0.4),
            0.3,
        )
        self.track(rail_y)
        self.locomotive(x, rail_y, length)

    def tree(self, x, base, size, color):
        self.draw.rectangle((x - size * 0.05, base - size * 0.9, x + size * 0.05, base), fill=color)
        for dx, dy, r in (
            (0, -1.35, 0.5),
            (-0.35, -1.05, 0.4),
            (0.35, -1.1, 0.42),
            (-0.12, -1.7, 0.38),
            (0.2, -1.55, 0.36),
        ):
            cx, cy, rr = x + dx * size, base + dy * size, r * size
            self.draw.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), fill=color)

    def square(self):
        """Locomotive Square: a locomotive on a plinth by the river, a bridge, trees and lamps."""
        self.ground()
        bank = self.horizon + self.h * 0.1
        water = _mix(self.horizon_color, self.mid, 0.45)
        self.draw.rectangle((0, self.horizon + 2 * SCALE, self.w, bank), fill=water)
        for _ in range(40):
            y = self.rng.uniform(self.horizon + self.h * 0.01, bank)
            x0 = self.rng.uniform(-0.1, 1) * self.w
            self.draw.line(
                (x0, y, x0 + self.rng.uniform(0.03, 0.12) * self.w, y),
                fill=_mix(water, self.glow_color, 0.35),
                width=SCALE,
            )
        deck = self.horizon - self.h * 0.035
        bridge = _mix(self.far, self.middle, 0.5)
        self.draw.rectangle((0, deck, self.w, deck + self.h * 0.012), fill=bridge)
        span = self.w / 7
        for i in range(8):
            x = i * span + self.w * 0.03
            self.draw.rectangle((x - self.w * 0.006, deck, x + self.w * 0.006, self.horizon + 2 * SCALE), fill=bridge)
            self.draw.arc(
                (x, deck - self.h * 0.01, x + span, deck + self.h * 0.07), 180, 360, fill=bridge, width=3 * SCALE
            )
        self.foreground(bank, lift=0.12)
        self.draw.line((0, bank, self.w, bank), fill=_mix(self.near, WHITE, 0.3), width=2 * SCALE)
        for i in range(60):
            x = self.w * i / 60
            self.draw.line((x, bank, x, bank - self.h * 0.02), fill=_mix(self.near, WHITE, 0.2), width=SCALE)
        vx = self.w * 0.5
        for i in range(-8, 9):  # paving joints running towards the river
            self.draw.line(
                (vx + i * self.w * 0.05, bank + self.h * 0.01, vx + i * self.w * 0.16, self.h),
                fill=_mix(self.near, self.horizon_color, 0.08),
                width=SCALE,
            )
        plinth_top = self.horizon + self.h * 0.2
        stone = _mix(self.near, self.horizon_color, 0.3)
        self.draw.rectangle((self.w * 0.2, plinth_top, self.w * 0.8, plinth_top + self.h * 0.045), fill=stone)
        self.draw.rectangle(
            (self.w * 0.17, plinth_top + self.h * 0.045, self.w * 0.83, plinth_top + self.h * 0.07),
            fill=_mix(stone, self.near, 0.35),
        )
        self.draw.rectangle(
            (self.w * 0.2, plinth_top - 3 * SCALE, self.w * 0.8, plinth_top), fill=_mix(stone, WHITE, 0.3)
        )
        self.locomotive(self.w * 0.24, plinth_top - 3 * SCALE, self.w * 0.52)
        for tx, size in ((self.w * 0.07, self.h * 0.16), (self.w * 0.94, self.h * 0.18)):
            self.tree(tx, plinth_top + self.h * 0.07, size, self.near)
        for lx in (self.w * 0.15, self.w * 0.85):
            top = plinth_top - self.h * 0.18
            self.draw.line((lx, plinth_top + self.h * 0.07, lx, top), fill=self.near, width=4 * SCALE)
            self.draw.ellipse((lx - 8 * SCALE, top - 8 * SCALE, lx + 8 * SCALE, top + 8 * SCALE), fill=(255, 226, 170))
            self.soft_light(lx, top, self.w * 0.035, self.w * 0.035, AMBER, 0.8, blur=0.6)

    def aviation(self):
        self.ground(color=_mix(self.near, self.mid, 0.2))
        base = self.horizon + self.h * 0.08
        self.hangar(self.w * self.rng.uniform(0.02, 0.12), base, self.w * 0.34, self.h * 0.22, self.middle)
        self.hangar(
            self.w * self.rng.uniform(0.5, 0.58), base, self.w * 0.26, self.h * 0.17, _mix(self.middle, self.far, 0.3)
        )
        tower_x = self.w * 0.46
        self.draw.rectangle((tower_x, base - self.h * 0.26, tower_x + self.w * 0.02, base), fill=self.middle)
        self.draw.rectangle(
            (tower_x - self.w * 0.015, base - self.h * 0.3, tower_x + self.w * 0.035, base - self.h * 0.24),
            fill=_mix(self.middle, AMBER, 0.4),
        )
        runway_y = base + self.h * 0.06
        self.foreground(runway_y)
        for i in range(9):
            x = self.w * (i / 9) + self.w * 0.02
            self.draw.rectangle(
                (x, runway_y + self.h * 0.07, x + self.w * 0.05, runway_y + self.h * 0.078),
                fill=_mix(self.near, WHITE, 0.5),
            )
        for i in range(24):
            x = self.w * i / 24
            self.draw.ellipse(
                (x, runway_y - 3 * SCALE, x + 6 * SCALE, runway_y + 3 * SCALE), fill=AMBER if i % 4 else RED
            )
        self.aircraft(
            self.w * self.rng.uniform(0.55, 0.75),
            self.h * self.rng.uniform(0.22, 0.34),
            self.w * 0.34,
            self.rng.uniform(6, 14),
            _mix(self.near, self.mid, 0.3),
        )

    def ceramics(self):
        self.ground()
        base = self.horizon + self.h * 0.02
        for i in range(self.rng.randint(3, 4)):
            x = self.w * (0.12 + i * 0.25 + self.rng.uniform(-0.03, 0.03))
            kiln_h = self.h * self.rng.uniform(0.28, 0.36)
            self.kiln(x, base, self.w * self.rng.uniform(0.11, 0.14), kiln_h, self.middle)
            if self.rng.random() < 0.6:
                self.smoke(x, base - kiln_h + self.h * 0.01, drift=0.8, size=1.1)
        shelf = self.horizon + self.h * 0.22
        self.foreground(shelf, lift=0.05)
        self.draw.rectangle((0, shelf - 2 * SCALE, self.w, shelf + 4 * SCALE), fill=_mix(self.near, AMBER, 0.3))
        xs = [0.1, 0.27, 0.45, 0.63, 0.8, 0.94]
        red_one = self.rng.randrange(1, len(xs) - 1)
        glazes = [(70, 96, 110), (196, 190, 176), (46, 58, 78), (120, 110, 96), (150, 170, 160)]
        for i, fx in enumerate(xs):
            h = self.h * self.rng.uniform(0.17, 0.25)
            if i == red_one:
                color = RED
                h = self.h * 0.27
            else:
                color = _mix(self.rng.choice(glazes), self.near, 0.55)
            pts = self.vase(self.w * fx, shelf, h, color, shape=self.rng.randrange(3))
            left = [(px, py) for px, py in pts[: len(pts) // 2]]
            shine = _mix(color, WHITE, 0.35)
            for (ax, ay), (bx, by) in zip(left[4:-6], left[5:-5], strict=True):
                cx = self.w * fx
                self.draw.line((cx - (ax - cx) * 0.55, ay, cx - (bx - cx) * 0.55, by), fill=shine, width=3 * SCALE)

    def fireworks(self):
        colors = [(255, 200, 120), RED, (255, 120, 90), (250, 230, 190), (255, 170, 60)]
        count = self.rng.randint(4, 6)
        for i in range(count):
            cx = (i + self.rng.uniform(0.25, 0.75)) / count * self.w
            cy = self.rng.uniform(0.14, 0.42) * self.h
            color = RED if i == count // 2 else self.rng.choice(colors)
            self.burst(cx, cy, self.rng.uniform(0.1, 0.17) * self.w, color)
        self.soft_light(self.w / 2, self.horizon, self.w * 0.5, self.h * 0.12, (180, 70, 60), 0.4)
        self.ground(color=(6, 7, 10))
        base = self.horizon + self.h * 0.03
        for i in range(3):
            self.kiln(self.w * (0.2 + 0.3 * i), base, self.w * 0.1, self.h * 0.22, (10, 11, 15))
        self.draw.rectangle((0, base - self.h * 0.03, self.w, base), fill=(10, 11, 15))
        for i in range(40):  # a crowd
            x = self.w * i / 40 + self.rng.uniform(-8, 8)
            r = self.w * 0.008
            y = self.h * 0.9 + self.rng.uniform(-6, 6)
            self.draw.ellipse((x - r, y - r * 3.2, x + r, y - r * 1.2), fill=(4, 4, 6))
            self.draw.rounded_rectangle((x - r * 1.8, y - r * 1.4, x + r * 1.8, self.h), radius=r, fill=(4, 4, 6))

    def motorsport(self):
        self.ground(color=_mix(self.near, self.mid, 0.2))
        base = self.horizon + self.h * 0.02
        stand_x = self.w * self.rng.uniform(0.05, 0.2)
        stand_w = self.w * 0.5
        self.draw.polygon(
            [
                (stand_x, base),
                (stand_x, base - self.h * 0.08),
                (stand_x + stand_w, base - self.h * 0.14),
                (stand_x + stand_w, base),
            ],
            fill=self.middle,
        )
        self.draw.polygon(
            [
                (stand_x - self.w * 0.01, base - self.h * 0.13),
                (stand_x + stand_w + self.w * 0.02, base - self.h * 0.2),
                (stand_x + stand_w + self.w * 0.02, base - self.h * 0.185),
                (stand_x - self.w * 0.01, base - self.h * 0.12),
            ],
            fill=self.middle,
        )
        for tx in (self.w * 0.78, self.w * 0.93):
            self.draw.line((tx, base, tx, base - self.h * 0.3), fill=self.middle, width=4 * SCALE)
            self.draw.rectangle(
                (tx - self.w * 0.018, base - self.h * 0.33, tx + self.w * 0.018, base - self.h * 0.3),
                fill=_mix(self.middle, WHITE, 0.7),
            )
            self.soft_light(tx, base - self.h * 0.315, self.w * 0.05, self.h * 0.04, WHITE, 0.5)
        # the track: a band sweeping from the lower left to the horizon on the right
        outer, inner = [], []
        for i in range(41):
            t = i / 40
            x = self.w * (-0.1 + 1.2 * t)
            y = self.h - (self.h - base - self.h * 0.02) * (1 - (1 - t) ** 2.2)
            width = self.h * (0.16 * (1 - t) + 0.015)
            outer.append((x, y - width / 2))
            inner.append((x, y + width / 2))
        asphalt = _mix(self.near, self.mid, 0.45)
        self.draw.polygon(outer + list(reversed(inner)), fill=asphalt)
        for i in range(40):  # red and white kerb on the lower edge
            (x0, y0), (x1, y1) = inner[i], inner[i + 1]
            thick = max(2 * SCALE, (y1 - outer[i + 1][1]) * 0.12)
            self.draw.polygon([(x0, y0), (x1, y1), (x1, y1 + thick), (x0, y0 + thick)], fill=RED if i % 2 else WHITE)
        for i in range(0, 40, 2):  # dashed centre line
            (ax, ay), (bx, by) = outer[i], inner[i]
            (cx, cy), (dx, dy) = outer[i + 1], inner[i + 1]
            self.draw.line(
                ((ax + bx) / 2, (ay + by) / 2, (cx + dx) / 2, (cy + dy) / 2),
                fill=_mix(asphalt, WHITE, 0.5),
                width=2 * SCALE,
            )

    def apparel(self):
        self.ground()
        base = self.horizon + self.h * 0.06
        x = -self.w * 0.02
        while x < self.w:
            w = self.rng.uniform(0.16, 0.28) * self.w
            self.box(x, base, w, self.rng.uniform(0.22, 0.4) * self.h, self.middle, windows=0.75)
            x += w + self.w * 0.01
        street = base
        self.foreground(street)
        fabrics = [RED, (46, 92, 120), (214, 178, 120), (110, 120, 104), (160, 70, 80), (70, 76, 110), (220, 210, 196)]
        rail_y = self.horizon + self.h * 0.14
        self.draw.line((0, rail_y, self.w, rail_y + self.h * 0.02), fill=_mix(self.near, WHITE, 0.2), width=3 * SCALE)
        for i in range(16):
            fx = self.w * (i + 0.2) / 16
            fy = rail_y + self.h * 0.02 * i / 16
            fw = self.w / 16 * 0.7
            fh = self.h * self.rng.uniform(0.18, 0.3)
            color = _mix(self.rng.choice(fabrics), self.near, 0.25)
            self.draw.polygon(
                [(fx, fy), (fx + fw, fy), (fx + fw * 1.05, fy + fh), (fx - fw * 0.05, fy + fh)], fill=color
            )
            self.draw.line(
                (fx + fw * 0.5, fy, fx + fw * 0.5, fy - self.h * 0.015),
                fill=_mix(self.near, WHITE, 0.3),
                width=2 * SCALE,
            )

    def chemicals(self):
        self.ground()
        base = self.horizon + self.h * 0.03
        color = self.middle
        for i in range(3):
            cx = self.w * (0.12 + i * 0.07)
            h = self.h * self.rng.uniform(0.3, 0.46)
            cw = self.w * 0.022
            self.draw.rectangle((cx - cw, base - h, cx + cw, base), fill=color)
            self.draw.ellipse((cx - cw, base - h - cw, cx + cw, base - h + cw), fill=color)
            for py in range(1, 5):
                y = base - h * py / 5
                self.draw.rectangle((cx - cw * 1.8, y, cx + cw * 1.8, y + 4 * SCALE), fill=color)
        for i in range(2):
            cx, r = self.w * (0.46 + i * 0.14), self.h * 0.09
            for lx in (-0.6, 0, 0.6):
                self.draw.line((cx + lx * r, base, cx + lx * r * 0.8, base - r), fill=color, width=4 * SCALE)
            self.draw.ellipse((cx - r, base - r * 2.6, cx + r, base - r * 0.6), fill=color)
        for i in range(4):
            y = base - self.h * (0.05 + 0.025 * i)
            self.draw.line((self.w * 0.08, y, self.w * 0.98, y), fill=color, width=5 * SCALE)
        self.chimney(self.w * 0.86, base, self.w * 0.03, self.h * 0.5, color)
        self.box(self.w * 0.72, base, self.w * 0.1, self.h * 0.12, color, windows=0.6)

    def textiles(self):
        self.ground()
        base = self.horizon + self.h * 0.05
        self.sawtooth_shed(self.w * -0.05, base, self.w * 0.6, self.h * 0.17, 8, self.middle)
        self.sawtooth_shed(self.w * 0.6, base, self.w * 0.45, self.h * 0.13, 5, _mix(self.middle, self.far, 0.3))
        brick = _mix(self.middle, (110, 50, 40), 0.35)
        self.chimney(self.w * 0.56, base, self.w * 0.035, self.h * 0.44, brick, bands=False)
        self.draw.rectangle(
            (
                self.w * 0.56 - self.w * 0.014,
                base - self.h * 0.44,
                self.w * 0.56 + self.w * 0.014,
                base - self.h * 0.425,
            ),
            fill=RED,
        )
        floor = base + self.h * 0.08
        self.foreground(floor)
        yarn = [(214, 196, 160), (58, 84, 120), RED, (150, 150, 140), (190, 120, 80), (90, 110, 96), (226, 220, 206)]
        spindle = floor + self.h * 0.1
        self.draw.rectangle((0, spindle, self.w, spindle + self.h * 0.02), fill=_mix(self.near, WHITE, 0.12))
        for i in range(9):  # cones of yarn on a creel
            x = self.w * (0.06 + i * 0.11)
            r, h = self.w * self.rng.uniform(0.028, 0.034), self.h * self.rng.uniform(0.15, 0.19)
            color = _mix(yarn[(i + self.rng.randrange(3)) % len(yarn)], self.near, 0.35)
            self.draw.polygon(
                [(x - r, spindle), (x - r * 0.55, spindle - h), (x + r * 0.55, spindle - h), (x + r, spindle)],
                fill=color,
            )
            for k in range(1, 6):
                y = spindle - h * k / 6
                half = r - (r * 0.45) * k / 6
                self.draw.line((x - half, y, x + half, y), fill=_mix(color, (0, 0, 0), 0.15), width=SCALE)
            self.draw.rectangle(
                (x - r * 0.18, spindle - h - self.h * 0.02, x + r * 0.18, spindle - h),
                fill=_mix(self.near, WHITE, 0.25),
            )

    def metallurgy(self):
        """Old heavy industry: a furnace tower, stoves, a conveyor, a roofless shed."""
        self.ground()
        base = self.horizon + self.h * 0.03
        c = self.middle
        fx = self.w * self.rng.uniform(0.25, 0.4)
        self.draw.polygon(
            [
                (fx - self.w * 0.05, base),
                (fx - self.w * 0.035, base - self.h * 0.36),
                (fx + self.w * 0.035, base - self.h * 0.36),
                (fx + self.w * 0.05, base),
            ],
            fill=c,
        )
        self.draw.rectangle(
            (fx - self.w * 0.02, base - self.h * 0.46, fx + self.w * 0.02, base - self.h * 0.36), fill=c
        )
        for i in range(3):
            sx = fx + self.w * (0.09 + 0.05 * i)
            self.draw.rectangle((sx - self.w * 0.018, base - self.h * 0.24, sx + self.w * 0.018, base), fill=c)
            self.draw.chord(
                (sx - self.w * 0.018, base - self.h * 0.27, sx + self.w * 0.018, base - self.h * 0.21), 180, 360, fill=c
            )
        self.draw.line((fx - self.w * 0.3, base, fx - self.w * 0.02, base - self.h * 0.34), fill=c, width=9 * SCALE)
        # a roofless shed: walls with empty window openings showing the sky
        sx, sw, sh = self.w * 0.66, self.w * 0.34, self.h * 0.2
        self.draw.rectangle((sx, base - sh, sx + sw, base), fill=c)
        for i in range(6):
            wx = sx + sw * (i + 0.25) / 6
            self.draw.rectangle(
                (wx, base - sh * 0.8, wx + sw / 6 * 0.5, base - sh * 0.3), fill=_mix(self.horizon_color, self.mid, 0.3)
            )
        self.draw.polygon(
            [
                (sx, base - sh),
                (sx + sw * 0.3, base - sh),
                (sx + sw * 0.18, base - sh * 1.12),
                (sx + sw * 0.1, base - sh * 1.05),
            ],
            fill=c,
        )
        self.chimney(self.w * 0.12, base, self.w * 0.03, self.h * 0.46, c, smoke=False)
        grass = _mix(self.near, (40, 60, 40), 0.5)
        for _ in range(120):
            x = self.rng.uniform(0, self.w)
            self.draw.line(
                (x, self.h, x + self.rng.uniform(-12, 12), self.h - self.rng.uniform(0.03, 0.09) * self.h),
                fill=grass,
                width=2 * SCALE,
            )

    def creative(self):
        """An old works turned creative park: a lit shed, a chimney, string lights, trees."""
        self.ground()
        base = self.horizon + self.h * 0.07
        self.sawtooth_shed(self.w * 0.12, base, self.w * 0.56, self.h * 0.18, 6, self.middle, lit=True)
        door = _mix(self.middle, AMBER, 0.7)
        self.draw.rectangle((self.w * 0.34, base - self.h * 0.1, self.w * 0.46, base), fill=door)
        self.chimney(
            self.w * 0.78, base, self.w * 0.03, self.h * 0.4, _mix(self.middle, (110, 50, 40), 0.3), smoke=False
        )
        self.foreground(base)
        pts = []
        for i in range(61):
            t = i / 60
            pts.append((self.w * t, base - self.h * 0.22 + math.sin(t * math.pi * 4) ** 2 * self.h * 0.04))
        self.draw.line(pts, fill=_mix(self.near, WHITE, 0.2), width=SCALE)
        for x, y in pts[::2]:
            self.draw.ellipse((x - 4 * SCALE, y, x + 4 * SCALE, y + 8 * SCALE), fill=AMBER)
        for tx in (self.w * 0.05, self.w * 0.93):
            self.draw.rectangle((tx - 6 * SCALE, base - self.h * 0.12, tx + 6 * SCALE, base), fill=self.near)
            self.draw.ellipse(
                (tx - self.w * 0.07, base - self.h * 0.34, tx + self.w * 0.07, base - self.h * 0.08), fill=self.near
            )

    def museum(self):
        """A former works' museum hall with a preserved chimney and tanks outside."""
        self.ground()
        base = self.horizon + self.h * 0.06
        c = self.middle
        self.box(self.w * 0.18, base, self.w * 0.48, self.h * 0.2, c, windows=0.0)
        for i in range(7):
            wx = self.w * (0.21 + i * 0.064)
            self.draw.rectangle(
                (wx, base - self.h * 0.16, wx + self.w * 0.03, base - self.h * 0.04), fill=_mix(c, AMBER, 0.55)
            )
        self.draw.rectangle((self.w * 0.16, base - self.h * 0.22, self.w * 0.68, base - self.h * 0.2), fill=c)
        self.draw.rectangle((self.w * 0.18, base - self.h * 0.028, self.w * 0.66, base - self.h * 0.02), fill=RED)
        self.chimney(self.w * 0.8, base, self.w * 0.03, self.h * 0.44, c, smoke=False)
        r = self.h * 0.07
        self.draw.ellipse((self.w * 0.05 - r, base - r * 2.4, self.w * 0.05 + r, base - r * 0.4), fill=c)
        self.draw.rectangle((self.w * 0.05 - 3 * SCALE, base - r * 0.6, self.w * 0.05 + 3 * SCALE, base), fill=c)
        self.foreground(base)


MOTIFS = {
    "rail": Scene.rail,
    "square": Scene.square,
    "aviation": Scene.aviation,
    "ceramics": Scene.ceramics,
    "fireworks": Scene.fireworks,
    "motorsport": Scene.motorsport,
    "apparel": Scene.apparel,
    "chemicals": Scene.chemicals,
    "textiles": Scene.textiles,
    "metallurgy": Scene.metallurgy,
    "creative": Scene.creative,
    "museum": Scene.museum,
    "works": Scene.works,
}
KINDS = tuple(MOTIFS)
