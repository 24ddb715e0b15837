from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.pagecache import CATALOGUE


class InvestConfig(AppConfig):
    name = "invest"
    verbose_name = _("Investment projects")
    content_part = CATALOGUE
    # The bureau runs investment promotion; a site operator may read the projects at their own sites.
    operator_permissions = ["view_investmentproject", "view_stagechange", "view_projectdocument"]

    def ready(self):
        from invest.models import may_be_at_the_site
        from sites.models import PAGE_PANELS

        PAGE_PANELS["invest"] = may_be_at_the_site
