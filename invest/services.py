"""Writes that span rows: a stage change with its record, an enquiry with its mail to the bureau."""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.links import absolute_url
from invest.models import Enquiry, StageChange

logger = logging.getLogger(__name__)


def record_stage(project, *, user=None, date=None, note_zh="", note_en=""):
    """Record the project's current stage as reached today (or `date`), by `user`; nothing when it is the stage
    last recorded."""
    last = project.stage_changes.order_by("-date", "-id").values_list("stage", flat=True).first()
    if last == project.stage:
        return None
    return StageChange.objects.create(
        project=project,
        stage=project.stage,
        date=date or timezone.localdate(),
        changed_by=user,
        note_zh=note_zh,
        note_en=note_en,
    )


@transaction.atomic
def create_enquiry(*, project, language, **fields):
    enquiry = Enquiry.objects.create(project=project, language=language, **fields)
    # robust: a mail server that is down is logged and never turns a saved enquiry into an error page.
    transaction.on_commit(partial(send_enquiry_mail, enquiry.pk), robust=True)
    return enquiry


def send_enquiry_mail(enquiry_id):
    """Tell the bureau's investment office (INVEST_ENQUIRY_EMAIL) that an enquiry is waiting, in Chinese."""
    enquiry = Enquiry.objects.select_related("project").filter(pk=enquiry_id).first()
    if enquiry is None or enquiry.contact_erased_at or not settings.INVEST_ENQUIRY_EMAIL:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "enquiry": enquiry,
            "admin_url": absolute_url(f"/{settings.ADMIN_URL}invest/enquiry/{enquiry.pk}/change/"),
        }
        subject = " ".join(render_to_string("invest/email/enquiry_subject.txt", context).split())
        body = render_to_string("invest/email/enquiry.txt", context)
    return send_mail(subject, body, None, [settings.INVEST_ENQUIRY_EMAIL])


def erase_contacts(*, now=None):
    """Erase enquirers' names, phones, emails and messages INVEST_ENQUIRY_RETENTION_DAYS after they came in; the
    company, project, interest and status stay for the bureau's figures. Enquiries keep no history, so the row is
    the only copy."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.INVEST_ENQUIRY_RETENTION_DAYS)
    return Enquiry.objects.filter(created_at__lt=cutoff, contact_erased_at__isnull=True).update(
        contact_name="", phone="", email="", message="", contact_erased_at=now
    )
