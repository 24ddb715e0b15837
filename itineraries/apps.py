from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.pagecache import CATALOGUE


class ItinerariesConfig(AppConfig):
    name = "itineraries"
    verbose_name = _("Themed routes")
    content_part = CATALOGUE
    operator_permissions = []
