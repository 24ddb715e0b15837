"""Staffing beyond the teacher ratio (LB/T 054-2025): a programme may require safety officers and tutors (研学导师)
per group; the organiser gives their number (counts only), and they take places like everyone else."""

import pytest
from django.core import mail

from bookings import services
from bookings.models import Booking
from tests.conftest import at
from tests.test_bookings_helpers import booking_data, make_programme, make_slot, service_kwargs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("at_noon_on_monday")]


@pytest.fixture
def programme():
    return make_programme(safety_officers_per_group=1, tutors_per_group=2)


def _book_url(programme):
    return f"/en/study-tours/{programme.slug}/book/"


def test_the_programme_page_says_which_staff_a_group_brings(client, programme):
    html = client.get("/en" + programme.get_absolute_url().removeprefix("/en")).content.decode()
    assert "Safety officers" in html and "Tutors" in html


def test_the_form_asks_for_safety_officers_and_tutors_and_refuses_too_few(client, programme):
    slot = make_slot(programme, capacity=60)
    html = client.get(_book_url(programme)).content.decode()
    assert 'name="safety_officers"' in html and 'name="tutors"' in html
    response = client.post(_book_url(programme), booking_data(slot, safety_officers="0", tutors="1"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This programme needs 1 safety officer per group" in html
    assert "This programme needs 2 tutors per group" in html
    assert not Booking.objects.exists()


def test_safety_officers_and_tutors_take_places_and_show_in_the_summary_and_mail(
    client, programme, django_capture_on_commit_callbacks
):
    slot = make_slot(programme, capacity=60)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_book_url(programme), booking_data(slot, safety_officers="1", tutors="2"))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.safety_officers, booking.tutors, booking.persons) == (1, 2, 25)  # 20 + 2 teachers + 1 + 2
    assert slot.places_left() == 35
    html = client.get(response["Location"]).content.decode()
    assert "Safety officers" in html and "Tutors" in html
    assert "1 safety officer" in mail.outbox[0].body and "2 tutors" in mail.outbox[0].body


def test_capacity_counts_the_extra_staff(programme):
    slot = make_slot(programme, capacity=24)  # 20 pupils + 2 teachers + 1 + 2 = 25
    with pytest.raises(services.NotEnoughPlaces):
        services.create_booking(**service_kwargs(slot, safety_officers=1, tutors=2))


def test_the_smallest_group_counts_the_extra_staff(client):
    # 10 pupils + 1 teacher + 1 safety officer + 2 tutors = 14 persons; 13 places are full.
    programme = make_programme(group_min=10, pupils_per_teacher=10, safety_officers_per_group=1, tutors_per_group=2)
    slot = make_slot(programme, at(2027, 3, 15, 9), capacity=13)
    html = client.get("/en" + programme.get_absolute_url().removeprefix("/en")).content.decode()
    assert (
        f"?slot={slot.pk}" not in html
        and "No dates open for booking" in client.get("/en/study-tours/").content.decode()
    )


def test_a_programme_without_extra_staff_needs_none(client):
    programme = make_programme()
    slot = make_slot(programme)
    assert client.post(_book_url(programme), booking_data(slot)).status_code == 302
    assert Booking.objects.get().persons == 22
