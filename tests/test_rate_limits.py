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


def test_with_redis_the_limit_is_counted_in_the_cache_and_touches_no_table(settings, django_assert_num_queries):
    from core.models import PostCount
    from core.ratelimit import over_limit

    settings.RATE_LIMITS_IN_CACHE = True  # what REDIS_URL sets; the two-server test runs it on a real Redis
    with django_assert_num_queries(0):
        answers = [over_limit("test-scope", "10.0.0.1", (3, 600)) for _ in range(5)]
    assert answers == [False, False, False, True, True]
    assert over_limit("test-scope", "10.0.0.2", (3, 600)) is False  # another address counts on its own
    assert PostCount.objects.count() == 0


def test_a_counter_in_the_cache_starts_again_with_the_next_window(settings):
    from core.ratelimit import over_limit

    settings.RATE_LIMITS_IN_CACHE = True
    with patch("time.time", return_value=6000.0):
        assert [over_limit("window-scope", "10.0.0.1", (1, 600)) for _ in range(2)] == [False, True]
    with patch("time.time", return_value=6600.0):
        assert over_limit("window-scope", "10.0.0.1", (1, 600)) is False
