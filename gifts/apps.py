from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.pagecache import CATALOGUE


class GiftsConfig(AppConfig):
    name = "gifts"
    verbose_name = _("Zhuzhou Gifts creative goods")
    content_part = CATALOGUE
    # A site operator keeps the goods of their own sites, with photos and where to buy them.
    operator_permissions = ["add_gift", "change_gift", "view_gift"] + [
        f"{verb}_{model}" for model in ["giftphoto", "outlet"] for verb in ["add", "change", "delete", "view"]
    ]

    def ready(self):
        from gifts.models import may_draw_on_the_site
        from sites.models import PAGE_PANELS

        PAGE_PANELS["gifts"] = may_draw_on_the_site
