"""What browsers, crawlers and proxies see of the public pages: HEAD answers like GET, and the booking pages that
show an organiser's contact data are never stored by a shared cache nor by the page cache."""

from unittest.mock import patch

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.views.decorators.cache import never_cache

from bookings import services
from core.pagecache import cache_public_page
from tests.factories import make_heritage, make_site
from tests.test_bookings_helpers import NOW, make_slot, service_kwargs
from tests.test_events import add_date, make_event
from tests.test_routes import make_route

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    with patch("django.utils.timezone.now", return_value=NOW):
        make_site(slug="works")
        make_heritage(slug="old-works")
        add_date(make_event(slug="expo"), NOW.replace(day=20))
        make_route(slug="locomotives")
        slot = make_slot()
        booking, _created = services.create_booking(**service_kwargs(slot))
    return slot, booking


PUBLIC = [
    "/",
    "/en/",
    "/sites/",
    "/sites/works/",
    "/heritage/",
    "/heritage/old-works/",
    "/map/",
    "/map/places.geojson",
    "/events/",
    "/events/past/",
    "/events/calendar/",
    "/events/expo/",
    "/events/expo/event.ics",
    "/events/feed.ics",
    "/events/feed.atom",
    "/routes/",
    "/routes/locomotives/",
    "/study-tours/",
    "/robots.txt",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_answer_head_like_get(client, content, path):
    with patch("django.utils.timezone.now", return_value=NOW):
        response = client.head(path)
    assert response.status_code == 200, path
    assert response.content == b""


def test_the_programme_booking_and_manage_pages_answer_head(client, content):
    slot, booking = content
    with patch("django.utils.timezone.now", return_value=NOW):
        for url in (
            slot.programme.get_absolute_url(),
            f"/study-tours/{slot.programme.slug}/book/",
            booking_url(booking),
        ):
            assert client.head(url).status_code == 200, url


def booking_url(booking, suffix=""):
    return f"/study-tours/booking/{booking.reference}/{booking.secret}/{suffix}"


@pytest.mark.parametrize("suffix", ["", "received/"])
def test_booking_pages_with_contact_data_are_private_and_not_stored(client, content, settings, suffix):
    settings.PAGE_CACHE_SECONDS = 600
    _slot, booking = content
    with patch("django.utils.timezone.now", return_value=NOW):
        response = client.get(booking_url(booking, suffix))
    assert response.status_code == 200
    assert booking.organiser_email in response.content.decode()
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert "public" not in directives


def test_the_page_cache_never_stores_a_private_page(settings):
    settings.PAGE_CACHE_SECONDS = 600
    calls = []

    @cache_public_page
    @never_cache
    def private_page(request):
        calls.append(request)
        return HttpResponse(f"contact data {len(calls)}")

    first = private_page(RequestFactory().get("/private/"))
    second = private_page(RequestFactory().get("/private/"))
    assert (first.content, second.content) == (b"contact data 1", b"contact data 2")
    assert "public" not in second["Cache-Control"]
    assert not [key for key in cache._cache if "pagecache:" in key]
