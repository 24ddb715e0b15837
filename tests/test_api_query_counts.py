"""Every API address runs the same number of queries for 2 and 12 of each thing and for pages of 1 and 20: no
N+1 (the data cache is off, so each request reaches the database)."""

from unittest.mock import patch

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api_catalogue import catalogue
from tests.test_bookings_helpers import NOW

pytestmark = pytest.mark.django_db

# address (with {site}, {heritage}, {event}, {route}, {programme} standing for a slug): queries, and what they are.
QUERIES = {
    "/api/v1/sites/": 3,  # count, the page, its photos
    "/api/v1/heritage/": 3,  # count, the page (with each place's site), photos
    "/api/v1/events/": 5,  # count, the page of events by first date ahead, the events (with sites), photos, dates
    "/api/v1/routes/": 6,  # count, the page, stops (with their places), the places' photos (3)
    "/api/v1/study-tours/": 2,  # count, the page (with the site and its next slot)
    "/api/v1/sites/{site}/": 6,  # the site, photos, hours, exceptions, heritage seen there, their photos
    "/api/v1/heritage/{heritage}/": 2,  # the place with its site, photos
    "/api/v1/events/{event}/": 4,  # the event with its site, photos, dates, dates again for the list fields
    "/api/v1/routes/{route}/": 6,  # the route with its event, stops with their places, photos (3), event dates
    "/api/v1/study-tours/{programme}/": 2,  # the programme with its site and next slot, its slots with places held
    "/api/v1/sites/geojson/": 2,  # count, the page
    "/api/v1/heritage/geojson/": 2,
    "/api/v1/routes/{route}/geojson/": 5,  # as the list: the route, stops, photos (3)
    "/api/v1/vocabularies/": 0,
}


@pytest.fixture(autouse=True)
def _no_data_cache(settings):
    settings.DATA_CACHE_SECONDS = 0


LISTS = {"/api/v1/sites/", "/api/v1/heritage/", "/api/v1/events/", "/api/v1/routes/", "/api/v1/study-tours/"}


@pytest.mark.parametrize("size", [2, 12])
@pytest.mark.parametrize("page_size", [1, 20])
def test_queries_do_not_grow_with_the_data_or_the_page(client, size, page_size):
    with patch("django.utils.timezone.now", return_value=NOW):
        data = catalogue(size)
        slugs = {kind.rstrip("s"): rows[-1].slug for kind, rows in data.items()}
        counted = {}
        for address in QUERIES:
            paged = address in LISTS or address in {"/api/v1/sites/geojson/", "/api/v1/heritage/geojson/"}
            with CaptureQueriesContext(connection) as queries:
                response = client.get(address.format(**slugs), {"page_size": page_size} if paged else {})
            assert response.status_code == 200, address
            counted[address] = len(queries)
    assert counted == QUERIES
