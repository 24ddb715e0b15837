"""Nobody is ever overbooked: real parallel requests against PostgreSQL.

The first test proves the test can see the race: with the slot read without its lock (patched here) and a pause
between counting and inserting, parallel requests oversell. The others show that with the lock they
cannot. Each thread has its own database connection, as gunicorn workers do.
"""

import datetime
import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bookings import services
from bookings.models import Booking, TimeSlot
from tests.test_bookings_helpers import make_programme, make_slot

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CAPACITY = 30


@pytest.fixture(autouse=True)
def postgres_only(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://…")
    settings.BOOKING_RATE_LIMIT = (10_000, 600)  # every thread posts from 127.0.0.1


def _slot(capacity=CAPACITY):
    programme = make_programme(group_min=5, group_max=40, pupils_per_teacher=10, lead_days=3)
    return make_slot(programme, start=timezone.now() + datetime.timedelta(days=30), capacity=capacity)


def in_parallel(count, work):
    """Run work(i) in `count` threads released at the same moment; each closes its own connection."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(i):
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - the test inspects what each request ended with
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _book(slot, pupils, teachers, key=None):
    def work(i):
        booking, _created = services.create_booking(
            slot_id=slot.pk,
            school=f"第{i + 1}中学",
            organiser_name="王老师",
            organiser_phone="13807310000",
            organiser_email=f"teacher{i}@school.example",
            pupils={"junior": pupils[i] if isinstance(pupils, list) else pupils},
            teachers=teachers,
            submission_key=key,
        )
        return booking

    return work


def post_bookings_in_parallel(slot, count, *, key):
    """`count` booking forms of 9 pupils and a teacher, posted at the same moment; (status, page) of each."""
    url = "/en" + reverse("bookings:booking-create", kwargs={"slug": slot.programme.slug}).removeprefix("/en")

    def post(i):
        data = {
            "slot": slot.pk,
            "pupils_junior": 9,
            "teachers": 1,
            "school": f"第{i + 1}中学",
            "organiser_name": "王老师",
            "organiser_phone": "13807310000",
            "organiser_email": f"teacher{i}@school.example",
            "submission_key": f"{key}-{i:03d}-abcdefghijklmnop",
        }
        response = Client().post(url, data)
        return response.status_code, response.content.decode()

    return in_parallel(count, post)


def _persons_booked(slot):
    return sum(Booking.objects.filter(slot=slot).values_list("persons", flat=True))


def pause_after_count(monkeypatch, seconds):
    """Widen the window between counting the places held and inserting the booking."""
    count = TimeSlot.persons_held

    def slow_count(slot, *args, **kwargs):
        held = count(slot, *args, **kwargs)
        time.sleep(seconds)
        return held

    monkeypatch.setattr(TimeSlot, "persons_held", slow_count)


def test_without_the_lock_parallel_requests_oversell(monkeypatch):
    monkeypatch.setattr(
        services, "_slot_for_update", lambda pk: TimeSlot.objects.select_related("programme").get(pk=pk)
    )
    pause_after_count(monkeypatch, 0.3)
    slot = _slot()
    results = in_parallel(20, _book(slot, pupils=9, teachers=1))
    booked = [r for r in results if isinstance(r, Booking)]
    assert len(booked) > CAPACITY // 10, "the race did not show: the test could not catch an overbooking"
    assert _persons_booked(slot) > CAPACITY


def test_with_the_lock_50_parallel_posts_of_10_persons_give_exactly_3_bookings(monkeypatch):
    pause_after_count(monkeypatch, 0.02)  # the same widened window, now behind the lock
    slot = _slot()
    results = post_bookings_in_parallel(slot, 50, key="race")
    assert not [r for r in results if isinstance(r, Exception)]
    redirects = [status for status, _body in results if status == 302]
    refusals = [body for status, body in results if status == 200 and "Not enough places" in body]
    assert (len(redirects), len(refusals)) == (3, 47)
    assert Booking.objects.filter(slot=slot).count() == 3
    assert _persons_booked(slot) == CAPACITY


@pytest.mark.parametrize("round_", range(3))
def test_groups_of_25_and_10_on_a_30_person_slot_give_exactly_one_booking(monkeypatch, round_):
    pause_after_count(monkeypatch, 0.05)
    slot = _slot()
    # 22 pupils + 3 teachers = 25 persons; 9 pupils + 1 teacher = 10 persons.
    groups = [(22, 3), (9, 1)]

    def work(i):
        pupils, teachers = groups[i]
        return _book(slot, pupils, teachers)(i)

    results = in_parallel(2, work)
    assert sum(isinstance(r, Booking) for r in results) == 1
    assert sum(isinstance(r, services.NotEnoughPlaces) for r in results) == 1
    assert _persons_booked(slot) in (25, 10)


def test_a_double_submit_sent_in_parallel_makes_one_booking():
    slot = _slot(capacity=200)
    results = in_parallel(8, _book(slot, pupils=9, teachers=1, key="same-form-abcdefghijklmnop"))
    assert len({r.pk for r in results if isinstance(r, Booking)}) == 1
    assert Booking.objects.filter(slot=slot).count() == 1


def test_one_form_sent_for_two_slots_at_once_books_one_and_refuses_the_other_cleanly():
    slots = [_slot(capacity=200), _slot(capacity=200)]

    def work(i):
        return _book(slots[i], pupils=9, teachers=1, key="one-form-two-slots-abcdefgh")(i)

    results = in_parallel(2, work)
    assert sum(isinstance(r, Booking) for r in results) == 1
    assert sum(type(r) is services.BookingError for r in results) == 1
