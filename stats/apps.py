from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.pagecache import CATALOGUE


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = _("Visitor statistics")
    # Published figures show on the public "Zhuzhou in figures" page, cached with the catalogue.
    content_part = CATALOGUE
    # A site operator reports their own sites' months; publishing them is the bureau's.
    operator_permissions = ["add_sitemonthreport", "change_sitemonthreport", "view_sitemonthreport"]
