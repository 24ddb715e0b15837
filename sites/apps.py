from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    # Our own app: django.contrib.sites is not installed (see STYLE.md).
    name = "sites"
    verbose_name = _("Sites and heritage")
