"""Route sections for other pages: the home page, a site page, an event page ("follow the expo")."""

import itertools

from django import template
from django.utils.translation import gettext_lazy as _

from core.choices import AUDIENCE_FIELDS
from itineraries.models import Itinerary

register = template.Library()

HOME_COUNT = 3
RELATED_COUNT = 4


def _routes():
    # Routes whose stops are all unpublished have nothing to show; with_days leaves them at None.
    return Itinerary.objects.published().with_days().filter(num_days__isnull=False)


# What a route card reads of the route itself (itineraries/route_card.html); the rest comes from its stops.
ROUTE_CARD_FIELDS = ("slug", "title_zh", "title_en", "theme", "summary_zh", "summary_en", *AUDIENCE_FIELDS.values())


@register.inclusion_tag("itineraries/route_section.html")
def featured_routes():
    return {"routes": _featured_routes(), "heading": _("Themed routes"), "section_id": "routes", "more": True}


def _featured_routes():
    """The first routes in the lists' order with a stop visitors can open, as cards.

    Read in the order of the index, HOME_COUNT at a time with their visible stops, skipping any without one: the
    next few are read only when some are skipped. Asking for a visible stop in SQL (EXISTS, or with_days()) cost
    about as much Python to build and compile as the rest of the section."""
    routes = Itinerary.objects.published().only(*ROUTE_CARD_FIELDS).for_cards().order_by("-featured", "title_zh", "pk")
    shown = []
    for start in itertools.count(0, HOME_COUNT):
        batch = list(routes[start : start + HOME_COUNT])
        shown += [route for route in batch if route.plan_stops]
        if len(shown) >= HOME_COUNT or len(batch) < HOME_COUNT:
            return shown[:HOME_COUNT]


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
