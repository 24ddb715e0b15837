"""Mail to organisers (in the language they booked in) and to the site, sent only after the commit."""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from core.links import absolute_url

logger = logging.getLogger(__name__)

KINDS = {"requested", "confirmed", "declined", "cancelled", "expired", "new_request_staff"}


def send_on_commit(booking, kind):
    """Queue a mail for when the surrounding transaction commits; a rollback sends nothing."""
    assert kind in KINDS, kind
    # robust: a mail server that is down is logged, and never turns a saved booking into an error page.
    transaction.on_commit(partial(send_booking_mail, booking.pk, kind), robust=True)


def send_booking_mail(booking_id, kind):
    from bookings.models import Booking

    booking = Booking.objects.select_related("slot__programme__site").get(pk=booking_id)
    if booking.contact_erased_at:
        return 0
    to_staff = kind == "new_request_staff"
    recipient = booking.slot.programme.site.email if to_staff else booking.organiser_email
    if not recipient:
        return 0
    language = settings.LANGUAGE_CODE if to_staff else booking.language
    with translation.override(language):
        context = {
            "booking": booking,
            "slot": booking.slot,
            "programme": booking.slot.programme,
            "site": booking.slot.programme.site,
            "manage_url": absolute_url(booking.manage_path()),
            "cutoff_hours": settings.BOOKING_CANCEL_CUTOFF_HOURS,
        }
        subject = " ".join(render_to_string(f"bookings/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"bookings/email/{kind}.txt", context)
    return send_mail(subject, body, None, [recipient])
