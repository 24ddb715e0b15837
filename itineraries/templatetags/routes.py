"""Route sections for other pages: the home page, a site page, an event page ("follow the expo")."""

from django import template
from django.utils.translation import gettext_lazy as _

from itineraries.models import Itinerary

register = template.Library()

HOME_COUNT = 3
RELATED_COUNT = 4


def _routes():
    # Routes whose stops are all unpublished have nothing to show; with_days leaves them at None.
    return Itinerary.objects.published().with_days().filter(num_days__isnull=False)


@register.inclusion_tag("itineraries/route_section.html")
def featured_routes():
    routes = _routes().for_cards().order_by("-featured", "title_zh")[:HOME_COUNT]
    return {"routes": routes, "heading": _("Themed routes"), "section_id": "routes", "more": True}


@register.inclusion_tag("itineraries/route_section.html")
def site_routes(site):
    routes = _routes().stopping_at_site(site).for_listing().order_by("-featured", "title_zh")[:RELATED_COUNT]
    return {"routes": routes, "heading": _("Routes that stop here"), "section_id": "site-routes", "compact": True}


@register.inclusion_tag("itineraries/route_section.html")
def event_routes(event):
    routes = _routes().for_event(event).for_listing().order_by("-featured", "title_zh")[:RELATED_COUNT]
    return {"routes": routes, "heading": _("Follow the expo: routes"), "section_id": "event-routes", "compact": True}


@register.filter
def duration(minutes):
    """90 → "1 h 30 min"; for visit lengths and travel times."""
    if minutes in (None, ""):
        return ""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return _("%(minutes)d min") % {"minutes": rest}
    if not rest:
        return _("%(hours)d h") % {"hours": hours}
    return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}
