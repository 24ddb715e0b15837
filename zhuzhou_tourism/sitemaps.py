from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.links import site_domain, site_scheme
from core.registry import publishable_models


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
            "points:point-list",
            "sites:map",
            "events:event-list",
            "events:calendar",
            "itineraries:route-list",
            "bookings:programme-list",
            "stats:figures",
            "invest:project-list",
            "gifts:gift-list",
        ]

    def location(self, item):
        return reverse(item)


class _ContentSitemap(_Bilingual):
    """Published rows of `model`, a content type (core.registry) with a slug, `updated_at` and a public page."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


def _sitemap(model):
    attributes = {"model": model, "changefreq": model.sitemap_changefreq, "priority": model.sitemap_priority}
    return type(f"{model.__name__}Sitemap", (_ContentSitemap,), attributes)


SITEMAPS = {"pages": StaticSitemap} | {model._meta.model_name: _sitemap(model) for model in publishable_models()}
