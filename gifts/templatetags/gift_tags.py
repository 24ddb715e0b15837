"""Goods on other pages: a site's page shows the goods that draw on it, a route's page those of the sites it
stops at. Each panel is one query for the goods and one for their photos, whatever the number of stops."""

from django import template
from django.db.models import Prefetch

from gifts.models import Gift, GiftPhoto

register = template.Library()

SITE_COUNT = 4
ROUTE_COUNT = 6


def _gifts():
    # No DISTINCT: every join here follows a foreign key forwards (a gift's site, its heritage and that one's
    # site), so no gift comes twice; sorting whole rows to drop duplicates cost 1.5 ms. Ties by id, as it left them.
    photos = Prefetch("photos", queryset=GiftPhoto.objects.order_by("position", "id"))
    gifts = Gift.objects.published().select_related("site").prefetch_related(photos)
    return gifts.order_by("-featured", "name_zh", "pk")


@register.inclusion_tag("gifts/tags/gift_section.html")
def site_gifts(site):
    gifts = list(_gifts().drawing_on_sites([site.pk])[:SITE_COUNT]) if site.may_show("gifts") else []
    return {"gifts": gifts, "section_id": "site-gifts", "site": site}


@register.inclusion_tag("gifts/tags/gift_section.html")
def route_gifts(route):
    """Goods of the sites the route stops at (or whose heritage it stops at); the stops are the route's own
    prefetched `plan_stops`, so no query finds them."""
    site_ids = set()
    for stop in getattr(route, "plan_stops", []):
        if stop.site_id:
            site_ids.add(stop.site_id)
        elif stop.heritage_id and stop.heritage and stop.heritage.site_id:
            site_ids.add(stop.heritage.site_id)
    gifts = list(_gifts().drawing_on_sites(site_ids)[:ROUTE_COUNT]) if site_ids else []
    return {"gifts": gifts, "section_id": "route-gifts", "route": route}
