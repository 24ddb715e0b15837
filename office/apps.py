from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficeConfig(AppConfig):
    """The back office beside the model admin: dashboard, review queue, change log, exports, imports and roles.
    It sits on top of the content apps and reads them all; none of them imports it."""

    name = "office"
    verbose_name = _("Back office")

    def ready(self):
        from django.db.models.signals import post_migrate

        from office.roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="office.ensure_roles")
