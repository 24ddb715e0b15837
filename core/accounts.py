"""Staff accounts: password reset requests limited per client address and per email (core.ratelimit), and reset
mails that link to the public address (SITE_URL), not to the host the request came in on."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.utils.translation import gettext as _

from core.links import site_domain, site_scheme
from core.ratelimit import client_address, over_limit


class SiteUrlPasswordResetForm(PasswordResetForm):
    def save(self, **kwargs):
        return super().save(**{**kwargs, "domain_override": site_domain(), "use_https": site_scheme() == "https"})


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
