"""A slot shows as bookable only while the smallest group the programme allows still fits in its places left."""

import pytest

from bookings import services
from tests.conftest import at
from tests.test_bookings_helpers import make_programme, make_slot, service_kwargs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("at_noon_on_monday")]


def _html(client, path):
    return client.get("/en" + path.removeprefix("/en")).content.decode()


@pytest.fixture
def two_places_left():
    """16 pupils at least, one teacher per 10: the smallest group is 18 persons; a booking of 18 leaves 2 of 20."""
    programme = make_programme(group_min=16, group_max=40, pupils_per_teacher=10)
    slot = make_slot(programme, at(2027, 3, 15, 9), capacity=20)
    services.create_booking(**service_kwargs(slot, pupils={"junior": 16}, teachers=2))
    assert slot.places_left() == 2
    return programme, slot


def test_a_slot_too_small_for_the_smallest_group_shows_as_full_on_the_programme_page(client, two_places_left):
    programme, slot = two_places_left
    html = _html(client, programme.get_absolute_url())
    assert 'class="slot is-full"' in html and "Full" in html
    assert f"?slot={slot.pk}" not in html and "Request a booking" not in html


def test_a_slot_too_small_for_the_smallest_group_is_full_in_the_booking_form(client, two_places_left):
    programme, slot = two_places_left
    roomy = make_slot(programme, at(2027, 3, 16, 9), capacity=40)
    html = _html(client, f"/en/study-tours/{programme.slug}/book/")
    assert "2 places left" not in html
    assert "· full" in html and "40 places left" in html
    assert str(roomy.pk) in html


def test_the_list_gives_no_next_date_for_a_slot_no_group_can_book(client, two_places_left):
    programme, _slot = two_places_left
    html = _html(client, "/en/study-tours/")
    assert programme.title_en in html and "No dates open for booking" in html


def test_a_slot_where_the_smallest_group_just_fits_stays_bookable(client):
    programme = make_programme(group_min=16, group_max=40, pupils_per_teacher=10)
    slot = make_slot(programme, at(2027, 3, 15, 9), capacity=18)
    html = _html(client, programme.get_absolute_url())
    assert f"?slot={slot.pk}" in html and "18 places left" in html
    assert "Next date" in _html(client, "/en/study-tours/")


def test_a_site_page_gives_its_programmes_with_the_next_date_a_group_can_book(client, two_places_left):
    programme, _slot = two_places_left
    later = make_programme(site=programme.site, title_zh="龙窑研学")  # after 研学课程… by title
    make_slot(later, at(2027, 3, 20, 9), capacity=40)
    html = _html(client, programme.site.get_absolute_url())
    assert html.index(programme.title_en) < html.index(later.title_en)
    assert "No dates open for booking" in html and "Next date: March 20, 2027" in html
