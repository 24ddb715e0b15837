"""A small published catalogue for the API tests, with what must never show beside it: drafts, a proposed change,
a booking's contact data. Every secret text carries SECRET so a test can search whole answers for it."""

import datetime

from bookings import services
from bookings.models import Booking
from core.revisions import start_revision
from events.models import Event, Occurrence, refresh_next_dates
from itineraries.models import Itinerary, Stop
from sites.models import OpeningException, OpeningPeriod, SitePhoto
from tests.conftest import at
from tests.factories import make_heritage, make_site
from tests.test_bookings_helpers import make_programme, make_slot

SECRET = "SECRET"


def published_site(n=0, **fields):
    site = make_site(
        name_zh=f"中车株机{n}",
        name_en=f"CRRC works {n}",
        level=["national", "provincial", "municipal", "none"][n % 4],
        industry="ceramics" if n % 2 else "rail",
        district="liling" if n % 2 else "shifeng",
        for_study_tours=True,
        description_zh="总装厂房。",
        **fields,
    )
    SitePhoto.objects.bulk_create(
        SitePhoto(site=site, image=f"photos/s{site.pk}-{p}.jpg", width=1200, height=800, alt_zh="厂房", position=p)
        for p in range(2)
    )
    OpeningPeriod.objects.bulk_create(
        OpeningPeriod(site=site, weekday=day, opens=datetime.time(9), closes=datetime.time(17)) for day in range(6)
    )
    OpeningException.objects.create(site=site, date=datetime.date(2027, 3, 3), closed=True, note_zh="检修")
    return site


def event_at(site, n=0, start=None, dates=3, **fields):
    defaults = {"title_zh": f"厂BA{n}", "title_en": f"Factory league {n}", "slug": f"factory-league-{n}"}
    event = Event.objects.create(kind="sports", site=site, published=True, **{**defaults, **fields})
    start = start or at(2027, 3, 10, 19)
    Occurrence.objects.bulk_create(
        Occurrence(
            event=event,
            starts_at=start + datetime.timedelta(days=7 * k),
            ends_at=start + datetime.timedelta(days=7 * k, hours=2),
        )
        for k in range(dates)
    )
    refresh_next_dates(Event.objects.filter(pk=event.pk))  # bulk_create sends no signals, as the loaders know
    return event


def route_through(places, n=0, **fields):
    route = Itinerary.objects.create(
        title_zh=f"大国重器之旅{n}",
        title_en=f"Pillars {n}",
        slug=f"pillars-{n}",
        theme="heavy_industry",
        published=True,
        **fields,
    )
    for position, place in enumerate(places):
        kind = {"Site": "site", "HeritageAsset": "heritage", "Event": "event"}[type(place).__name__]
        Stop.objects.create(itinerary=route, day=1 + position // 2, position=position, **{kind: place})
    return route


def catalogue(size=1, now=None):
    """`size` of each published kind, linked as on the pages, and the secrets beside them."""
    sites = [published_site(n) for n in range(size)]
    heritage = [make_heritage(site=site, name_zh=f"联合厂房{n}") for n, site in enumerate(sites)]
    events = [event_at(site, n) for n, site in enumerate(sites)]
    routes = [route_through([sites[n], heritage[n], events[n]], n) for n in range(size)]
    programmes = [make_programme(site=site, slug=f"rail-day-{n}") for n, site in enumerate(sites)]
    for programme in programmes:
        for day in range(2):
            make_slot(programme, start=at(2027, 3, 15 + day, 9), capacity=60)
    _secrets(sites[0], programmes[0], now)
    return {"sites": sites, "heritage": heritage, "events": events, "routes": routes, "programmes": programmes}


def _secrets(site, programme, now):
    draft_site = make_site(name_zh=f"草稿{SECRET}", name_en=f"Draft {SECRET}", slug="draft-site", published=False)
    make_heritage(name_zh=f"草稿遗产{SECRET}", slug="draft-heritage", published=False)
    event_at(draft_site, 99, title_zh=f"未发布活动{SECRET}")
    Event.objects.filter(slug="factory-league-99").update(published=False)
    copy = start_revision(site)
    copy.name_zh, copy.name_en, copy.summary_zh = f"改名{SECRET}", f"Renamed {SECRET}", f"提议{SECRET}"
    copy.save()
    make_programme(site=site, slug="draft-programme", title_zh=f"草稿研学{SECRET}", published=False)
    slot = programme.slots.order_by("start").first()
    services.create_booking(
        slot_id=slot.pk,
        school=f"株洲{SECRET}中学",
        organiser_name=f"王{SECRET}",
        organiser_phone="13807310000",
        organiser_email=f"{SECRET.lower()}@school.example",
        pupils={"junior": 20},
        teachers=2,
        special_needs=f"轮椅{SECRET}",
        now=now or at(2027, 3, 1, 12),
    )
    assert Booking.objects.count() == 1
