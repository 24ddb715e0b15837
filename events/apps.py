from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.pagecache import CATALOGUE


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    content_part = CATALOGUE
    operator_permissions = []

    def ready(self):
        from events import signals  # noqa: F401  (connects the receivers)
