"""Booking a study tour as a teacher does: the public pages, the form, the confirmation and the manage link."""

import datetime
import re
from unittest.mock import patch

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from bookings import services
from bookings.models import Booking, BookingStatus, SlotStatus
from core.models import PostCount
from tests.conftest import at
from tests.factories import make_site
from tests.test_bookings_helpers import NOW, booking_data, make_programme, make_slot, service_kwargs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_time():
    cache.clear()  # rate-limit counters
    with patch("django.utils.timezone.now", return_value=NOW):
        yield


def en(path):
    """The English address of a path, whichever language was active when it was reversed."""
    return path if path.startswith("/en/") else "/en" + path


def zh(path):
    return path.removeprefix("/en")


def book_url(programme, prefix=""):
    path = zh(reverse("bookings:booking-create", kwargs={"slug": programme.slug}))
    return en(path) if prefix else path


def _text(response):
    return response.content.decode()


# Public pages -------------------------------------------------------------------------------------------------


def test_the_programme_page_lists_coming_slots_with_places_left(client):
    programme = make_programme()
    slot = make_slot(programme, at(2027, 3, 15, 9), capacity=40)
    services.create_booking(**service_kwargs(slot))  # 22 persons
    make_slot(programme, at(2027, 3, 16, 9), status=SlotStatus.CLOSED)
    make_slot(programme, at(2027, 3, 2, 9))  # inside the three-day lead time
    make_slot(programme, at(2027, 2, 20, 9))  # past
    html = _text(client.get(en(programme.get_absolute_url())))
    assert "18 places left" in html
    assert html.count('class="slot"') + html.count('class="slot is-full"') == 1


def test_a_full_slot_shows_as_full_without_a_book_button(client):
    slot = make_slot(capacity=22)
    services.create_booking(**service_kwargs(slot))
    html = _text(client.get(en(slot.programme.get_absolute_url())))
    assert "slot is-full" in html and "Full" in html
    assert f"?slot={slot.pk}" not in html


def test_unpublished_programmes_and_sites_are_not_shown(client):
    hidden = make_programme(published=False)
    on_hidden_site = make_programme(site=make_site(published=False))
    for programme in (hidden, on_hidden_site):
        assert client.get(programme.get_absolute_url()).status_code == 404
        assert client.get(book_url(programme)).status_code == 404
    assert ">0 programmes<" in _text(client.get("/en/study-tours/"))


def test_the_list_filters_by_grade_site_date_and_price(client):
    site = make_site(slug="liling")
    primary = make_programme(site=site, for_junior=False, for_senior=False, for_primary_lower=True, price_per_pupil=30)
    senior = make_programme()
    make_slot(primary, at(2027, 3, 20, 9))
    make_slot(senior, at(2027, 3, 21, 9))

    def titles(query):
        html = _text(client.get(f"/en/study-tours/?{query}"))
        return {p.title_en for p in (primary, senior) if p.title_en in html}

    assert titles("grade=primary_lower") == {primary.title_en}
    assert titles("site=liling") == {primary.title_en}
    assert titles("district=shifeng") == {primary.title_en, senior.title_en}
    assert titles("district=liling") == set()
    assert titles("date=2027-03-21") == {senior.title_en}
    assert titles("free=on") == {senior.title_en}
    assert titles("") == {primary.title_en, senior.title_en}


@pytest.mark.parametrize("query", ["date=2027-13-45", "grade=kindergarten", "site=nowhere", "page=999", "free=maybe"])
def test_bad_filters_give_a_notice_not_an_error(client, query):
    make_slot()
    response = client.get(f"/en/study-tours/?{query}")
    assert response.status_code == 200


def test_the_list_makes_the_same_queries_for_few_and_many_programmes(client, django_assert_num_queries):
    def build(n):
        for _ in range(n):
            make_slot(make_programme())

    build(2)
    # Programmes with their site and next date (one query with a subquery), the sites' photos, the count for the
    # paginator. The filter form lists no sites.
    with django_assert_num_queries(3):
        client.get("/en/study-tours/")
    build(6)
    with django_assert_num_queries(3):
        client.get("/en/study-tours/")


def test_the_programme_page_makes_the_same_queries_for_few_and_many_slots(client, django_assert_num_queries):
    programme = make_programme()
    for day in (10, 11):
        make_slot(programme, at(2027, 3, day, 9))
    # The programme with its site, the site's photos, the slots with the persons they hold.
    with django_assert_num_queries(3):
        client.get(programme.get_absolute_url())
    for day in range(12, 20):
        services.create_booking(**service_kwargs(make_slot(programme, at(2027, 3, day, 9))))
    with django_assert_num_queries(3):
        client.get(programme.get_absolute_url())


def test_the_site_page_lists_its_study_tours(client):
    site = make_site()
    programme = make_programme(site=site)
    make_slot(programme)
    make_programme(site=site, published=False, title_en="Hidden programme")
    html = _text(client.get(en(site.get_absolute_url())))
    assert programme.title_en in html and "Hidden programme" not in html


# Booking -----------------------------------------------------------------------------------------------------


def test_a_teacher_books_a_slot_and_gets_a_reference_and_a_mail(client, django_capture_on_commit_callbacks):
    slot = make_slot()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(book_url(slot.programme, "/en"), booking_data(slot))
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "bookings:booking-received", kwargs={"reference": booking.reference, "secret": booking.secret}
    )
    assert (booking.status, booking.pupils, booking.teachers, booking.persons) == ("requested", 20, 2, 22)
    assert booking.organiser_phone == "13807310000"
    assert booking.expires_at == NOW + datetime.timedelta(days=3)
    html = _text(client.get(response["Location"]))
    assert booking.reference in html and "Request received" in html
    [message] = mail.outbox
    assert message.to == ["wang@school.example"]
    assert booking.reference in message.subject
    assert f"/en/study-tours/booking/{booking.reference}/{booking.secret}/" in message.body


def test_the_mail_link_is_in_the_language_the_organiser_booked_in(client, django_capture_on_commit_callbacks):
    slot = make_slot()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(book_url(slot.programme), booking_data(slot))
    booking = Booking.objects.get()
    assert booking.language == "zh-hans"
    assert f"/study-tours/booking/{booking.reference}/" in mail.outbox[0].body
    assert "/en/" not in mail.outbox[0].body
    # Chinese labels end in a full-width colon, as Chinese text does.
    assert f"编号：{booking.reference}" in mail.outbox[0].body
    assert not re.search(r"[\u4e00-\u9fff]: ", mail.outbox[0].body)


def test_the_site_is_told_of_a_new_request_when_it_has_an_email(client, django_capture_on_commit_callbacks):
    slot = make_slot(make_programme(site=make_site(email="visits@crrc.example")))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(book_url(slot.programme, "/en"), booking_data(slot, special_needs="两名学生使用轮椅"))
    assert sorted(m.to[0] for m in mail.outbox) == ["visits@crrc.example", "wang@school.example"]
    staff_mail = next(m for m in mail.outbox if m.to == ["visits@crrc.example"])
    assert "两名学生使用轮椅" in staff_mail.body


def test_a_double_submit_of_the_same_form_makes_one_booking(client):
    slot = make_slot()
    data = booking_data(slot)
    first = client.post(book_url(slot.programme), data)
    second = client.post(book_url(slot.programme), data)
    assert Booking.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_the_slot_in_the_link_is_chosen_in_the_form(client):
    slot = make_slot()
    html = _text(client.get(book_url(slot.programme) + f"?slot={slot.pk}"))
    assert f'<option value="{slot.pk}" selected>' in html


def test_the_booking_page_says_what_is_collected_why_and_for_how_long(client, settings):
    settings.BOOKING_CONTACT_RETENTION_DAYS = 90
    slot = make_slot()
    html = _text(client.get(book_url(slot.programme, "/en")))
    assert "We never ask for pupils' names, ID numbers or photos" in html
    assert "only to arrange the visit" in html
    assert "deleted 90 days after the visit" in html


def _other_programme_slot():
    return make_slot(make_programme())


BAD_INPUT = [
    ("past slot", lambda s: {"slot": str(make_slot(s.programme, at(2027, 2, 27, 9)).pk)}, "already started"),
    (
        "closed slot",
        lambda s: {"slot": str(make_slot(s.programme, at(2027, 3, 20, 9), status="closed").pk)},
        "closed to new bookings",
    ),
    (
        "cancelled slot",
        lambda s: {"slot": str(make_slot(s.programme, at(2027, 3, 20, 9), status="cancelled").pk)},
        "has been cancelled",
    ),
    ("inside the lead time", lambda s: {"slot": str(make_slot(s.programme, at(2027, 3, 3, 9)).pk)}, "at least 3 days"),
    ("too few pupils", lambda s: {"pupils_junior": "5", "teachers": "1"}, "at least 10 pupils"),
    ("too many pupils", lambda s: {"pupils_junior": "30", "pupils_senior": "20", "teachers": "5"}, "at most 40"),
    ("too few teachers", lambda s: {"pupils_junior": "21", "teachers": "2"}, "3 teachers for this group"),
    ("no teacher", lambda s: {"teachers": "0"}, "greater than or equal to 1"),
    ("no pupils", lambda s: {"pupils_junior": "0"}, "how many pupils"),
    ("negative pupils", lambda s: {"pupils_junior": "-20"}, "greater than or equal to 0"),
    ("absurd pupils", lambda s: {"pupils_junior": "1000000000000"}, "less than or equal to 500"),
    ("pupils not a number", lambda s: {"pupils_junior": "twenty"}, "whole number"),
    ("decimal teachers", lambda s: {"teachers": "1.5"}, "whole number"),
    ("bad phone", lambda s: {"organiser_phone": "12345"}, "mobile number"),
    ("letters in phone", lambda s: {"organiser_phone": "138abc07310"}, "mobile number"),
    ("bad email", lambda s: {"organiser_email": "wang@"}, "valid email"),
    ("missing school", lambda s: {"school": "   "}, "required"),
    ("oversized school", lambda s: {"school": "校" * 121}, "at most 120 characters"),
    ("oversized needs", lambda s: {"special_needs": "x" * 1001}, "at most 1000 characters"),
    ("null byte", lambda s: {"organiser_name": "王\x00老师"}, "Null characters"),
    ("tampered slot id", lambda s: {"slot": "999999"}, "does not exist for this programme"),
    ("slot id of another programme", lambda s: {"slot": str(_other_programme_slot().pk)}, "does not exist"),
    ("slot id not a number", lambda s: {"slot": "1 OR 1=1"}, "does not exist"),
    ("no slot", lambda s: {"slot": ""}, "required"),
    ("damaged form key", lambda s: {"submission_key": "<script>"}, "damaged"),
]


@pytest.mark.parametrize(("case", "change", "message"), BAD_INPUT, ids=[case[0] for case in BAD_INPUT])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_saved(client, case, change, message):
    slot = make_slot()
    response = client.post(book_url(slot.programme, "/en"), booking_data(slot, **change(slot)))
    assert response.status_code == 200
    assert message in _text(response).replace("&#x27;", "'")
    assert Booking.objects.count() == 0
    assert Booking.history.count() == 0


def test_a_full_slot_refuses_the_group_with_the_places_left(client):
    slot = make_slot(capacity=30)
    services.create_booking(**service_kwargs(slot, pupils={"junior": 10}, teachers=1))
    response = client.post(book_url(slot.programme, "/en"), booking_data(slot))
    assert "Not enough places: 19 left on this slot, and your group is 22 persons." in _text(response)
    assert Booking.objects.count() == 1


def test_pupils_of_a_grade_the_programme_does_not_offer_are_not_booked(client):
    slot = make_slot()
    client.post(book_url(slot.programme), booking_data(slot, pupils_university="30"))
    assert Booking.objects.get().pupils_university == 0


# The manage link ---------------------------------------------------------------------------------------------


def _booking(**overrides):
    booking, _created = services.create_booking(**service_kwargs(make_slot(), **overrides))
    return booking


def test_the_manage_link_shows_the_booking(client):
    booking = _booking()
    html = _text(client.get(en(booking.manage_path())))
    assert booking.reference in html and "Requested" in html and "Cancel the booking" in html


@pytest.mark.parametrize("part", ["secret", "reference"])
def test_a_wrong_manage_link_gives_404(client, part):
    booking = _booking()
    kwargs = {"reference": booking.reference, "secret": booking.secret}
    kwargs[part] = kwargs[part][:-1] + ("A" if kwargs[part][-1] != "A" else "C")
    for name in ("booking-manage", "booking-received"):
        assert client.get(reverse(f"bookings:{name}", kwargs=kwargs)).status_code == 404
    assert client.post(reverse("bookings:booking-cancel", kwargs=kwargs)).status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_the_secret_is_compared_in_constant_time(client):
    booking = _booking()
    with patch("bookings.views.constant_time_compare", return_value=False) as compare:
        assert client.get(booking.manage_path()).status_code == 404
    compare.assert_called_once_with(booking.secret, booking.secret)


def test_the_organiser_cancels_through_the_link_and_the_places_are_freed(client, django_capture_on_commit_callbacks):
    booking = _booking()
    url = reverse("bookings:booking-cancel", kwargs={"reference": booking.reference, "secret": booking.secret})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en(url), {"confirm": "on"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.slot.places_left() == 30
    assert "Your booking is cancelled" in _text(client.get(response["Location"]))
    assert booking.reference in mail.outbox[0].subject
    assert [(c.to_status, c.actor) for c in booking.status_log()][-1] == ("cancelled", "organiser")


def test_the_manage_page_asks_for_confirmation_before_cancelling(client):
    booking = _booking()
    html = client.get(en(booking.manage_path())).content.decode()
    assert 'type="checkbox" name="confirm"' in html and "Yes, cancel this booking" in html


def test_a_cancel_post_without_the_confirmation_cancels_nothing_and_says_why(client):
    booking = _booking()
    url = reverse("bookings:booking-cancel", kwargs={"reference": booking.reference, "secret": booking.secret})
    response = client.post(en(url), follow=True)
    assert "Nothing was cancelled" in _text(response)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED
    assert not mail.outbox


def test_the_organiser_cannot_cancel_online_after_the_cut_off(client, settings):
    settings.BOOKING_CANCEL_CUTOFF_HOURS = 48
    booking = _booking()  # the visit is on 15 March at 9:00
    url = reverse("bookings:booking-cancel", kwargs={"reference": booking.reference, "secret": booking.secret})
    with patch("django.utils.timezone.now", return_value=at(2027, 3, 13, 9, 1)):
        assert "too late to cancel online" in _text(client.get(en(booking.manage_path())))
        response = client.post(en(url), {"confirm": "on"}, follow=True)
    assert "too late to cancel online" in _text(response)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_cancelling_needs_a_post(client):
    booking = _booking()
    url = reverse("bookings:booking-cancel", kwargs={"reference": booking.reference, "secret": booking.secret})
    assert client.get(url).status_code == 405


# Rate limit --------------------------------------------------------------------------------------------------


def test_the_booking_form_is_rate_limited_per_client_address(client, settings):
    settings.BOOKING_RATE_LIMIT = (3, 600)
    slot = make_slot()
    for _ in range(3):
        assert client.post(book_url(slot.programme), booking_data(slot, teachers="0")).status_code == 200
    response = client.post(book_url(slot.programme, "/en"), booking_data(slot))
    assert response.status_code == 429
    assert "Too many requests" in _text(response)
    assert Booking.objects.count() == 0
    assert client.get(book_url(slot.programme)).status_code == 200  # reading the form is not limited
    other = client.post(book_url(slot.programme), booking_data(slot), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_forwarded_addresses_count_only_behind_a_trusted_proxy(client, settings):
    settings.BOOKING_RATE_LIMIT = (1, 600)
    slot = make_slot()

    def post(address):
        data = booking_data(slot, teachers="0")
        return client.post(book_url(slot.programme), data, HTTP_X_FORWARDED_FOR=address).status_code

    assert (post("1.1.1.1"), post("2.2.2.2")) == (200, 429)  # spoofable header ignored
    PostCount.objects.all().delete()
    settings.BOOKING_TRUST_X_FORWARDED_FOR = True
    assert (post("9.9.9.9, 1.1.1.1"), post("9.9.9.9, 2.2.2.2"), post("1.1.1.1")) == (200, 200, 429)


def test_forwarded_addresses_count_only_from_the_proxies_named_in_trusted_proxies(client, settings):
    settings.BOOKING_RATE_LIMIT = (1, 600)
    slot = make_slot()

    def post(address, proxy):
        data = booking_data(slot, teachers="0")
        return client.post(book_url(slot.programme), data, HTTP_X_FORWARDED_FOR=address, REMOTE_ADDR=proxy).status_code

    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert (post("1.1.1.1", "10.1.2.3"), post("2.2.2.2", "10.9.9.9")) == (200, 200)  # two visitors behind nginx
    assert post("1.1.1.1", "10.1.2.3") == 429
    # Straight from the internet (or from a proxy not named), the header is the client's own word: ignored.
    assert (post("3.3.3.3", "8.8.8.8"), post("4.4.4.4", "8.8.8.8")) == (200, 429)


def test_the_home_page_shows_the_programmes_with_the_soonest_open_slots(client):
    """The next week's slots first, later ones when those hold too few; full slots and hidden sites skipped."""
    full = make_slot(make_programme(), NOW + datetime.timedelta(days=7), capacity=22)
    services.create_booking(**service_kwargs(full))
    hidden = make_slot(make_programme(site=make_site(published=False)), NOW + datetime.timedelta(days=8))
    soon = [make_slot(make_programme(), NOW + datetime.timedelta(days=days)) for days in (20, 9, 12)]
    later = make_slot(make_programme(), NOW + datetime.timedelta(weeks=10))
    too_late = make_slot(make_programme(), NOW + datetime.timedelta(weeks=12))
    html = _text(client.get("/"))
    shown = [slot.programme.get_absolute_url() for slot in (soon[1], soon[2], soon[0], later)]
    positions = [html.find(f'href="{url}"') for url in shown]
    assert -1 not in positions and positions == sorted(positions)  # soonest first
    for slot in (full, hidden, too_late):
        assert f'href="{slot.programme.get_absolute_url()}"' not in html
