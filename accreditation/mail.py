"""The decision, mailed to the site's operators (in Chinese, the bureau's language) once it is committed."""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from core.links import absolute_url

logger = logging.getLogger(__name__)


def send_on_commit(decision):
    # robust: a mail server that is down is logged and never undoes a decision.
    transaction.on_commit(partial(send_decision_mail, decision.pk), robust=True)


def recipients(application):
    people = [*application.site.operators.all(), application.created_by]
    return sorted({person.email for person in people if person and person.email and person.is_active})


def send_decision_mail(decision_id):
    from accreditation.models import Decision

    decision = Decision.objects.select_related("application__site", "application__call__scheme").get(pk=decision_id)
    application = decision.application
    to = recipients(application)
    if not to:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "decision": decision,
            "application": application,
            "site": application.site,
            "url": absolute_url(application.get_absolute_url()),
        }
        subject = " ".join(render_to_string("accreditation/email/decision_subject.txt", context).split())
        body = render_to_string("accreditation/email/decision.txt", context)
    return send_mail(subject, body, None, to)
