from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event
from itineraries.models import Itinerary
from sites.models import HeritageAsset, Site


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(_Bilingual):
    priority = 0.8
    changefreq = "weekly"

    def items(self):
        return ["home", "sites:site-list", "sites:heritage-list", "sites:map"]

    def location(self, item):
        return reverse(item)


class SiteSitemap(_Bilingual):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Site.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


class HeritageSitemap(_Bilingual):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return HeritageAsset.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


class RouteSitemap(_Bilingual):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Itinerary.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


class EventSitemap(_Bilingual):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Event.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


SITEMAPS = {
    "pages": StaticSitemap,
    "sites": SiteSitemap,
    "heritage": HeritageSitemap,
    "routes": RouteSitemap,
    "events": EventSitemap,
}
