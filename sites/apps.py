from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.pagecache import CATALOGUE


class SitesConfig(AppConfig):
    # Our own app: django.contrib.sites is not installed (see STYLE.md).
    name = "sites"
    verbose_name = _("Sites and heritage")
    content_part = CATALOGUE
    # A site operator keeps their own listing, its photos and hours.
    operator_permissions = ["view_site", "change_site"] + [
        f"{verb}_{model}"
        for model in ["sitephoto", "openingperiod", "openingexception"]
        for verb in ["add", "change", "delete", "view"]
    ]

    def ready(self):
        from sites import signals  # noqa: F401  (connects the receivers)
