"""Building blocks the motifs are drawn from: sheds, chimneys, locomotives, aircraft, kilns, trees..."""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from .canvas import AMBER, RED, SCALE, WHITE, Canvas, mix


class Scene(Canvas):
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
                glass = mix(color, AMBER, 0.35)
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
                    glow = mix(color, AMBER, self.rng.uniform(0.35, 0.8))
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
                d.rectangle((x - half0, y0, x + half0, y1), fill=RED if i % 2 == 0 else mix(color, WHITE, 0.45))
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
                        fill=mix(color, AMBER, self.rng.uniform(0.3, 0.75)),
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
        ballast = mix(self.near, self.horizon_color, 0.12)
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
                fill=mix(ballast, (0, 0, 0), 0.4),
            )
            x += step
        self.draw.rectangle(
            (0, rail_y - self.h * 0.004, self.w, rail_y + self.h * 0.008), fill=mix(self.near, WHITE, 0.45)
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
        d.rectangle((x + nose, top, x + length - nose, top + h * 0.07), fill=mix(accent, (0, 0, 0), 0.3))
        d.rectangle((x, top + h * 0.7, x + length, top + h * 0.76), fill=WHITE)
        d.rectangle((x, top + h * 0.9, x + length, skirt), fill=mix(accent, (0, 0, 0), 0.45))
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
                fill=mix(accent, (0, 0, 0), 0.4),
            )
            lamp_x = edge + sign * nose * 0.25
            d.ellipse(
                (lamp_x - 5 * SCALE, top + h * 0.55, lamp_x + 5 * SCALE, top + h * 0.55 + 10 * SCALE),
                fill=(255, 236, 200),
            )
        for i in range(7):  # side grilles
            gx = x + length * (0.22 + i * 0.08)
            d.rectangle((gx, top + h * 0.18, gx + length * 0.05, top + h * 0.52), fill=mix(accent, (0, 0, 0), 0.25))
        steel = mix(self.near, WHITE, 0.16)
        for bx in (x + length * 0.1, x + length * 0.62):
            d.rectangle((bx, skirt, bx + length * 0.28, skirt + length * 0.018), fill=steel)
            for wx in (bx + length * 0.05, bx + length * 0.14, bx + length * 0.23):
                r = length * 0.026
                d.ellipse((wx - r, rail - 2 * r, wx + r, rail), fill=steel)
                d.ellipse(
                    (wx - r * 0.35, rail - r * 1.35, wx + r * 0.35, rail - r * 0.65), fill=mix(steel, WHITE, 0.25)
                )
        wire = top - h * 0.55
        arm = mix(self.near, WHITE, 0.3)
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

        self.draw.polygon(place(wing_far), fill=mix(color, self.horizon_color, 0.2))
        for part in (body, fin, tailplane, wing):
            self.draw.polygon(place(part), fill=color)
        self.draw.polygon(place([(-0.46, -0.12), (-0.5, -0.2), (-0.44, -0.2), (-0.41, -0.12)]), fill=RED)
        self.draw.polygon(
            place([(0.28, -0.05), (0.34, -0.045), (0.33, -0.01), (0.26, -0.01)]), fill=mix(color, (170, 200, 230), 0.5)
        )

    def hangar(self, x, base, w, h, color):
        d = self.draw
        d.rectangle((x, base - h * 0.55, x + w, base), fill=color)
        d.chord((x, base - h, x + w, base - h * 0.1), 180, 360, fill=color)
        door = mix(color, AMBER, 0.5)
        d.rectangle((x + w * 0.15, base - h * 0.42, x + w * 0.85, base), fill=door)
        self.soft_light(x + w / 2, base, w * 0.45, h * 0.18, AMBER, 0.35)
        d = self.draw
        for i in range(1, 6):
            lx = x + w * (0.15 + i * 0.7 / 6)
            d.line((lx, base - h * 0.42, lx, base), fill=mix(door, color, 0.5), width=2 * SCALE)

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
        self.draw.rectangle((x - w * 0.1, base - h * 0.3, x + w * 0.1, base), fill=mix(color, AMBER, 0.6))

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
            d.line((p0, p1), fill=mix(color, (0, 0, 0), 0.35), width=2 * SCALE)
            d.ellipse(
                (p1[0] - 4 * SCALE, p1[1] - 4 * SCALE, p1[0] + 4 * SCALE, p1[1] + 4 * SCALE),
                fill=mix(color, WHITE, 0.4),
            )
        k = 4
        glow = layer.resize((self.w // k, self.h // k), Image.Resampling.BILINEAR).filter(
            ImageFilter.GaussianBlur(radius / k * 0.12)
        )
        glow = glow.resize((self.w, self.h), Image.Resampling.BILINEAR)
        self.image = ImageChops.add(self.image, ImageChops.add(layer, glow))
        self.draw = ImageDraw.Draw(self.image)

    # Motifs -----------------------------------------------------------------------------------

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
