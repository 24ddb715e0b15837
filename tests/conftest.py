"""Shared fixtures. Settings are the production ones (DEBUG off); time is Asia/Shanghai."""

import datetime
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.IMPORT_TMP_DIR = tmp_path / "imports"
    # Saves bump the page-cache version file; keep tests from touching the one in the working tree.
    settings.PAGE_CACHE_VERSION_FILE = tmp_path / "page-cache" / "content-version"  # not among media files


@pytest.fixture(autouse=True)
def _empty_cache():
    # The data cache is on in tests (DATA_CACHE_SECONDS): every test starts without what the last one cached.
    cache.clear()
    yield
    cache.clear()


def at(year, month, day, hour=12, minute=0):
    """An aware datetime in Zhuzhou's time zone."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


EVENTS_NOW = at(2027, 7, 10, 12)


@pytest.fixture
def clock():
    """The events tests' current time (EVENTS_NOW, Chinese pages), movable: `clock.return_value = ...`."""
    from django.utils import translation

    with patch("django.utils.timezone.now", return_value=EVENTS_NOW) as now, translation.override("zh-hans"):
        yield now


@pytest.fixture
def fixed_time_in_english():
    """The back-office tests' clock (tests.test_bookings_helpers.NOW) and language, for a module to ask for with
    `pytest.mark.usefixtures("fixed_time_in_english")`."""
    from unittest.mock import patch

    from django.utils import translation

    from tests.test_bookings_helpers import NOW

    with patch("django.utils.timezone.now", return_value=NOW), translation.override("en"):
        yield


@pytest.fixture
def at_noon_on_monday():
    """The bookings tests' fixed "now" (tests.test_bookings_helpers.NOW), with an empty cache."""
    from tests.test_bookings_helpers import NOW

    cache.clear()
    with patch("django.utils.timezone.now", return_value=NOW):
        yield
