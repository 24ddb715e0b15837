"""Odd digits, huge numbers and dates at the ends of the calendar in query strings and forms, public and in the
back office: a page with a message, or the value ignored, never a 500."""

from unittest.mock import patch

import pytest
from django.contrib.auth.models import User

from tests.test_bookings_helpers import NOW, booking_data, make_slot

pytestmark = pytest.mark.django_db

HUGE = "9" * 23
SUPERSCRIPT_TWO = "²"


@pytest.fixture
def bureau(client):
    client.force_login(User.objects.create_superuser("bureau", "bureau@example.org", "a-long-Pass-phrase-42"))
    client.raise_request_exception = False
    return client


@pytest.fixture
def slot():
    with patch("django.utils.timezone.now", return_value=NOW):
        return make_slot()


@pytest.mark.parametrize("value", [SUPERSCRIPT_TWO, "١٢", "9" * 19, "-1", "x"])
def test_a_bad_slot_in_the_booking_form_is_a_message_on_the_form(client, slot, value):
    with patch("django.utils.timezone.now", return_value=NOW):
        client.raise_request_exception = False
        url = f"/en/study-tours/{slot.programme.slug}/book/"
        shown = client.get(url, {"slot": value})
        posted = client.post(url, booking_data(slot, slot=value))
    assert shown.status_code == 200
    assert posted.status_code == 200
    assert "This time slot does not exist for this programme." in posted.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/bookings/booking/?site={SUPERSCRIPT_TWO}",
        f"/admin/bookings/booking/?site={HUGE}",
        f"/admin/bookings/timeslot/?site={SUPERSCRIPT_TWO}",
        f"/admin/bookings/timeslot/?site={HUGE}",
        f"/admin/bookings/studyprogramme/?site={SUPERSCRIPT_TWO}",
        f"/admin/bookings/studyprogramme/?site={HUGE}",
        f"/admin/bookings/timeslot/?programme__id__exact={HUGE}",
        f"/admin/bookings/timeslot/?programme__id__exact={SUPERSCRIPT_TWO}",
        f"/admin/itineraries/itinerary/?related_event={HUGE}",
        f"/admin/itineraries/itinerary/?related_event={SUPERSCRIPT_TWO}",
        f"/admin/events/event/?site={HUGE}",
        f"/admin/sites/heritageasset/?site={HUGE}",
        "/admin/bookings/timeslot/?start__year=1&start__month=1&start__day=1",
        "/admin/bookings/timeslot/?start__year=9999&start__month=12&start__day=31",
        "/admin/bookings/booking/?slot__start__year=1&slot__start__month=1",
        "/admin/bookings/booking/?slot__start__year=9999&slot__start__month=12&slot__start__day=31",
        "/admin/events/occurrence/?starts_at__year=1",
        f"/admin/events/occurrence/?starts_at__year={HUGE}",
        "/admin/events/occurrence/?starts_at__year=9999&starts_at__month=12&starts_at__day=31",
        "/admin/office/log/?since=0001-01-01&until=0001-01-01",
        "/admin/office/log/?since=9999-12-31&until=9999-12-31",
    ],
)
def test_a_bad_admin_list_filter_shows_the_list_with_a_message(bureau, slot, url):
    response = bureau.get(url)
    assert response.status_code == 200, url
    page = response.content.decode()
    assert 'class="messagelist"' in page or "errorlist" in page or "errornote" in page, url


@pytest.mark.parametrize("value", ["x", SUPERSCRIPT_TWO, HUGE, "-5"])
def test_a_bad_related_event_when_adding_a_route_opens_an_empty_form(bureau, value):
    response = bureau.get("/admin/itineraries/itinerary/add/", {"related_event": value})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/sites/", {"open_on": "0001-01-01"}),
        ("/sites/", {"open_on": "9999-12-31"}),
        ("/events/", {"date_from": "0001-01-01"}),
        ("/events/", {"date_to": "9999-12-31"}),
        ("/events/past/", {"date_from": "0001-01-01"}),
        ("/study-tours/", {"date": "0001-01-01"}),
        ("/study-tours/", {"date": "9999-12-31"}),
        ("/study-tours/", {"site": HUGE}),
        ("/study-tours/", {"site": SUPERSCRIPT_TWO}),
        ("/events/calendar/", {"month": "0001-01"}),
        ("/events/calendar/", {"month": "9999-12"}),
        ("/routes/", {"event": HUGE}),
    ],
    ids=str,
)
def test_dates_at_the_ends_of_the_calendar_never_break_a_public_list(client, slot, path, params):
    client.raise_request_exception = False
    assert client.get(path, params).status_code == 200
