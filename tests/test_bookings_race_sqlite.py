"""The embedded default, SQLite, takes parallel bookings: no "database is locked", no overbooking.

pytest-django's SQLite test database lives in memory, where connections share one cache and lock whole tables,
unlike a file. Each test here copies it into a file and points the threads' connections at that file, with the
project's own connection options, as gunicorn workers on the default database would open it.
"""

import datetime
import sqlite3

import pytest
from django.db import connection, connections
from django.utils import timezone

from tests.test_bookings_helpers import make_programme, make_slot
from tests.test_bookings_race import post_bookings_in_parallel

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def file_database(monkeypatch, settings, tmp_path):
    """After the test's data is made: a copy of the database in a file, which every new connection opens."""
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite default only")
    settings.BOOKING_RATE_LIMIT = (10_000, 600)  # every thread posts from 127.0.0.1

    def copy():
        path = tmp_path / "portal.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        # A new dict: the in-memory connection keeps its own, so closing it later would not drop that database.
        monkeypatch.setitem(connections.settings, "default", {**connections.settings["default"], "NAME": str(path)})
        return path

    return copy


def _rows(path, sql):
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def _slot(capacity):
    programme = make_programme(group_min=5, group_max=40, pupils_per_teacher=10, lead_days=3)
    return make_slot(programme, start=timezone.now() + datetime.timedelta(days=30), capacity=capacity)


def test_ten_parallel_booking_posts_on_sqlite_all_get_an_answer(file_database):
    slot = _slot(capacity=200)
    path = file_database()
    results = post_bookings_in_parallel(slot, 10, key="sqlite")
    assert [r for r in results if isinstance(r, Exception)] == []
    assert [status for status, _body in results] == [302] * 10
    assert _rows(path, f"SELECT COUNT(*) FROM bookings_booking WHERE slot_id = {slot.pk}") == [(10,)]


def test_parallel_booking_posts_on_sqlite_never_overbook(file_database, monkeypatch):
    from tests.test_bookings_race import pause_after_count

    pause_after_count(monkeypatch, 0.02)  # a wide window between counting and inserting
    slot = _slot(capacity=30)
    path = file_database()
    results = post_bookings_in_parallel(slot, 12, key="sqlite")
    assert [r for r in results if isinstance(r, Exception)] == []
    redirects = [status for status, _body in results if status == 302]
    refusals = [body for status, body in results if status == 200 and "Not enough places" in body]
    assert (len(redirects), len(refusals)) == (3, 9)
    persons = _rows(path, f"SELECT SUM(persons) FROM bookings_booking WHERE slot_id = {slot.pk}")
    assert persons == [(30,)]
