"""Shared fixtures. Settings are the production ones (DEBUG off); time is Asia/Shanghai."""

import datetime
from zoneinfo import ZoneInfo

import pytest

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Saves bump the page-cache version file; keep tests from touching the one in the working tree.
    settings.PAGE_CACHE_VERSION_FILE = tmp_path / "content-version"


def at(year, month, day, hour=12, minute=0):
    """An aware datetime in Zhuzhou's time zone."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)
