"""Mail to organisers (in the language they booked in) and to the site's booking contact, sent by a worker after
the commit (core.tasks), retried with backoff, and recorded per booking and kind (bookings.outbox.BookingMail)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from bookings.outbox import BookingMail, MailKind, MailStatus
from core.links import absolute_url
from core.tasks import enqueue_on_commit, retry_later

logger = logging.getLogger(__name__)

KINDS = set(MailKind.values)
# Mails that only make sense while the booking is still in the state they announce.
STILL_TRUE = {MailKind.REMINDER: {"confirmed"}}


def send_on_commit(booking, kind):
    """Record the mail and queue it for when the surrounding transaction commits; a rollback sends nothing, and a
    mail already recorded for this booking and kind is not queued again."""
    assert kind in KINDS, kind
    _record, created = BookingMail.objects.get_or_create(booking=booking, kind=kind)
    if created:
        enqueue_on_commit(send_booking_mail, booking.pk, kind)
    return created


@task(queue_name="mail")
def send_booking_mail(booking_id, kind, attempt=1):
    """Send one recorded mail; a failure is retried after its backoff delay (core.tasks), then recorded as failed
    for good and raised, so the task shows as failed too."""
    mails = BookingMail.objects.select_related("booking__slot__programme__site")
    record = mails.filter(booking_id=booking_id, kind=kind).first()
    if record is None or record.status != MailStatus.QUEUED:
        return record and record.status
    recipient, subject, body = _message(record.booking, kind)
    if not recipient:
        return _finish(record, MailStatus.SKIPPED, attempt)
    try:
        send_mail(subject, body, None, [recipient])
    except Exception as error:
        # Saved before the next attempt is queued: a backend that runs it at once must find this one recorded.
        record.attempts, record.error = attempt, type(error).__name__[:200]
        record.save(update_fields=["attempts", "error"])
        if retry_later(send_booking_mail, booking_id, kind, attempt=attempt):
            logger.warning("Mail %s of booking %s failed (attempt %s); retrying", kind, booking_id, attempt)
            return "retrying"
        logger.error("Mail %s of booking %s failed for good after %s attempts", kind, booking_id, attempt)
        _finish(record, MailStatus.FAILED, attempt)
        raise
    return _finish(record, MailStatus.SENT, attempt)


def _finish(record, status, attempt):
    record.status, record.attempts, record.finished_at = status, attempt, timezone.now()
    if status == MailStatus.SENT:
        record.error = ""
    record.save(update_fields=["status", "attempts", "finished_at", "error"])
    return status


def _message(booking, kind):
    """(recipient, subject, body); no recipient when there is nobody to tell any more."""
    programme = booking.slot.programme
    to_staff = kind == MailKind.NEW_REQUEST_STAFF
    recipient = programme.contact_email if to_staff else booking.organiser_email
    if booking.contact_erased_at or (kind in STILL_TRUE and booking.status not in STILL_TRUE[kind]):
        recipient = ""
    if not recipient:
        return "", "", ""
    with translation.override(settings.LANGUAGE_CODE if to_staff else booking.language):
        context = {
            "booking": booking,
            "slot": booking.slot,
            "programme": programme,
            "site": programme.site,
            "manage_url": "" if to_staff else absolute_url(booking.manage_path()),
            "admin_url": absolute_url(reverse("admin:bookings_booking_change", args=[booking.pk])) if to_staff else "",
            "cutoff_hours": settings.BOOKING_CANCEL_CUTOFF_HOURS,
        }
        subject = " ".join(render_to_string(f"bookings/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"bookings/email/{kind}.txt", context)
    return recipient, subject, body
