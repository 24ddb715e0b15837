"""Route sections for other pages: the home page, a site page, an event page ("follow the expo")."""

import itertools

from django import template
from django.db.models import prefetch_related_objects
from django.template.defaultfilters import floatformat
from django.utils.html import format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from itineraries.models import ROUTE_CARD_FIELDS, Itinerary, Stop, plan_prefetch
from sites.models import HeritageAsset

register = template.Library()

HOME_COUNT = 3
RELATED_COUNT = 4


def _routes():
    # Routes whose stops are all unpublished have nothing to show; with_days leaves them at None.
    return Itinerary.objects.published().with_days().filter(num_days__isnull=False)


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
    """The routes that visibly stop here: at the site, or at heritage seen here that is public (prefetched with the
    site). A route with such a stop has something to show, so only a preview of a site not yet public asks for
    the routes' visible stops (3.5 → 1 ms: no subquery per route)."""
    routes = Itinerary.objects.published().stopping_at_site(site, _public_heritage(site))
    if not site.is_live():
        routes = routes.with_days().filter(num_days__isnull=False)
    routes = list(routes.order_by("-featured", "title_zh")[:RELATED_COUNT])
    if routes:  # most sites are on no route: the stops' prefetch costs 1 ms to build
        prefetch_related_objects(routes, plan_prefetch(Stop.objects.for_cards()))
    return {"routes": routes, "heading": _("Routes that stop here"), "section_id": "site-routes", "compact": True}


def _public_heritage(site):
    if "heritage_assets" in getattr(site, "_prefetched_objects_cache", {}):
        return [asset.pk for asset in site.heritage_assets.all()]  # Site.for_detail(): the public ones
    return HeritageAsset.objects.published().filter(site=site).values("pk")


@register.inclusion_tag("itineraries/route_section.html")
def event_routes(event):
    routes = _routes().for_event(event).for_cards().order_by("-featured", "title_zh")[:RELATED_COUNT]
    return {"routes": routes, "heading": _("Follow the expo: routes"), "section_id": "event-routes", "compact": True}


@register.simple_tag
def route_figures(route):
    """A route card's figures: days, stops, hours of visits and length. One tag, not four {% blocktranslate %}
    in an included template (about 0.2 ms a card)."""
    days, stops, km = route.days, route.stop_count, route.distance_km
    figures = [
        ngettext("%(days)s day", "%(days)s days", days) % {"days": days},
        ngettext("%(stops)s stop", "%(stops)s stops", stops) % {"stops": stops},
        gettext("%(length)s of visits") % {"length": duration(route.visit_minutes)},
    ]
    if km:
        figures.append(gettext("%(km)s km") % {"km": floatformat(km, "0")})
    return format_html_join(" · ", "<span>{}</span>", ((figure,) for figure in figures))


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
