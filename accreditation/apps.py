from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    """Municipal demonstration points: the bureau's criteria, calls, operators' applications, assessors' scores,
    the administrator's decision, and the public list it feeds. Sits above the content apps; office and demo read
    it, it reads neither."""

    name = "accreditation"
    verbose_name = _("Demonstration points")

    def ready(self):
        from accreditation import signals  # noqa: F401
