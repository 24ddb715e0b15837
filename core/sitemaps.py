from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from bookings.models import StudyProgramme
from core.links import site_domain, site_scheme
from events.models import Event
from itineraries.models import Itinerary
from sites.models import HeritageAsset, Site


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    # On the public address (SITE_URL), not the host the sitemap was asked on.
    def get_protocol(self, protocol=None):
        return site_scheme()

    def get_domain(self, site=None):
        return site_domain()


class StaticSitemap(_Bilingual):
    priority = 0.8
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "sites:site-list",
            "sites:heritage-list",
            "sites:map",
            "events:event-list",
            "events:calendar",
            "itineraries:route-list",
            "bookings:programme-list",
        ]

    def location(self, item):
        return reverse(item)


class _ContentSitemap(_Bilingual):
    """Published rows of `model`, which has a slug, `updated_at` and a `published()` queryset method."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


def _sitemap(model, changefreq, priority):
    return type(
        f"{model.__name__}Sitemap",
        (_ContentSitemap,),
        {
            "model": model,
            "changefreq": changefreq,
            "priority": priority,
        },
    )


SITEMAPS = {
    "pages": StaticSitemap,
    "sites": _sitemap(Site, "weekly", 0.7),
    "heritage": _sitemap(HeritageAsset, "monthly", 0.6),
    "routes": _sitemap(Itinerary, "monthly", 0.6),
    "events": _sitemap(Event, "weekly", 0.6),
    "study-tours": _sitemap(StudyProgramme, "weekly", 0.6),
}
