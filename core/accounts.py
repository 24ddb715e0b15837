"""Staff accounts: password reset mails that link to the public address (SITE_URL), not to the host the request
came in on."""

from django.contrib.auth import views as auth_views

from core.links import site_domain, site_scheme


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        form.save(
            domain_override=site_domain(),
            use_https=site_scheme() == "https",
            token_generator=self.token_generator,
            from_email=self.from_email,
            email_template_name=self.email_template_name,
            subject_template_name=self.subject_template_name,
            request=self.request,
            html_email_template_name=self.html_email_template_name,
            extra_email_context=self.extra_email_context,
        )
        # FormView's redirect, without the parent's second save.
        return super(auth_views.PasswordResetView, self).form_valid(form)
