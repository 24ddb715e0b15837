from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The open data API: a read-only view of what is published, for mini-programs, partners and the province."""

    name = "api"
    verbose_name = _("Open data API")
