"""The canvas of a placeholder picture: palette, sky and the layers every motif shares."""

from PIL import Image, ImageDraw, ImageFilter

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


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


class Canvas:
    """The picture and its layers: sky, light, smoke, the far skyline, the ground, the finish."""

    def __init__(self, width, height, rng, night=False):
        self.w, self.h, self.rng, self.night = width, height, rng, night
        self.top, self.mid, self.horizon_color, self.glow_color = NIGHT if night else rng.choice(SKIES)
        self.horizon = round(height * rng.uniform(0.66, 0.72))
        self.far = mix(self.horizon_color, self.mid, 0.45)
        self.middle = mix(self.mid, self.top, 0.55)
        self.near = mix(self.top, (8, 9, 12), 0.6)
        self.image = Image.new("RGB", (width, height))
        self.draw = ImageDraw.Draw(self.image)

    def sky(self):
        h = self.h
        column = []
        for y in range(h):
            t = y / max(1, self.horizon)
            if t < 0.55:
                column.append(mix(self.top, self.mid, t / 0.55))
            elif t < 1:
                column.append(mix(self.mid, self.horizon_color, (t - 0.55) / 0.45))
            else:
                column.append(mix(self.horizon_color, self.near, min(1, (y - self.horizon) / (h * 0.08))))
        strip = Image.new("RGB", (1, h))
        strip.putdata(column)
        self.image.paste(strip.resize((self.w, h), Image.Resampling.BILINEAR))
        cx = self.rng.uniform(0.2, 0.8) * self.w
        self.soft_light(cx, self.horizon - self.h * 0.04, self.w * 0.32, self.h * 0.16, self.glow_color, 0.55)
        if self.night:
            for _ in range(140):
                x, y = self.rng.uniform(0, self.w), self.rng.uniform(0, self.horizon * 0.8)
                r = self.rng.uniform(1, 3)
                self.draw.ellipse((x - r, y - r, x + r, y + r), fill=mix(self.top, WHITE, self.rng.uniform(0.2, 0.6)))

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
        self.image.paste(Image.new("RGB", (self.w, self.h), color or mix(self.horizon_color, WHITE, 0.3)), mask=mask)

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
        near_horizon = mix(base, self.horizon_color, 0.16)
        rows = self.h - self.horizon
        strip = Image.new("RGB", (1, rows))
        strip.putdata([mix(near_horizon, base, min(1, (y / rows) ** 0.6)) for y in range(rows)])
        self.image.paste(strip.resize((self.w, rows), Image.Resampling.BILINEAR), (0, self.horizon))

    def foreground(self, top, lift=0.1):
        top = round(top)
        rows = self.h - top
        strip = Image.new("RGB", (1, rows))
        light = mix(self.near, self.horizon_color, lift)
        strip.putdata([mix(light, self.near, min(1, (y / rows) ** 0.5)) for y in range(rows)])
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
