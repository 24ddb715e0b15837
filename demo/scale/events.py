"""Scale data for events: years of leagues, festivals, expos and shows, with their dates, made with bulk_create.

Most events have a handful of dates; weekly shows and summer leagues have dozens, so 20,000 events come to a few
hundred thousand occurrences. Rows are marked by a `scale-` slug prefix so `--reset` removes exactly them.
"""

import datetime
import zoneinfo
from decimal import Decimal

from django.utils import timezone

from core.choices import District
from demo.scale.sites import PREFIX, _district, _point, _weighted, delete_fast
from events.models import Event, EventKind, EventPhoto, EventStatus, Occurrence, refresh_next_dates
from sites.models import Site

BATCH = 5000
LOCAL = zoneinfo.ZoneInfo("Asia/Shanghai")
FIRST_DAY = datetime.date(2022, 1, 1)
SPAN_DAYS = 6 * 365  # 2022 to 2027: years of past events and a year or two ahead

# kind: (weight, Chinese word, English word, how the dates fall)
KINDS = {
    EventKind.SPORTS_LEAGUE: (10, "职工篮球联赛", "Works Basketball League", "league"),
    EventKind.FESTIVAL: (15, "美食文化节", "Food Festival", "days"),
    EventKind.CARNIVAL: (5, "航空嘉年华", "Aviation Carnival", "days"),
    EventKind.SHOW: (15, "烟花秀", "Fireworks Show", "weekly"),
    EventKind.EXPO: (10, "博览会", "Expo", "days"),
    EventKind.OPEN_DAY: (20, "工厂开放日", "Factory Open Day", "once"),
    EventKind.EXHIBITION: (15, "工业主题展", "Industrial Exhibition", "daily"),
    EventKind.CONFERENCE: (5, "产业峰会", "Industry Summit", "days"),
    EventKind.OTHER: (5, "工业旅游市集", "Industrial Tourism Market", "once"),
}
# How many dates each pattern makes: (fewest, most).
DATE_COUNTS = {"once": (1, 1), "days": (2, 5), "daily": (10, 30), "weekly": (20, 52), "league": (16, 40)}


def _local(day, hour, minute=0):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL)


def _dates(rng, pattern):
    """Start and end datetimes of one event's occurrences."""
    first = FIRST_DAY + datetime.timedelta(days=rng.randrange(SPAN_DAYS))
    fewest, most = DATE_COUNTS[pattern]
    count = rng.randint(fewest, most)
    step = 7 if pattern == "weekly" else (3 if pattern == "league" else 1)
    hour, length = {"weekly": (20, 1), "league": (19, 2)}.get(pattern, (9, 8))
    for n in range(count):
        day = first + datetime.timedelta(days=n * step)
        yield _local(day, hour), _local(day, hour + length)


def _event(rng, n, site_ids):
    kind = _weighted(rng, [(k, v[0]) for k, v in KINDS.items()])
    _, word_zh, word_en, _pattern = KINDS[kind]
    free = rng.random() < 0.6
    at_site = site_ids and rng.random() < 0.6
    district = _district(rng)
    lat, lng = _point(rng, district)
    status = _weighted(rng, [(EventStatus.SCHEDULED, 96), (EventStatus.POSTPONED, 2), (EventStatus.CANCELLED, 2)])
    published = rng.random() < 0.95
    return Event(
        title_zh=f"{District(district).label}{word_zh}{n}期",
        title_en=f"{word_en} No. {n}",
        slug=f"{PREFIX}event-{n}",
        kind=kind,
        summary_zh=f"株洲{word_zh}，面向市民与游客开放（规模测试数据）。",
        summary_en=f"A {word_en.lower()} in Zhuzhou, open to residents and visitors (scale test data).",
        description_zh=f"{word_zh}的详细介绍。\n\n活动期间请关注主办方公告。",
        description_en="What happens, and where.\n\nCheck the organisers' announcements before you go.",
        site_id=rng.choice(site_ids) if at_site else None,
        venue_name_zh="" if at_site else f"{District(district).label}会展中心",
        venue_name_en="" if at_site else f"{District(district).label} Exhibition Centre",
        district="" if at_site else district,
        latitude=None if at_site else lat,
        longitude=None if at_site else lng,
        coordinates_approximate=not at_site,
        organiser_zh="株洲市文旅局（示意）",
        organiser_en="Zhuzhou Culture and Tourism Bureau (illustrative)",
        admission_free=free,
        admission_price=None if free else Decimal(rng.choice([10, 30, 50, 80, 120, 280])),
        booking_required=rng.random() < 0.3,
        status=status,
        status_reason_zh="因天气原因取消。" if status == EventStatus.CANCELLED else "",
        status_reason_en="Cancelled because of the weather." if status == EventStatus.CANCELLED else "",
        for_study_tours=rng.random() < 0.3,
        for_families=rng.random() < 0.6,
        for_seniors=rng.random() < 0.3,
        for_general=rng.random() < 0.9,
        published=published,
        published_at=timezone.now() if published else None,
    )


def generate(*, events, rng, photos, stdout):
    """Create `events` events with their occurrences and a cover photo each."""
    if not events:
        return
    site_ids = list(Site.objects.published().filter(slug__startswith=PREFIX).values_list("pk", flat=True))
    Event.objects.bulk_create((_event(rng, n, site_ids) for n in range(1, events + 1)), batch_size=BATCH)
    created = list(Event.objects.filter(slug__startswith=PREFIX).values_list("pk", "kind"))
    total = 0

    def occurrences():
        nonlocal total
        for pk, kind in created:
            for starts_at, ends_at in _dates(rng, KINDS[kind][3]):
                total += 1
                yield Occurrence(event_id=pk, starts_at=starts_at, ends_at=ends_at, cancelled=rng.random() < 0.01)

    Occurrence.objects.bulk_create(occurrences(), batch_size=BATCH)
    refresh_next_dates(Event.objects.filter(slug__startswith=PREFIX))  # bulk_create sends no signals
    EventPhoto.objects.bulk_create(
        (
            EventPhoto(
                event_id=pk,
                image=name,
                width=w,
                height=h,
                alt_zh="活动示意图（占位图）",
                alt_en="Illustration of an event (placeholder)",
            )
            for pk, _kind in created
            for (name, w, h) in [rng.choice(photos)]
        ),
        batch_size=BATCH,
    )
    stdout.write(f"events: {events} events, {total} dates")


def reset():
    events = Event.objects.filter(slug__startswith=PREFIX)
    delete_fast(Occurrence.objects.filter(event__in=events))
    delete_fast(EventPhoto.objects.filter(event__in=events))
    events.delete()
