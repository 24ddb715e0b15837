"""Motifs of moving things: a works with its sheds, a locomotive on its track, Locomotive Square, an airfield,
a race circuit. Each draws on a Scene (demo.placeholders.shapes) over the sky and far skyline."""

from .canvas import AMBER, RED, SCALE, WHITE, mix


def works(scene):
    scene.ground()
    base = scene.horizon + scene.h * 0.02
    x = -scene.w * 0.05
    while x < scene.w:
        w = scene.rng.uniform(0.22, 0.4) * scene.w
        scene.sawtooth_shed(x, base, w, scene.rng.uniform(0.1, 0.16) * scene.h, scene.rng.randint(4, 8), scene.middle)
        x += w + scene.rng.uniform(0.02, 0.06) * scene.w
    scene.chimney(scene.rng.uniform(0.6, 0.85) * scene.w, base, scene.w * 0.03, scene.h * 0.42, scene.middle)


def rail(scene):
    scene.ground()
    base = scene.horizon + scene.h * 0.01
    scene.sawtooth_shed(scene.w * scene.rng.uniform(-0.1, 0.05), base, scene.w * 0.62, scene.h * 0.16, 7, scene.middle)
    scene.chimney(scene.w * scene.rng.uniform(0.74, 0.9), base, scene.w * 0.028, scene.h * 0.4, scene.middle)
    rail_y = scene.horizon + scene.h * 0.2
    length = scene.w * scene.rng.uniform(0.56, 0.66)
    x = scene.w * scene.rng.uniform(0.08, 0.36)
    poles = mix(scene.near, scene.horizon_color, 0.35)
    wire = rail_y - length * 0.05 - length * 0.2 - length * 0.2 * 0.55
    scene.catenary(rail_y, wire, poles)
    scene.soft_light(
        x + length / 2,
        rail_y - scene.h * 0.08,
        length * 0.6,
        scene.h * 0.08,
        mix(scene.horizon_color, AMBER, 0.4),
        0.3,
    )
    scene.track(rail_y)
    scene.locomotive(x, rail_y, length)


def square(scene):
    """Locomotive Square: a locomotive on a plinth by the river, a bridge, trees and lamps."""
    scene.ground()
    bank = scene.horizon + scene.h * 0.1
    water = mix(scene.horizon_color, scene.mid, 0.45)
    scene.draw.rectangle((0, scene.horizon + 2 * SCALE, scene.w, bank), fill=water)
    for _ in range(40):
        y = scene.rng.uniform(scene.horizon + scene.h * 0.01, bank)
        x0 = scene.rng.uniform(-0.1, 1) * scene.w
        scene.draw.line(
            (x0, y, x0 + scene.rng.uniform(0.03, 0.12) * scene.w, y),
            fill=mix(water, scene.glow_color, 0.35),
            width=SCALE,
        )
    deck = scene.horizon - scene.h * 0.035
    bridge = mix(scene.far, scene.middle, 0.5)
    scene.draw.rectangle((0, deck, scene.w, deck + scene.h * 0.012), fill=bridge)
    span = scene.w / 7
    for i in range(8):
        x = i * span + scene.w * 0.03
        scene.draw.rectangle((x - scene.w * 0.006, deck, x + scene.w * 0.006, scene.horizon + 2 * SCALE), fill=bridge)
        scene.draw.arc(
            (x, deck - scene.h * 0.01, x + span, deck + scene.h * 0.07), 180, 360, fill=bridge, width=3 * SCALE
        )
    scene.foreground(bank, lift=0.12)
    scene.draw.line((0, bank, scene.w, bank), fill=mix(scene.near, WHITE, 0.3), width=2 * SCALE)
    for i in range(60):
        x = scene.w * i / 60
        scene.draw.line((x, bank, x, bank - scene.h * 0.02), fill=mix(scene.near, WHITE, 0.2), width=SCALE)
    vx = scene.w * 0.5
    for i in range(-8, 9):  # paving joints running towards the river
        scene.draw.line(
            (vx + i * scene.w * 0.05, bank + scene.h * 0.01, vx + i * scene.w * 0.16, scene.h),
            fill=mix(scene.near, scene.horizon_color, 0.08),
            width=SCALE,
        )
    plinth_top = scene.horizon + scene.h * 0.2
    stone = mix(scene.near, scene.horizon_color, 0.3)
    scene.draw.rectangle((scene.w * 0.2, plinth_top, scene.w * 0.8, plinth_top + scene.h * 0.045), fill=stone)
    scene.draw.rectangle(
        (scene.w * 0.17, plinth_top + scene.h * 0.045, scene.w * 0.83, plinth_top + scene.h * 0.07),
        fill=mix(stone, scene.near, 0.35),
    )
    scene.draw.rectangle(
        (scene.w * 0.2, plinth_top - 3 * SCALE, scene.w * 0.8, plinth_top), fill=mix(stone, WHITE, 0.3)
    )
    scene.locomotive(scene.w * 0.24, plinth_top - 3 * SCALE, scene.w * 0.52)
    for tx, size in ((scene.w * 0.07, scene.h * 0.16), (scene.w * 0.94, scene.h * 0.18)):
        scene.tree(tx, plinth_top + scene.h * 0.07, size, scene.near)
    for lx in (scene.w * 0.15, scene.w * 0.85):
        top = plinth_top - scene.h * 0.18
        scene.draw.line((lx, plinth_top + scene.h * 0.07, lx, top), fill=scene.near, width=4 * SCALE)
        scene.draw.ellipse((lx - 8 * SCALE, top - 8 * SCALE, lx + 8 * SCALE, top + 8 * SCALE), fill=(255, 226, 170))
        scene.soft_light(lx, top, scene.w * 0.035, scene.w * 0.035, AMBER, 0.8, blur=0.6)


def aviation(scene):
    scene.ground(color=mix(scene.near, scene.mid, 0.2))
    base = scene.horizon + scene.h * 0.08
    scene.hangar(scene.w * scene.rng.uniform(0.02, 0.12), base, scene.w * 0.34, scene.h * 0.22, scene.middle)
    scene.hangar(
        scene.w * scene.rng.uniform(0.5, 0.58), base, scene.w * 0.26, scene.h * 0.17, mix(scene.middle, scene.far, 0.3)
    )
    tower_x = scene.w * 0.46
    scene.draw.rectangle((tower_x, base - scene.h * 0.26, tower_x + scene.w * 0.02, base), fill=scene.middle)
    scene.draw.rectangle(
        (tower_x - scene.w * 0.015, base - scene.h * 0.3, tower_x + scene.w * 0.035, base - scene.h * 0.24),
        fill=mix(scene.middle, AMBER, 0.4),
    )
    runway_y = base + scene.h * 0.06
    scene.foreground(runway_y)
    for i in range(9):
        x = scene.w * (i / 9) + scene.w * 0.02
        scene.draw.rectangle(
            (x, runway_y + scene.h * 0.07, x + scene.w * 0.05, runway_y + scene.h * 0.078),
            fill=mix(scene.near, WHITE, 0.5),
        )
    for i in range(24):
        x = scene.w * i / 24
        scene.draw.ellipse((x, runway_y - 3 * SCALE, x + 6 * SCALE, runway_y + 3 * SCALE), fill=AMBER if i % 4 else RED)
    scene.aircraft(
        scene.w * scene.rng.uniform(0.55, 0.75),
        scene.h * scene.rng.uniform(0.22, 0.34),
        scene.w * 0.34,
        scene.rng.uniform(6, 14),
        mix(scene.near, scene.mid, 0.3),
    )


def motorsport(scene):
    scene.ground(color=mix(scene.near, scene.mid, 0.2))
    base = scene.horizon + scene.h * 0.02
    stand_x = scene.w * scene.rng.uniform(0.05, 0.2)
    stand_w = scene.w * 0.5
    scene.draw.polygon(
        [
            (stand_x, base),
            (stand_x, base - scene.h * 0.08),
            (stand_x + stand_w, base - scene.h * 0.14),
            (stand_x + stand_w, base),
        ],
        fill=scene.middle,
    )
    scene.draw.polygon(
        [
            (stand_x - scene.w * 0.01, base - scene.h * 0.13),
            (stand_x + stand_w + scene.w * 0.02, base - scene.h * 0.2),
            (stand_x + stand_w + scene.w * 0.02, base - scene.h * 0.185),
            (stand_x - scene.w * 0.01, base - scene.h * 0.12),
        ],
        fill=scene.middle,
    )
    for tx in (scene.w * 0.78, scene.w * 0.93):
        scene.draw.line((tx, base, tx, base - scene.h * 0.3), fill=scene.middle, width=4 * SCALE)
        scene.draw.rectangle(
            (tx - scene.w * 0.018, base - scene.h * 0.33, tx + scene.w * 0.018, base - scene.h * 0.3),
            fill=mix(scene.middle, WHITE, 0.7),
        )
        scene.soft_light(tx, base - scene.h * 0.315, scene.w * 0.05, scene.h * 0.04, WHITE, 0.5)
    # the track: a band sweeping from the lower left to the horizon on the right
    outer, inner = [], []
    for i in range(41):
        t = i / 40
        x = scene.w * (-0.1 + 1.2 * t)
        y = scene.h - (scene.h - base - scene.h * 0.02) * (1 - (1 - t) ** 2.2)
        width = scene.h * (0.16 * (1 - t) + 0.015)
        outer.append((x, y - width / 2))
        inner.append((x, y + width / 2))
    asphalt = mix(scene.near, scene.mid, 0.45)
    scene.draw.polygon(outer + list(reversed(inner)), fill=asphalt)
    for i in range(40):  # red and white kerb on the lower edge
        (x0, y0), (x1, y1) = inner[i], inner[i + 1]
        thick = max(2 * SCALE, (y1 - outer[i + 1][1]) * 0.12)
        scene.draw.polygon([(x0, y0), (x1, y1), (x1, y1 + thick), (x0, y0 + thick)], fill=RED if i % 2 else WHITE)
    for i in range(0, 40, 2):  # dashed centre line
        (ax, ay), (bx, by) = outer[i], inner[i]
        (cx, cy), (dx, dy) = outer[i + 1], inner[i + 1]
        scene.draw.line(
            ((ax + bx) / 2, (ay + by) / 2, (cx + dx) / 2, (cy + dy) / 2),
            fill=mix(asphalt, WHITE, 0.5),
            width=2 * SCALE,
        )
