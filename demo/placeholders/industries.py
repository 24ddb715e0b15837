"""Motifs of the other industries: kilns, fireworks, markets, chemical plants, mills, old heavy industry, creative
parks and museums. Each draws on a Scene (demo.placeholders.shapes) over the sky and far skyline."""

import math

from .canvas import AMBER, RED, SCALE, WHITE, mix


def ceramics(scene):
    scene.ground()
    base = scene.horizon + scene.h * 0.02
    for i in range(scene.rng.randint(3, 4)):
        x = scene.w * (0.12 + i * 0.25 + scene.rng.uniform(-0.03, 0.03))
        kiln_h = scene.h * scene.rng.uniform(0.28, 0.36)
        scene.kiln(x, base, scene.w * scene.rng.uniform(0.11, 0.14), kiln_h, scene.middle)
        if scene.rng.random() < 0.6:
            scene.smoke(x, base - kiln_h + scene.h * 0.01, drift=0.8, size=1.1)
    shelf = scene.horizon + scene.h * 0.22
    scene.foreground(shelf, lift=0.05)
    scene.draw.rectangle((0, shelf - 2 * SCALE, scene.w, shelf + 4 * SCALE), fill=mix(scene.near, AMBER, 0.3))
    xs = [0.1, 0.27, 0.45, 0.63, 0.8, 0.94]
    red_one = scene.rng.randrange(1, len(xs) - 1)
    glazes = [(70, 96, 110), (196, 190, 176), (46, 58, 78), (120, 110, 96), (150, 170, 160)]
    for i, fx in enumerate(xs):
        h = scene.h * scene.rng.uniform(0.17, 0.25)
        if i == red_one:
            color = RED
            h = scene.h * 0.27
        else:
            color = mix(scene.rng.choice(glazes), scene.near, 0.55)
        pts = scene.vase(scene.w * fx, shelf, h, color, shape=scene.rng.randrange(3))
        left = [(px, py) for px, py in pts[: len(pts) // 2]]
        shine = mix(color, WHITE, 0.35)
        for (ax, ay), (bx, by) in zip(left[4:-6], left[5:-5], strict=True):
            cx = scene.w * fx
            scene.draw.line((cx - (ax - cx) * 0.55, ay, cx - (bx - cx) * 0.55, by), fill=shine, width=3 * SCALE)


def fireworks(scene):
    colors = [(255, 200, 120), RED, (255, 120, 90), (250, 230, 190), (255, 170, 60)]
    count = scene.rng.randint(4, 6)
    for i in range(count):
        cx = (i + scene.rng.uniform(0.25, 0.75)) / count * scene.w
        cy = scene.rng.uniform(0.14, 0.42) * scene.h
        color = RED if i == count // 2 else scene.rng.choice(colors)
        scene.burst(cx, cy, scene.rng.uniform(0.1, 0.17) * scene.w, color)
    scene.soft_light(scene.w / 2, scene.horizon, scene.w * 0.5, scene.h * 0.12, (180, 70, 60), 0.4)
    scene.ground(color=(6, 7, 10))
    base = scene.horizon + scene.h * 0.03
    for i in range(3):
        scene.kiln(scene.w * (0.2 + 0.3 * i), base, scene.w * 0.1, scene.h * 0.22, (10, 11, 15))
    scene.draw.rectangle((0, base - scene.h * 0.03, scene.w, base), fill=(10, 11, 15))
    for i in range(40):  # a crowd
        x = scene.w * i / 40 + scene.rng.uniform(-8, 8)
        r = scene.w * 0.008
        y = scene.h * 0.9 + scene.rng.uniform(-6, 6)
        scene.draw.ellipse((x - r, y - r * 3.2, x + r, y - r * 1.2), fill=(4, 4, 6))
        scene.draw.rounded_rectangle((x - r * 1.8, y - r * 1.4, x + r * 1.8, scene.h), radius=r, fill=(4, 4, 6))


def apparel(scene):
    scene.ground()
    base = scene.horizon + scene.h * 0.06
    x = -scene.w * 0.02
    while x < scene.w:
        w = scene.rng.uniform(0.16, 0.28) * scene.w
        scene.box(x, base, w, scene.rng.uniform(0.22, 0.4) * scene.h, scene.middle, windows=0.75)
        x += w + scene.w * 0.01
    street = base
    scene.foreground(street)
    fabrics = [RED, (46, 92, 120), (214, 178, 120), (110, 120, 104), (160, 70, 80), (70, 76, 110), (220, 210, 196)]
    rail_y = scene.horizon + scene.h * 0.14
    scene.draw.line((0, rail_y, scene.w, rail_y + scene.h * 0.02), fill=mix(scene.near, WHITE, 0.2), width=3 * SCALE)
    for i in range(16):
        fx = scene.w * (i + 0.2) / 16
        fy = rail_y + scene.h * 0.02 * i / 16
        fw = scene.w / 16 * 0.7
        fh = scene.h * scene.rng.uniform(0.18, 0.3)
        color = mix(scene.rng.choice(fabrics), scene.near, 0.25)
        scene.draw.polygon([(fx, fy), (fx + fw, fy), (fx + fw * 1.05, fy + fh), (fx - fw * 0.05, fy + fh)], fill=color)
        scene.draw.line(
            (fx + fw * 0.5, fy, fx + fw * 0.5, fy - scene.h * 0.015),
            fill=mix(scene.near, WHITE, 0.3),
            width=2 * SCALE,
        )


def chemicals(scene):
    scene.ground()
    base = scene.horizon + scene.h * 0.03
    color = scene.middle
    for i in range(3):
        cx = scene.w * (0.12 + i * 0.07)
        h = scene.h * scene.rng.uniform(0.3, 0.46)
        cw = scene.w * 0.022
        scene.draw.rectangle((cx - cw, base - h, cx + cw, base), fill=color)
        scene.draw.ellipse((cx - cw, base - h - cw, cx + cw, base - h + cw), fill=color)
        for py in range(1, 5):
            y = base - h * py / 5
            scene.draw.rectangle((cx - cw * 1.8, y, cx + cw * 1.8, y + 4 * SCALE), fill=color)
    for i in range(2):
        cx, r = scene.w * (0.46 + i * 0.14), scene.h * 0.09
        for lx in (-0.6, 0, 0.6):
            scene.draw.line((cx + lx * r, base, cx + lx * r * 0.8, base - r), fill=color, width=4 * SCALE)
        scene.draw.ellipse((cx - r, base - r * 2.6, cx + r, base - r * 0.6), fill=color)
    for i in range(4):
        y = base - scene.h * (0.05 + 0.025 * i)
        scene.draw.line((scene.w * 0.08, y, scene.w * 0.98, y), fill=color, width=5 * SCALE)
    scene.chimney(scene.w * 0.86, base, scene.w * 0.03, scene.h * 0.5, color)
    scene.box(scene.w * 0.72, base, scene.w * 0.1, scene.h * 0.12, color, windows=0.6)


def textiles(scene):
    scene.ground()
    base = scene.horizon + scene.h * 0.05
    scene.sawtooth_shed(scene.w * -0.05, base, scene.w * 0.6, scene.h * 0.17, 8, scene.middle)
    scene.sawtooth_shed(scene.w * 0.6, base, scene.w * 0.45, scene.h * 0.13, 5, mix(scene.middle, scene.far, 0.3))
    brick = mix(scene.middle, (110, 50, 40), 0.35)
    scene.chimney(scene.w * 0.56, base, scene.w * 0.035, scene.h * 0.44, brick, bands=False)
    scene.draw.rectangle(
        (
            scene.w * 0.56 - scene.w * 0.014,
            base - scene.h * 0.44,
            scene.w * 0.56 + scene.w * 0.014,
            base - scene.h * 0.425,
        ),
        fill=RED,
    )
    floor = base + scene.h * 0.08
    scene.foreground(floor)
    yarn = [(214, 196, 160), (58, 84, 120), RED, (150, 150, 140), (190, 120, 80), (90, 110, 96), (226, 220, 206)]
    spindle = floor + scene.h * 0.1
    scene.draw.rectangle((0, spindle, scene.w, spindle + scene.h * 0.02), fill=mix(scene.near, WHITE, 0.12))
    for i in range(9):  # cones of yarn on a creel
        x = scene.w * (0.06 + i * 0.11)
        r, h = scene.w * scene.rng.uniform(0.028, 0.034), scene.h * scene.rng.uniform(0.15, 0.19)
        color = mix(yarn[(i + scene.rng.randrange(3)) % len(yarn)], scene.near, 0.35)
        scene.draw.polygon(
            [(x - r, spindle), (x - r * 0.55, spindle - h), (x + r * 0.55, spindle - h), (x + r, spindle)],
            fill=color,
        )
        for k in range(1, 6):
            y = spindle - h * k / 6
            half = r - (r * 0.45) * k / 6
            scene.draw.line((x - half, y, x + half, y), fill=mix(color, (0, 0, 0), 0.15), width=SCALE)
        scene.draw.rectangle(
            (x - r * 0.18, spindle - h - scene.h * 0.02, x + r * 0.18, spindle - h),
            fill=mix(scene.near, WHITE, 0.25),
        )


def metallurgy(scene):
    """Old heavy industry: a furnace tower, stoves, a conveyor, a roofless shed."""
    scene.ground()
    base = scene.horizon + scene.h * 0.03
    c = scene.middle
    fx = scene.w * scene.rng.uniform(0.25, 0.4)
    scene.draw.polygon(
        [
            (fx - scene.w * 0.05, base),
            (fx - scene.w * 0.035, base - scene.h * 0.36),
            (fx + scene.w * 0.035, base - scene.h * 0.36),
            (fx + scene.w * 0.05, base),
        ],
        fill=c,
    )
    scene.draw.rectangle(
        (fx - scene.w * 0.02, base - scene.h * 0.46, fx + scene.w * 0.02, base - scene.h * 0.36), fill=c
    )
    for i in range(3):
        sx = fx + scene.w * (0.09 + 0.05 * i)
        scene.draw.rectangle((sx - scene.w * 0.018, base - scene.h * 0.24, sx + scene.w * 0.018, base), fill=c)
        scene.draw.chord(
            (sx - scene.w * 0.018, base - scene.h * 0.27, sx + scene.w * 0.018, base - scene.h * 0.21), 180, 360, fill=c
        )
    scene.draw.line((fx - scene.w * 0.3, base, fx - scene.w * 0.02, base - scene.h * 0.34), fill=c, width=9 * SCALE)
    # a roofless shed: walls with empty window openings showing the sky
    sx, sw, sh = scene.w * 0.66, scene.w * 0.34, scene.h * 0.2
    scene.draw.rectangle((sx, base - sh, sx + sw, base), fill=c)
    for i in range(6):
        wx = sx + sw * (i + 0.25) / 6
        scene.draw.rectangle(
            (wx, base - sh * 0.8, wx + sw / 6 * 0.5, base - sh * 0.3), fill=mix(scene.horizon_color, scene.mid, 0.3)
        )
    scene.draw.polygon(
        [
            (sx, base - sh),
            (sx + sw * 0.3, base - sh),
            (sx + sw * 0.18, base - sh * 1.12),
            (sx + sw * 0.1, base - sh * 1.05),
        ],
        fill=c,
    )
    scene.chimney(scene.w * 0.12, base, scene.w * 0.03, scene.h * 0.46, c, smoke=False)
    grass = mix(scene.near, (40, 60, 40), 0.5)
    for _ in range(120):
        x = scene.rng.uniform(0, scene.w)
        scene.draw.line(
            (x, scene.h, x + scene.rng.uniform(-12, 12), scene.h - scene.rng.uniform(0.03, 0.09) * scene.h),
            fill=grass,
            width=2 * SCALE,
        )


def creative(scene):
    """An old works turned creative park: a lit shed, a chimney, string lights, trees."""
    scene.ground()
    base = scene.horizon + scene.h * 0.07
    scene.sawtooth_shed(scene.w * 0.12, base, scene.w * 0.56, scene.h * 0.18, 6, scene.middle, lit=True)
    door = mix(scene.middle, AMBER, 0.7)
    scene.draw.rectangle((scene.w * 0.34, base - scene.h * 0.1, scene.w * 0.46, base), fill=door)
    scene.chimney(
        scene.w * 0.78, base, scene.w * 0.03, scene.h * 0.4, mix(scene.middle, (110, 50, 40), 0.3), smoke=False
    )
    scene.foreground(base)
    pts = []
    for i in range(61):
        t = i / 60
        pts.append((scene.w * t, base - scene.h * 0.22 + math.sin(t * math.pi * 4) ** 2 * scene.h * 0.04))
    scene.draw.line(pts, fill=mix(scene.near, WHITE, 0.2), width=SCALE)
    for x, y in pts[::2]:
        scene.draw.ellipse((x - 4 * SCALE, y, x + 4 * SCALE, y + 8 * SCALE), fill=AMBER)
    for tx in (scene.w * 0.05, scene.w * 0.93):
        scene.draw.rectangle((tx - 6 * SCALE, base - scene.h * 0.12, tx + 6 * SCALE, base), fill=scene.near)
        scene.draw.ellipse(
            (tx - scene.w * 0.07, base - scene.h * 0.34, tx + scene.w * 0.07, base - scene.h * 0.08), fill=scene.near
        )


def museum(scene):
    """A former works' museum hall with a preserved chimney and tanks outside."""
    scene.ground()
    base = scene.horizon + scene.h * 0.06
    c = scene.middle
    scene.box(scene.w * 0.18, base, scene.w * 0.48, scene.h * 0.2, c, windows=0.0)
    for i in range(7):
        wx = scene.w * (0.21 + i * 0.064)
        scene.draw.rectangle(
            (wx, base - scene.h * 0.16, wx + scene.w * 0.03, base - scene.h * 0.04), fill=mix(c, AMBER, 0.55)
        )
    scene.draw.rectangle((scene.w * 0.16, base - scene.h * 0.22, scene.w * 0.68, base - scene.h * 0.2), fill=c)
    scene.draw.rectangle((scene.w * 0.18, base - scene.h * 0.028, scene.w * 0.66, base - scene.h * 0.02), fill=RED)
    scene.chimney(scene.w * 0.8, base, scene.w * 0.03, scene.h * 0.44, c, smoke=False)
    r = scene.h * 0.07
    scene.draw.ellipse((scene.w * 0.05 - r, base - r * 2.4, scene.w * 0.05 + r, base - r * 0.4), fill=c)
    scene.draw.rectangle((scene.w * 0.05 - 3 * SCALE, base - r * 0.6, scene.w * 0.05 + 3 * SCALE, base), fill=c)
    scene.foreground(base)
