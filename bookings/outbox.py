"""What became of each mail about a booking: queued, sent, or failed for good (shown on the dashboard)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MailKind(models.TextChoices):
    REQUESTED = "requested", _("Request received")
    NEW_REQUEST_STAFF = "new_request_staff", _("New request (to the site)")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")
    REMINDER = "reminder", _("Reminder the day before")


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Not sent (no address)")


class BookingMail(models.Model):
    """One mail per booking and kind: a booking is confirmed, declined or reminded once, so a second enqueue (a
    command run twice, a task run again after a crash) finds the row and sends nothing more."""

    booking = models.ForeignKey(
        "bookings.Booking", on_delete=models.CASCADE, related_name="mails", verbose_name=_("booking")
    )
    kind = models.CharField(_("mail"), max_length=20, choices=MailKind.choices)
    status = models.CharField(_("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The kind of error only (e.g. SMTPServerDisconnected): a server's message may quote the organiser's address.
    error = models.CharField(_("last error"), max_length=200, blank=True)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    finished_at = models.DateTimeField(_("sent or given up at"), null=True, blank=True)

    class Meta:
        verbose_name = _("booking mail")
        verbose_name_plural = _("booking mails")
        ordering = ["-queued_at"]
        constraints = [
            models.UniqueConstraint(fields=["booking", "kind"], name="booking_mail_once"),
            models.CheckConstraint(condition=models.Q(kind__in=MailKind.values), name="booking_mail_kind_valid"),
        ]
        indexes = [
            models.Index(fields=["status", "-finished_at"], name="booking_mail_status"),
        ]

    def __str__(self):
        return str(self.get_kind_display())
