from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_migrate

        import core.checks  # noqa: F401  (registers the database checks)
        from core import signals  # noqa: F401  (connects rendition signals)
        from core.roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="core.ensure_roles")
