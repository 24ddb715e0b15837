"""Every public page makes the same number of queries with a small and a three times bigger catalogue of every
kind (sites, heritage, events with their dates, routes, study tours), made by the scale-data generator.
Site and route pages, whose queries depend on what is linked to them, are counted in test_query_counts.py and
test_routes.py with hand-made data."""

import io
from unittest.mock import patch

import pytest
from django.core.management import call_command
from django.utils import translation

from bookings.models import StudyProgramme
from events.models import Event
from sites.models import HeritageAsset
from tests.conftest import at

pytestmark = pytest.mark.django_db

NOW = at(2026, 12, 1, 10)

# page: (path or a function of the catalogue giving it, queries, why that many)
PAGES = {
    "home": (
        "/",
        12,
        "the official figures, site and heritage counts by level (one query), featured sites with their covers, "
        "what's on (the soonest events by their stored next date, photos), featured routes with their stops and the "
        "places' photos (site, heritage, event), study tours (the slots of the next week with their programmes, the "
        "later ones only when those hold too few programmes): at most 12",
    ),
    "sites": ("/sites/", 3, "count, page, photos"),
    "sites filtered": ("/sites/?district=shifeng&audience=general", 3, "count, page, photos"),
    "sites search": ("/sites/?q=工业", 3, "count, page, photos: the keyword is one more WHERE clause"),
    "sites deep page": ("/sites/?page=5", 3, "count, page, photos"),
    "heritage": ("/heritage/", 3, "count, page, photos"),
    "map": ("/map/", 3, "the count of sites and of heritage places in the district, a page of its sites"),
    "map data": ("/map/places.geojson", 2, "the sites and the heritage places in view, as plain rows"),
    "events": ("/events/", 3, "count, page of dates with events and venues, photos"),
    "past events": ("/events/past/", 3, "count, page of dates with events and venues, photos"),
    "calendar": ("/events/calendar/?month=2026-12", 2, "the first dates of each day and its count, then those dates"),
    "routes": ("/routes/", 6, "count, page, stops and their places' photos"),
    "study tours": ("/study-tours/", 3, "count, page with the next slot, site photos"),
}
# Pages whose count is a ceiling: the home page reads later study-tour slots only when the next weeks hold too few,
# and the next few routes only when one of the first has no stop visitors can open (five queries a batch).
AT_MOST = {"home"}


@pytest.fixture(autouse=True)
def _fixed_now():
    translation.activate("zh-hans")
    with patch("django.utils.timezone.now", return_value=NOW):
        yield
    translation.deactivate()


def catalogue(scale):
    call_command(
        "generate_scale_data",
        sites=40 * scale,
        heritage=40 * scale,
        events=30 * scale,
        routes=4 * scale,
        bookings=80 * scale,
        photo_width=320,
        stdout=io.StringIO(),
    )


@pytest.mark.parametrize("scale", [1, 3])
@pytest.mark.parametrize("page", PAGES)
def test_every_list_page_makes_the_same_queries_at_any_size(
    client, django_assert_num_queries, django_assert_max_num_queries, page, scale
):
    catalogue(scale)
    path, queries, _why = PAGES[page]
    assert_queries = django_assert_max_num_queries if page in AT_MOST else django_assert_num_queries
    with assert_queries(queries):
        response = client.get(path)
    assert response.status_code == 200


DETAILS = {
    # 1 the heritage place with its site, 1 photos.
    "heritage": (lambda: HeritageAsset.objects.published().order_by("pk").first(), 2),
    # 1 the event with its venue, 1 photos, 1 dates, 1 routes passing by.
    "event": (lambda: Event.objects.published().order_by("pk").first(), 4),
    # 1 the programme with its site, 1 the coming slots with places held, 1 site photos.
    "programme": (lambda: StudyProgramme.objects.published().order_by("pk").first(), 3),
}


@pytest.mark.parametrize("scale", [1, 3])
@pytest.mark.parametrize("kind", DETAILS)
def test_every_detail_page_makes_the_same_queries_at_any_size(client, django_assert_num_queries, kind, scale):
    catalogue(scale)
    find, queries = DETAILS[kind]
    url = find().get_absolute_url()
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


def test_a_busy_calendar_day_shows_its_first_dates_and_links_to_the_rest(client):
    catalogue(3)
    response = client.get("/events/calendar/?month=2026-12")
    days = [day for week in response.context["grid"]["weeks"] for day in week]
    assert all(len([o for o in day.occurrences if o.local_start.date() == day.date]) <= 4 for day in days)
    busy = [day for day in days if day.more]
    if busy:
        assert f"date_from={busy[0].date:%Y-%m-%d}" in response.content.decode()


def test_the_calendar_counts_every_date_of_the_month_not_only_those_shown(client):
    catalogue(3)
    response = client.get("/events/calendar/?month=2026-12")
    days = [day for week in response.context["grid"]["weeks"] for day in week if day.in_month]
    shown = sum(len([o for o in day.occurrences if o.local_start.date() == day.date]) for day in days)
    assert response.context["grid"]["count"] >= shown + sum(day.more for day in days)
