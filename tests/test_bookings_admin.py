"""Staff work in the back office: the booking list, the actions, the CSV export and the slot tools."""

import csv
import datetime
import io
from unittest.mock import patch

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from bookings import services
from bookings.export import safe_cell
from bookings.models import Booking, BookingStatus, TimeSlot
from tests.conftest import at
from tests.test_bookings_helpers import NOW, make_programme, make_slot, service_kwargs, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_time():
    with patch("django.utils.timezone.now", return_value=NOW), translation.override("en"):
        yield


@pytest.fixture
def operator(client):
    user = staff_user()
    client.force_login(user)
    return user


def book(slot=None, **overrides):
    booking, _created = services.create_booking(**service_kwargs(slot or make_slot(), **overrides))
    return booking


QUERIES = 9


def changelist():
    return reverse("admin:bookings_booking_changelist")


def act(client, action, bookings, **extra):
    data = {"action": action, "_selected_action": [b.pk for b in bookings], **extra}
    return client.post(changelist(), data)


def test_the_booking_list_makes_the_same_queries_for_few_and_many_bookings(client, operator, django_assert_num_queries):
    slot = make_slot(capacity=500)
    for _ in range(2):
        book(slot)
    client.get(changelist())  # warm the content-type cache
    # Session, user, the user's and the group permissions, the site filter's choices, the count of the filtered
    # list, the page of bookings with slot, programme and site in one join, and the date hierarchy's bounds and
    # days. No full count (show_full_result_count is off), nothing per row.
    with django_assert_num_queries(QUERIES) as captured:
        client.get(changelist())
    for _ in range(8):
        book(make_slot(make_programme(), capacity=500))
    with django_assert_num_queries(QUERIES):
        client.get(changelist())
    assert captured


def test_staff_confirm_requests_from_the_list_and_the_organiser_is_mailed(
    client, operator, django_capture_on_commit_callbacks
):
    bookings = [book(make_slot(capacity=500)) for _ in range(2)]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, "confirm", bookings)
    assert response.status_code == 302
    assert set(Booking.objects.values_list("status", flat=True)) == {"confirmed"}
    assert len(mail.outbox) == 2
    assert bookings[0].status_log()[-1].user == operator


def test_declining_asks_for_a_reason_first(client, operator):
    booking = book()
    page = act(client, "decline", [booking])
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    assert Booking.objects.get().status == BookingStatus.REQUESTED
    empty = act(client, "decline", [booking], apply="1", reason="")
    assert empty.status_code == 200
    assert Booking.objects.get().status == BookingStatus.REQUESTED
    done = act(client, "decline", [booking], apply="1", reason="The workshop is being serviced that week.")
    assert done.status_code == 302
    booking.refresh_from_db()
    assert (booking.status, booking.status_note) == ("declined", "The workshop is being serviced that week.")


def test_attendance_is_marked_after_the_visit(client, operator):
    present, absent = book(make_slot(capacity=500)), book(make_slot(capacity=500))
    for booking in (present, absent):
        services.confirm_booking(booking=booking, user=operator, now=NOW)
    with patch("django.utils.timezone.now", return_value=at(2027, 3, 15, 17)):
        client.force_login(operator)  # the morning's session has expired by the evening
        act(client, "mark_attended", [present])
        act(client, "mark_no_show", [absent])
    assert dict(Booking.objects.values_list("pk", "status")) == {present.pk: "attended", absent.pk: "no_show"}


def test_a_refused_action_says_why_and_changes_nothing(client, operator):
    booking = book()
    response = act(client, "mark_attended", [booking])
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("cannot become attended" in m or "once the visit" in m for m in messages)
    assert Booking.objects.get().status == BookingStatus.REQUESTED


def test_bookings_cannot_be_added_edited_or_deleted_by_hand(client, operator):
    booking = book()
    assert client.get(reverse("admin:bookings_booking_add")).status_code == 403
    page = client.get(reverse("admin:bookings_booking_change", args=[booking.pk]))
    assert page.status_code == 200 and 'name="teachers"' not in page.content.decode()
    assert client.get(reverse("admin:bookings_booking_delete", args=[booking.pk])).status_code == 403


def test_staff_without_the_bookings_permission_see_no_bookings_and_cannot_export(client):
    book()
    client.force_login(staff_user("editor", manage=False))
    page = client.get(changelist())
    assert page.status_code == 200 and "0 bookings" in page.content.decode()
    assert client.get(reverse("admin:bookings_booking_export")).status_code == 403


def test_visitors_cannot_reach_the_export(client):
    response = client.get(reverse("admin:bookings_booking_export") + "?start=2027-03-01&end=2027-03-31")
    assert response.status_code == 302 and "login" in response["Location"]


# Export ------------------------------------------------------------------------------------------------------


def _rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_export_gives_the_bookings_of_a_date_range(client, operator):
    inside = book(make_slot(start=at(2027, 3, 15, 9)))
    book(make_slot(start=at(2027, 4, 15, 9)))
    response = client.get(reverse("admin:bookings_booking_export") + "?start=2027-03-01&end=2027-03-31")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = _rows(response)
    assert header[0] == "Reference" and len(rows) == 1
    assert rows[0][0] == inside.reference
    assert "2027-03-15 09:00" in rows[0]


def test_the_export_defuses_spreadsheet_formulas(client, operator):
    book(school='=HYPERLINK("http://evil.example","Click")', organiser_name="@SUM(A1:A9)", special_needs="-2+3")
    response = client.get(reverse("admin:bookings_booking_export") + "?start=2027-03-01&end=2027-03-31")
    [row] = _rows(response)[1:]
    assert '\'=HYPERLINK("http://evil.example","Click")' in row
    assert "'@SUM(A1:A9)" in row and "'-2+3" in row
    assert "13807310000" in row


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_every_formula_start_is_prefixed(text):
    assert safe_cell(text) == "'" + text
    assert safe_cell("株洲" + text) == "株洲" + text


@pytest.mark.parametrize(
    "query",
    ["?start=2027-03-31&end=2027-03-01", "?start=yesterday&end=2027-03-01", "?start=2020-01-01&end=2027-01-01", "?x=1"],
)
def test_a_bad_export_range_shows_the_form_again(client, operator, query):
    book()
    response = client.get(reverse("admin:bookings_booking_export") + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


# Slots -------------------------------------------------------------------------------------------------------


def test_staff_generate_slots_from_the_programme_page(client, operator):
    programme = make_programme()
    url = reverse("admin:bookings_studyprogramme_generate_slots", args=[programme.pk])
    assert client.get(url).status_code == 200
    data = {
        "first_day": "2027-03-01",
        "last_day": "2027-03-14",
        "weekdays": ["0", "2"],
        "times": "09:00，14:30",
        "capacity": "45",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert TimeSlot.objects.filter(programme=programme, capacity=45).count() == 8
    bad = client.post(url, {**data, "times": "9 o'clock"})
    assert bad.status_code == 200 and "is not a time like 09:30" in bad.content.decode()


def test_the_slot_form_refuses_a_capacity_below_what_is_booked(client, operator):
    slot = make_slot(capacity=30)
    book(slot)
    url = reverse("admin:bookings_timeslot_change", args=[slot.pk])
    local = lambda value: value.astimezone(at(2027, 1, 1).tzinfo)  # noqa: E731
    data = {
        "programme": slot.programme.pk,
        "start_0": local(slot.start).strftime("%Y-%m-%d"),
        "start_1": local(slot.start).strftime("%H:%M:%S"),
        "end_0": local(slot.end).strftime("%Y-%m-%d"),
        "end_1": local(slot.end).strftime("%H:%M:%S"),
        "capacity": "20",
        "status": "open",
        "note": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "already hold 22 places" in response.content.decode()
    slot.refresh_from_db()
    assert slot.capacity == 30
    assert client.post(url, {**data, "capacity": "22"}).status_code == 302
    slot.refresh_from_db()
    assert slot.capacity == 22


def test_cancelling_slots_from_the_list_cancels_their_bookings(client, operator):
    slot = make_slot(capacity=60)
    booking = book(slot)
    url = reverse("admin:bookings_timeslot_changelist")
    data = {"action": "cancel_slots", "_selected_action": [slot.pk]}
    assert 'name="reason"' in client.post(url, data).content.decode()
    client.post(url, {**data, "apply": "1", "reason": "Typhoon warning"})
    booking.refresh_from_db()
    assert (booking.status, booking.status_note) == ("cancelled", "Typhoon warning")
    assert booking.slot.status == "cancelled"


def test_the_generated_slots_start_in_zhuzhou_time():
    programme = make_programme(duration_minutes=60)
    services.generate_slots(
        programme=programme,
        first_day=datetime.date(2027, 3, 1),
        last_day=datetime.date(2027, 3, 1),
        weekdays=[0],
        times=[datetime.time(9)],
        capacity=30,
    )
    assert programme.slots.get().start == at(2027, 3, 1, 9)


# Other lists -------------------------------------------------------------------------------------------------


def test_the_slot_list_makes_the_same_queries_for_few_and_many_slots(client, operator, django_assert_num_queries):
    programme = make_programme()
    for day in (10, 11):
        book(make_slot(programme, at(2027, 3, day, 9), capacity=100))
    url = reverse("admin:bookings_timeslot_changelist")
    client.get(url)
    # Session, user, permissions (user and group), the site and programme filters' choices, the count, the page
    # of slots with their programme and the persons held (one aggregate), and the date hierarchy's bounds.
    with django_assert_num_queries(10):
        client.get(url)
    for day in range(12, 20):
        book(make_slot(make_programme(), at(2027, 3, day, 9), capacity=100))
    with django_assert_num_queries(10):
        client.get(url)


def test_the_programme_list_makes_the_same_queries_for_few_and_many_programmes(
    client, operator, django_assert_num_queries
):
    make_programme()
    url = reverse("admin:bookings_studyprogramme_changelist")
    client.get(url)
    # Session, user, permissions (user and group), the site filter's choices, the count, the page of programmes
    # with their site.
    with django_assert_num_queries(7):
        client.get(url)
    for _ in range(8):
        make_programme()
    with django_assert_num_queries(7):
        client.get(url)


def test_the_programme_pages_link_to_the_slot_tools(client, operator):
    programme = make_programme()
    page = client.get(reverse("admin:bookings_studyprogramme_change", args=[programme.pk])).content.decode()
    assert reverse("admin:bookings_studyprogramme_generate_slots", args=[programme.pk]) in page


def test_a_slot_with_bookings_keeps_its_times(client, operator):
    slot = make_slot(capacity=30)
    book(slot)
    local = slot.start.astimezone(at(2027, 1, 1).tzinfo)
    data = {
        "programme": slot.programme.pk,
        "start_0": "2027-03-16",
        "start_1": local.strftime("%H:%M:%S"),
        "end_0": "2027-03-16",
        "end_1": "11:00:00",
        "capacity": "30",
        "status": "open",
        "note": "",
    }
    response = client.post(reverse("admin:bookings_timeslot_change", args=[slot.pk]), data)
    assert "its programme and times cannot change" in response.content.decode()
    slot.refresh_from_db()
    assert slot.start == at(2027, 3, 15, 9)


def test_the_booking_page_shows_one_status_log_with_who_and_why(client, operator):
    booking = book(make_slot(capacity=500))
    services.decline_booking(booking=booking, user=operator, reason="Workshop closed for maintenance", now=NOW)
    page = client.get(reverse("admin:bookings_booking_change", args=[booking.pk])).content.decode()
    log = page.split('class="bo-status-log"')[1].split("</table>")[0]
    assert log.count("<tr>") == 3  # the heading, the request, the answer
    assert "the organiser" in log and "operator" in log and "Workshop closed for maintenance" in log
