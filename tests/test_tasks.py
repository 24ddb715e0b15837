"""Background work: booking mail and photo renditions run as tasks, retried with backoff; a mail that fails for good
shows on the dashboard. Most tests use the immediate backend of tests/settings.py; those marked `queue` go through
the real database backend (django-tasks-db) and a worker run."""

import datetime
import signal
import smtplib
from contextlib import contextmanager
from io import StringIO
from unittest.mock import patch

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from bookings import services
from bookings.models import Booking
from bookings.outbox import MailStatus
from core.images import rendition_name
from office.roles import OPERATOR
from tests.conftest import at
from tests.factories import add_photo, make_site, person
from tests.test_bookings_helpers import NOW, booking_data, make_programme, make_slot, service_kwargs, staff_user

pytestmark = pytest.mark.django_db

VISIT = at(2027, 3, 15, 9)


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def queue(settings):
    """The production backend: tasks wait in the database until a worker runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["mail", "photos"]}}


@contextmanager
def _signals_kept():
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def run_worker():
    """What `manage.py db_worker` does in production, until no task is ready. In the test's transaction: the worker
    must not close the connection, as it does between tasks to drop a broken one (tests/test_two_servers.py runs
    a worker process)."""
    with _signals_kept(), patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker", "--batch", "--queue-name", "mail,photos", "--no-startup-delay", "--no-reload", verbosity=0
        )


def book(slot=None, **overrides):
    booking, _created = services.create_booking(**service_kwargs(slot or make_slot(start=VISIT), **overrides))
    return booking


def failing(times, error=smtplib.SMTPServerDisconnected):
    """A send_mail that fails `times` times, then delivers."""
    calls = []

    def send(subject, body, sender, recipients):
        calls.append(recipients)
        if len(calls) <= times:
            raise error("Connection unexpectedly closed")
        return mail.send_mail(subject, body, sender, recipients)

    send.calls = calls
    return send


# The database backend and a worker -----------------------------------------------------------------------------


def test_a_booking_queues_its_mails_in_its_own_transaction_and_a_worker_sends_them(queue):
    slot = make_slot(make_programme(booking_email="bookings@site.example"), start=VISIT)
    booking = book(slot)
    assert mail.outbox == []  # nothing is sent in the request
    assert DBTaskResult.objects.filter(queue_name="mail").count() == 2
    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == ["bookings@site.example", "wang@school.example"]
    assert set(booking.mails.values_list("kind", "status")) == {
        ("requested", MailStatus.SENT),
        ("new_request_staff", MailStatus.SENT),
    }
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_a_booking_rolled_back_leaves_no_task_behind(queue):
    slot = make_slot(start=VISIT)
    with pytest.raises(RuntimeError), transaction.atomic():
        book(slot)
        raise RuntimeError("something later in the same transaction failed")
    assert DBTaskResult.objects.count() == 0
    assert Booking.objects.count() == 0


def test_a_failed_send_waits_for_its_backoff_then_succeeds(queue, monkeypatch, settings):
    settings.TASK_RETRY_DELAYS = [60, 300]
    sender = failing(1)
    monkeypatch.setattr("bookings.mail.send_mail", sender)
    booking = book()
    run_worker()
    assert mail.outbox == []
    retry = DBTaskResult.objects.get(status="READY")
    assert 55 <= (retry.run_after - timezone.now()).total_seconds() <= 60  # not before its delay
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # the minute has passed
    run_worker()
    assert [message.to for message in mail.outbox] == [["wang@school.example"]]
    record = booking.mails.get(kind="requested")
    assert (record.status, record.attempts, record.error) == (MailStatus.SENT, 2, "")


def test_photo_renditions_are_made_by_the_worker(queue, settings):
    photo = add_photo(make_site())
    name = photo.image.name
    assert DBTaskResult.objects.filter(queue_name="photos").count() == 1
    assert not (settings.MEDIA_ROOT / rendition_name(name, 480, "jpeg")).exists()
    run_worker()
    assert (settings.MEDIA_ROOT / rendition_name(name, 480, "jpeg")).is_file()
    assert (settings.MEDIA_ROOT / rendition_name(name, 480, "webp")).is_file()


# Retries and failures (immediate backend) ----------------------------------------------------------------------


def test_a_mail_that_keeps_failing_is_retried_then_recorded_as_failed(
    monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.TASK_RETRY_DELAYS = [60, 300, 1800]
    sender = failing(99)
    monkeypatch.setattr("bookings.mail.send_mail", sender)
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
    assert Booking.objects.get() == booking  # the booking stands
    assert len(sender.calls) == 4  # the first attempt and three retries
    record = booking.mails.get(kind="requested")
    assert (record.status, record.attempts, record.error) == (MailStatus.FAILED, 4, "SMTPServerDisconnected")
    assert record.finished_at is not None


def test_a_mail_that_failed_for_good_shows_on_the_operators_dashboard_only(
    monkeypatch, settings, client, django_capture_on_commit_callbacks
):
    settings.TASK_RETRY_DELAYS = []
    monkeypatch.setattr("bookings.mail.send_mail", failing(99))
    slot = make_slot(start=VISIT)
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(slot)
    operator = person("operator-a", OPERATOR, sites=[slot.programme.site])
    stranger = person("operator-b", OPERATOR, sites=[make_site()])
    client.force_login(operator)
    page = client.get("/en/admin/").content.decode()
    assert "1 mail could not be sent" in page
    assert booking.reference in page and "Request received" in page and "SMTPServerDisconnected" in page
    page = client.get(f"/en/admin/bookings/booking/{booking.pk}/change/").content.decode()
    assert "Mails" in page and "SMTPServerDisconnected" in page  # on the booking's own page too
    client.force_login(stranger)
    page = client.get("/en/admin/").content.decode()
    assert "could not be sent" not in page and booking.reference not in page


def test_a_mail_is_sent_once_even_when_its_task_runs_twice(django_capture_on_commit_callbacks):
    from bookings.mail import send_booking_mail

    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
    send_booking_mail.enqueue(booking.pk, "requested")
    assert len(mail.outbox) == 1


def test_new_requests_are_told_to_the_programmes_booking_email_or_else_the_sites(django_capture_on_commit_callbacks):
    own = make_slot(make_programme(make_site(email="site@site.example"), booking_email="desk@site.example"))
    fallback = make_slot(make_programme(make_site(email="site@site.example")))
    with django_capture_on_commit_callbacks(execute=True):
        first = book(own)
        book(fallback)
    to_staff = [message for message in mail.outbox if message.to != ["wang@school.example"]]
    assert [message.to for message in to_staff] == [["desk@site.example"], ["site@site.example"]]
    assert f"http://testserver/admin/bookings/booking/{first.pk}/change/" in to_staff[0].body


def test_the_received_page_promises_a_mail_it_has_not_sent_yet(client, django_capture_on_commit_callbacks):
    slot = make_slot(start=VISIT)
    url = reverse("bookings:booking-create", kwargs={"slug": slot.programme.slug})
    with patch("django.utils.timezone.now", return_value=NOW), django_capture_on_commit_callbacks(execute=False):
        response = client.post(url, booking_data(slot), follow=True)
    assert response.status_code == 200 and Booking.objects.count() == 1
    page = response.content.decode()
    assert "We will email the link to this booking to wang@school.example" in page
    assert "We have emailed" not in page


# Reminders -----------------------------------------------------------------------------------------------------


def test_confirmed_groups_get_one_reminder_the_day_before(django_capture_on_commit_callbacks):
    operator = staff_user()
    tomorrow = make_slot(start=VISIT, capacity=100)
    later = make_slot(start=VISIT + datetime.timedelta(days=2))
    confirmed, requested, next_week = book(tomorrow, language="en"), book(tomorrow), book(later)
    for booking in (confirmed, next_week):
        services.confirm_booking(booking=booking, user=operator, now=NOW)
    mail.outbox.clear()
    the_day_before = VISIT - datetime.timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.queue_reminders(now=the_day_before) == 1
        assert services.queue_reminders(now=the_day_before + datetime.timedelta(hours=1)) == 0
    [reminder] = mail.outbox
    assert reminder.to == [confirmed.organiser_email]
    assert confirmed.reference in reminder.subject and "tomorrow at 09:00" in reminder.body
    assert not requested.mails.filter(kind="reminder").exists()


def test_a_reminder_queued_for_a_booking_cancelled_since_is_not_sent(queue):
    operator = staff_user()
    booking = book()
    services.confirm_booking(booking=booking, user=operator, now=NOW)
    assert services.queue_reminders(now=VISIT - datetime.timedelta(hours=20)) == 1
    services.cancel_booking(booking=booking, user=operator, now=VISIT - datetime.timedelta(hours=19))
    run_worker()
    assert not [message for message in mail.outbox if "Reminder" in message.subject]
    assert booking.mails.get(kind="reminder").status == MailStatus.SKIPPED


def test_the_reminder_command_queues_tomorrows_reminders(django_capture_on_commit_callbacks):
    booking = book()
    services.confirm_booking(booking=booking, user=staff_user(), now=NOW)
    out = StringIO()
    with (
        patch("django.utils.timezone.now", return_value=VISIT - datetime.timedelta(hours=20)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_booking_reminders", stdout=out)
    assert out.getvalue().strip() == "1 reminder(s) queued."
    assert booking.mails.get(kind="reminder").status == MailStatus.SENT
