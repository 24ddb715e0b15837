"""The rules of places, states, mail, expiry and erasure, through bookings.services and the commands."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import translation

from bookings import services
from bookings.models import REFERENCE_ALPHABET, Booking, BookingStatus, SlotStatus, TimeSlot
from tests.conftest import at
from tests.test_bookings_helpers import NOW, make_programme, make_slot, service_kwargs, staff_user

pytestmark = pytest.mark.django_db

VISIT = at(2027, 3, 15, 9)


def book(slot=None, **overrides):
    booking, _created = services.create_booking(**service_kwargs(slot or make_slot(start=VISIT), **overrides))
    return booking


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def operator():
    return staff_user()


# Places ------------------------------------------------------------------------------------------------------


def test_a_booking_takes_its_whole_group_and_the_slot_fills_exactly():
    slot = make_slot(capacity=33)
    book(slot)  # 20 pupils + 2 teachers
    with pytest.raises(services.NotEnoughPlaces, match="11 left on this slot, and your group is 22"):
        book(slot)
    book(slot, pupils={"junior": 10}, teachers=1)
    assert slot.places_left(NOW) == 0
    with pytest.raises(services.NotEnoughPlaces, match="0 left"):
        book(slot, pupils={"junior": 10}, teachers=1)
    assert slot.persons_held(NOW) == 33


def test_declining_frees_the_places_at_once(operator):
    slot = make_slot(capacity=22)
    booking = book(slot)
    assert slot.places_left(NOW) == 0
    services.decline_booking(booking=booking, user=operator, reason="Workshop closed", now=NOW)
    assert slot.places_left(NOW) == 22
    book(slot)


def test_cancelling_frees_the_places_at_once(operator):
    slot = make_slot(capacity=22)
    services.cancel_booking(booking=book(slot), now=NOW)
    assert slot.places_left(NOW) == 22


def test_a_request_holds_its_places_until_its_deadline_and_no_longer(settings):
    settings.BOOKING_REQUEST_EXPIRY_DAYS = 3
    slot = make_slot(capacity=22)
    book(slot)
    assert slot.places_left(NOW + datetime.timedelta(days=3) - datetime.timedelta(seconds=1)) == 0
    assert slot.places_left(NOW + datetime.timedelta(days=3)) == 22


def test_a_request_made_just_before_the_visit_expires_at_the_visit():
    slot = make_slot(make_programme(lead_days=0), start=NOW + datetime.timedelta(hours=5))
    assert book(slot).expires_at == slot.start


def test_a_confirmed_booking_keeps_its_places_past_the_request_deadline(operator):
    slot = make_slot(capacity=22)
    booking = book(slot)
    services.confirm_booking(booking=booking, user=operator, now=NOW)
    assert slot.places_left(NOW + datetime.timedelta(days=10)) == 0


def test_reducing_a_slot_below_what_is_booked_is_refused(operator):
    slot = make_slot(capacity=30)
    book(slot)
    with pytest.raises(services.BookingError, match="already hold 22 places"):
        services.set_capacity(slot=slot, capacity=21, user=operator, now=NOW)
    services.set_capacity(slot=slot, capacity=22, user=operator, now=NOW)
    slot.refresh_from_db()
    assert slot.capacity == 22


def test_a_pupil_count_for_a_grade_the_programme_does_not_offer_is_refused():
    with pytest.raises(services.BookingError, match="not offered for this grade band") as error:
        book(pupils={"junior": 10, "primary_lower": 10})
    assert error.value.field == "pupils_primary_lower"


def test_the_service_validates_contact_data_whichever_door_it_comes_through():
    with pytest.raises(services.BookingError, match="mobile number"):
        book(organiser_phone="not a phone")
    with pytest.raises(services.BookingError):
        book(organiser_email="not-an-email")
    with pytest.raises(services.BookingError, match="does not exist"):
        book(slot_id=987654)
    assert Booking.objects.count() == 0


def test_references_are_short_unique_and_free_of_look_alikes():
    slot = make_slot(capacity=500)
    references = {book(slot, pupils={"junior": 10}, teachers=1).reference for _ in range(20)}
    assert len(references) == 20
    for reference in references:
        assert len(reference) == 8 and set(reference) <= set(REFERENCE_ALPHABET)
    assert not set("0O1IL5S2Z8B") & set(REFERENCE_ALPHABET)


def test_the_database_refuses_impossible_rows():
    slot = make_slot()
    with pytest.raises(IntegrityError), transaction.atomic():
        TimeSlot.objects.create(
            programme=slot.programme, start=VISIT, end=VISIT - datetime.timedelta(hours=1), capacity=5
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        make_programme(group_min=30, group_max=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_programme(for_junior=False, for_senior=False)
    booking = book(slot)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.filter(pk=booking.pk).update(teachers=0)


# States and who may change them ------------------------------------------------------------------------------

ALLOWED = [
    ("requested", "confirm", "confirmed"),
    ("requested", "decline", "declined"),
    ("requested", "cancel", "cancelled"),
    ("confirmed", "cancel", "cancelled"),
    ("confirmed", "attended", "attended"),
    ("confirmed", "no_show", "no_show"),
]
REFUSED = [
    ("confirmed", "confirm"),
    ("confirmed", "decline"),
    ("requested", "attended"),
    ("requested", "no_show"),
    ("declined", "confirm"),
    ("declined", "cancel"),
    ("cancelled", "confirm"),
    ("expired", "confirm"),
    ("attended", "cancel"),
    ("no_show", "attended"),
]


def _do(action, booking, user, now):
    if action == "confirm":
        return services.confirm_booking(booking=booking, user=user, now=now)
    if action == "decline":
        return services.decline_booking(booking=booking, user=user, reason="Full that day", now=now)
    if action == "cancel":
        return services.cancel_booking(booking=booking, user=user, reason="School trip moved", now=now)
    if action == "attended":
        return services.mark_attended(booking=booking, user=user, now=now)
    return services.mark_no_show(booking=booking, user=user, now=now)


def _after(action):
    """Attendance is recorded after the visit starts; everything else before it."""
    return VISIT + datetime.timedelta(hours=1) if action in ("attended", "no_show") else NOW


def _booking_in(status):
    booking = book()
    if status != booking.status:
        booking.status = status
        booking.save()  # recorded in its status log, as the services would
    return booking


@pytest.mark.parametrize(("start", "action", "end"), ALLOWED)
def test_staff_move_a_booking_and_the_change_is_logged(operator, start, action, end):
    booking = _booking_in(start)
    _do(action, booking, operator, _after(action))
    booking.refresh_from_db()
    assert booking.status == end
    event = booking.status_log()[-1]
    assert (event.from_status, event.to_status, event.user, event.actor) == (start, end, operator, "staff")


@pytest.mark.parametrize(("start", "action"), REFUSED)
def test_impossible_moves_are_refused_and_change_nothing(operator, start, action):
    booking = _booking_in(start)
    logged = len(booking.status_log())
    with pytest.raises(services.BookingError):
        _do(action, booking, operator, _after(action))
    booking.refresh_from_db()
    assert booking.status == start
    assert len(booking.status_log()) == logged


@pytest.mark.parametrize("action", ["confirm", "decline", "cancel", "attended", "no_show"])
def test_only_staff_who_manage_bookings_may_change_them(action):
    booking = _booking_in("confirmed" if action in ("attended", "no_show") else "requested")
    logged = len(booking.status_log())
    visitor = AnonymousUser()
    not_staff = User.objects.create_user("teacher", password="a-long-password-1")
    without_permission = staff_user("editor", manage=False)
    for user in (visitor, not_staff, without_permission):
        with pytest.raises(PermissionDenied):
            _do(action, booking, user, _after(action))
    booking.refresh_from_db()
    assert len(booking.status_log()) == logged


def test_a_superuser_may_manage_every_site():
    boss = User.objects.create_superuser("boss", "boss@bureau.example", "a-long-password-1")
    booking = book()
    services.confirm_booking(booking=booking, user=boss, now=NOW)
    assert Booking.objects.get().status == BookingStatus.CONFIRMED


def test_declining_needs_a_reason(operator):
    booking = book()
    with pytest.raises(services.BookingError, match="reason"):
        services.decline_booking(booking=booking, user=operator, reason="  ", now=NOW)


def test_an_overdue_request_cannot_be_confirmed(operator):
    booking = book()
    with pytest.raises(services.BookingError, match="expired"):
        services.confirm_booking(booking=booking, user=operator, now=NOW + datetime.timedelta(days=4))


def test_attendance_is_recorded_only_once_the_visit_has_started(operator):
    booking = _booking_in("confirmed")
    with pytest.raises(services.BookingError, match="once the visit has started"):
        services.mark_attended(booking=booking, user=operator, now=VISIT - datetime.timedelta(minutes=1))
    services.mark_attended(booking=booking, user=operator, now=VISIT)


def test_staff_may_cancel_after_the_organisers_cut_off(operator):
    booking = _booking_in("confirmed")
    late = VISIT - datetime.timedelta(hours=2)
    with pytest.raises(services.BookingError, match="too late"):
        services.cancel_booking(booking=booking, now=late)
    services.cancel_booking(booking=booking, user=operator, reason="Storm warning", now=late)
    assert Booking.objects.get().status == BookingStatus.CANCELLED


def test_the_request_itself_is_logged_as_made_by_the_organiser():
    [event] = book().status_log()
    assert (event.from_status, event.to_status, event.actor, event.user, event.at) == (
        "",
        "requested",
        "organiser",
        None,
        NOW,
    )


# Mail --------------------------------------------------------------------------------------------------------


def test_mail_goes_out_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        book()
        assert mail.outbox == []  # not inside the transaction
    for callback in callbacks:  # the mail, and the cache's content version bumped again
        callback()
    assert len(mail.outbox) == 1


def test_no_mail_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        book()
        raise RuntimeError("something later in the same transaction failed")
    assert callbacks == []
    assert mail.outbox == []
    assert Booking.objects.count() == 0


def test_no_mail_for_a_refused_booking(django_capture_on_commit_callbacks):
    slot = make_slot(capacity=10)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.NotEnoughPlaces):
        book(slot)
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("action", "expected"),
    [("confirm", "confirmed"), ("decline", "Full that day"), ("cancel", "School trip moved")],
)
def test_the_organiser_is_mailed_when_staff_answer(operator, django_capture_on_commit_callbacks, action, expected):
    booking = book(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        _do(action, booking, operator, NOW)
    [message] = mail.outbox
    assert message.to == ["wang@school.example"]
    assert expected in message.subject + message.body
    assert "/en/study-tours/booking/" in message.body


def test_a_mail_server_that_is_down_does_not_undo_the_booking(django_capture_on_commit_callbacks, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("bookings.mail.send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
    assert Booking.objects.get() == booking


# Expiry ------------------------------------------------------------------------------------------------------


def test_unanswered_requests_expire_and_free_their_places(settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.BOOKING_REQUEST_EXPIRY_DAYS = 2
    slot = make_slot(capacity=70)
    old = book(slot)
    answered = book(slot)
    services.confirm_booking(booking=answered, user=staff_user(), now=NOW)
    later = NOW + datetime.timedelta(days=1)
    recent = book(slot, now=later)
    run_at = NOW + datetime.timedelta(days=2, minutes=1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: run_at)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_booking_requests", stdout=out)
    assert "1 request(s) expired" in out.getvalue()
    statuses = dict(Booking.objects.values_list("pk", "status"))
    assert statuses == {old.pk: "expired", answered.pk: "confirmed", recent.pk: "requested"}
    assert slot.places_left(run_at) == 70 - 44
    [message] = mail.outbox
    assert old.reference in message.subject
    assert [(c.to_status, c.actor) for c in old.status_log()][-1] == ("expired", "system")


def test_expiring_twice_changes_nothing_the_second_time():
    book()
    later = NOW + datetime.timedelta(days=5)
    assert services.expire_requests(now=later) == 1
    assert services.expire_requests(now=later) == 0


# Erasure -----------------------------------------------------------------------------------------------------


def test_contact_data_is_erased_after_the_retention_period_and_the_counts_stay(settings, monkeypatch, client):
    settings.BOOKING_CONTACT_RETENTION_DAYS = 180
    old = book(special_needs="一名学生对花生过敏")
    recent = book(make_slot(start=at(2027, 6, 1, 9)))
    old_link = old.manage_path()
    day_after = VISIT + datetime.timedelta(days=181)
    monkeypatch.setattr("django.utils.timezone.now", lambda: day_after)
    out = StringIO()
    call_command("erase_booking_contacts", stdout=out)
    assert "erased from 1 booking(s)" in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.organiser_name, old.organiser_phone, old.organiser_email, old.special_needs) == ("", "", "", "")
    assert (old.school, old.pupils, old.teachers, old.persons) == ("株洲市第二中学", 20, 2, 22)
    assert old.contact_erased_at == day_after
    assert recent.organiser_email == "wang@school.example"
    assert client.get(old_link).status_code == 404


def test_the_retention_period_is_configurable(settings):
    booking = book()
    settings.BOOKING_CONTACT_RETENTION_DAYS = 30
    assert services.erase_contacts(now=VISIT + datetime.timedelta(days=29)) == 0
    assert services.erase_contacts(now=VISIT + datetime.timedelta(days=31)) == 1
    booking.refresh_from_db()
    assert booking.organiser_phone == ""


# Slots -------------------------------------------------------------------------------------------------------


def test_staff_generate_a_season_of_slots_from_a_weekly_pattern(operator):
    programme = make_programme(duration_minutes=90)
    created, skipped = services.generate_slots(
        programme=programme,
        first_day=datetime.date(2027, 3, 1),
        last_day=datetime.date(2027, 3, 28),
        weekdays=[1, 3],
        times=[datetime.time(9), datetime.time(14)],
        capacity=40,
        user=operator,
    )
    assert (created, skipped) == (16, 0)
    first = programme.slots.order_by("start").first()
    assert (first.start, first.end, first.capacity) == (at(2027, 3, 2, 9), at(2027, 3, 2, 10, 30), 40)
    again = services.generate_slots(
        programme=programme,
        first_day=datetime.date(2027, 3, 1),
        last_day=datetime.date(2027, 4, 4),
        weekdays=[1, 3],
        times=[datetime.time(9), datetime.time(14)],
        capacity=40,
    )
    assert again == (4, 16)


def test_generating_too_many_slots_or_backwards_dates_is_refused():
    programme = make_programme()
    common = {"programme": programme, "times": [datetime.time(9)], "capacity": 30}
    with pytest.raises(services.BookingError, match="before the first day"):
        services.generate_slots(
            first_day=datetime.date(2027, 3, 9), last_day=datetime.date(2027, 3, 1), weekdays=[0], **common
        )
    with pytest.raises(services.BookingError, match="at most 500"):
        services.generate_slots(
            first_day=datetime.date(2027, 1, 1), last_day=datetime.date(2028, 12, 31), weekdays=range(7), **common
        )
    assert TimeSlot.objects.count() == 0


def test_cancelling_a_slot_cancels_its_bookings_and_tells_the_organisers(operator, django_capture_on_commit_callbacks):
    slot = make_slot(capacity=70)
    first, second = book(slot), book(slot, organiser_email="li@school.example")
    declined = book(slot)
    services.decline_booking(booking=declined, user=operator, reason="Too many", now=NOW)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.set_slot_status(slot=slot, status=SlotStatus.CANCELLED, user=operator, reason="Flood")
    assert cancelled == 2
    assert set(Booking.objects.values_list("status", flat=True)) == {"cancelled", "declined"}
    assert sorted(m.to[0] for m in mail.outbox) == ["li@school.example", "wang@school.example"]
    assert all("Flood" in m.body for m in mail.outbox)
    assert {first.pk, second.pk} == set(Booking.objects.filter(status_note="Flood").values_list("pk", flat=True))


def test_a_closed_slot_takes_no_new_bookings_but_keeps_its_own(operator):
    slot = make_slot(capacity=60)
    booking = book(slot)
    services.set_slot_status(slot=slot, status=SlotStatus.CLOSED, user=operator)
    with pytest.raises(services.BookingError, match="closed"):
        book(slot)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_the_lead_time_counts_calendar_days_in_zhuzhou():
    programme = make_programme(lead_days=3)
    too_soon = make_slot(programme, start=at(2027, 3, 3, 23, 30))
    just_in_time = make_slot(programme, start=at(2027, 3, 4, 0, 30))
    assert list(TimeSlot.objects.bookable_from(NOW)) == [just_in_time]
    assert "at least 3 days" in too_soon.unavailable_reason(NOW)
    assert just_in_time.unavailable_reason(NOW) is None
