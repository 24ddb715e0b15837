"""Rate limits hold across gunicorn workers: each worker has its own local-memory cache, so the posts are counted in
the database that all of them share."""

from unittest.mock import patch

import pytest
from django.test import override_settings

from bookings.models import Booking
from tests.test_bookings_helpers import NOW, booking_data, make_slot

pytestmark = pytest.mark.django_db


def as_worker(number):
    """The settings of one of two workers: a local-memory cache of its own."""
    location = f"worker-{number}"
    return override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": location}}
    )


@pytest.fixture
def frozen():
    with patch("django.utils.timezone.now", return_value=NOW):
        yield


def test_the_booking_limit_holds_across_two_workers(client, settings, frozen):
    settings.BOOKING_RATE_LIMIT = (10, 600)
    slot = make_slot()
    url = f"/study-tours/{slot.programme.slug}/book/"
    statuses = []
    for n in range(40):
        with as_worker(n % 2):
            statuses.append(client.post(url, booking_data(slot, teachers="0")).status_code)
    assert statuses.count(200) == 10
    assert statuses.count(429) == 30
    assert Booking.objects.count() == 0
