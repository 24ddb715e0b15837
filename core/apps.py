from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        import core.checks  # noqa: F401  (registers the database checks)
        from core import signals  # (connects rendition and cache signals)

        signals.connect_row_recording()
