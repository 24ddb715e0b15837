"""Scale data for themed routes: one- to three-day routes through scale sites, heritage and events.

Rows are marked by a `scale-` slug prefix so `generate_scale_data --reset` removes exactly them.
"""

from demo.scale.sites import PREFIX, delete_fast
from itineraries.models import Itinerary, Stop, Theme, TravelMode
from sites.models import HeritageAsset, Site

BATCH = 5000
THEME_WORDS = {
    Theme.HEAVY_INDUSTRY: ("大国重器", "Pillars of the Nation"),
    Theme.CERAMICS: ("千年瓷都", "Porcelain Capital"),
    Theme.SPEED: ("速度激情", "Speed and Passion"),
    Theme.HISTORY: ("历史文化", "History and Culture"),
    Theme.FASHION: ("时尚服饰", "Fashion and Apparel"),
    Theme.STUDY: ("研学", "Study"),
    Theme.NOSTALGIA: ("工厂记忆", "Factory Memories"),
    Theme.EXPO: ("跟着展会去旅游", "Follow the Expo"),
}


def _route(rng, n):
    theme = rng.choice(list(Theme))
    word_zh, word_en = THEME_WORDS[theme]
    return Itinerary(
        title_zh=f"{word_zh}之旅{n}号线",
        title_en=f"{word_en} Route No. {n}",
        slug=f"{PREFIX}route-{n}",
        theme=theme,
        summary_zh=f"串联株洲{word_zh}主题的工业旅游点（规模测试数据）。",
        summary_en=f"Zhuzhou's industrial sites on the theme {word_en.lower()} (scale test data).",
        description_zh="按顺序游览各站点，每站建议停留时间见下。",
        description_en="Visit the stops in order; suggested times are given for each.",
        tips_zh="部分站点需提前预约。",
        tips_en="Some stops need booking ahead.",
        for_study_tours=rng.random() < 0.4,
        for_families=rng.random() < 0.6,
        for_seniors=rng.random() < 0.3,
        featured=rng.random() < 0.005,
        published=rng.random() < 0.95,
    )


def _stops(rng, route_pk, targets):
    days = rng.choice([1, 1, 1, 2, 2, 3])
    for day in range(1, days + 1):
        count = rng.randint(2, 5)
        for position in range(count):
            field, ids = rng.choices(targets, weights=[6, 3, 1])[0]
            last = position == count - 1
            yield Stop(
                itinerary_id=route_pk,
                day=day,
                position=position,
                **{f"{field}_id": rng.choice(ids)},
                visit_minutes=rng.choice([30, 45, 60, 90, 120]),
                note_zh="参观展厅与车间。",
                note_en="See the exhibition hall and the workshops.",
                next_mode="" if last else rng.choice(list(TravelMode)),
                next_minutes=None if last else rng.randint(5, 60),
            )


def generate(*, routes, rng, photos, stdout):
    """Create `routes` routes of two to fifteen stops at published scale places."""
    if not routes:
        return
    from events.models import Event

    targets = [
        ("site", list(Site.objects.published().filter(slug__startswith=PREFIX).values_list("pk", flat=True))),
        (
            "heritage",
            list(HeritageAsset.objects.filter(published=True, slug__startswith=PREFIX).values_list("pk", flat=True)),
        ),
        ("event", list(Event.objects.published().filter(slug__startswith=PREFIX).values_list("pk", flat=True))),
    ]
    targets = [(field, ids) for field, ids in targets if ids] or []
    if not targets:
        return
    while len(targets) < 3:  # keep the weights' length
        targets.append(targets[0])
    Itinerary.objects.bulk_create((_route(rng, n) for n in range(1, routes + 1)), batch_size=BATCH)
    created = Itinerary.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True)
    Stop.objects.bulk_create((s for pk in created for s in _stops(rng, pk, targets)), batch_size=BATCH)
    stdout.write(
        f"itineraries: {routes} routes, {Stop.objects.filter(itinerary__slug__startswith=PREFIX).count()} stops"
    )


def reset():
    routes = Itinerary.objects.filter(slug__startswith=PREFIX)
    delete_fast(Stop.objects.filter(itinerary__in=routes))
    routes.delete()
