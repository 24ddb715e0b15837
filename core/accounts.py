"""Staff accounts: password reset requests limited per client address and per email (core.ratelimit), and reset
mails sent by a task worker, linking to the public address (SITE_URL), not to the host the request came in on."""

import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _

from core.links import site_domain, site_scheme
from core.ratelimit import client_address, over_limit
from core.tasks import enqueue_on_commit, retry_later

logger = logging.getLogger(__name__)


class SiteUrlPasswordResetForm(PasswordResetForm):
    def save(self, **kwargs):
        """Queue the mail: the worker finds the accounts and makes the links, so no SMTP wait holds the request
        and the queue's table keeps the address asked for, never a reset link."""
        enqueue_on_commit(send_password_reset_mail, self.cleaned_data["email"], translation.get_language())


class _SendingForm(PasswordResetForm):
    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        """Django's own logs a failed send and goes on; this one raises, so that the task is retried."""
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        EmailMultiAlternatives(subject, body, from_email, [to_email]).send()


@task(queue_name="mail")
def send_password_reset_mail(email, language, attempt=1):
    form = _SendingForm({"email": email})
    if not form.is_valid():
        return
    with translation.override(language):
        try:
            form.save(domain_override=site_domain(), use_https=site_scheme() == "https")
        except Exception:
            if not retry_later(send_password_reset_mail, email, language, attempt=attempt):
                logger.error("Password reset mail failed for good after %s attempts", attempt)
                raise
            logger.warning("Password reset mail failed (attempt %s); retrying", attempt)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = SiteUrlPasswordResetForm

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        limit = settings.PASSWORD_RESET_RATE_LIMIT
        # Both counted on every request, so that neither a new email nor a new address resets the other.
        too_many = over_limit("password-reset-address", client_address(request), limit)
        if not form.is_valid():
            return self.form_invalid(form)
        too_many = over_limit("password-reset-email", form.cleaned_data["email"].strip().lower(), limit) or too_many
        if too_many:
            form.add_error("email", _("Too many password reset requests. Please wait a while and try again."))
            response = self.form_invalid(form)
            response.status_code = 429
            response["Retry-After"] = str(limit[1])
            return response
        return self.form_valid(form)
