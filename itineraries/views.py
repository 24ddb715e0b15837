import functools

from django.conf import settings
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from core.listing import listing_context
from core.pagecache import CATALOGUE, cache_public_page, this_minute
from core.publishing import detail_object, preview_context
from itineraries.filters import RouteFilter
from itineraries.jsonld import route_jsonld
from itineraries.models import ROUTE_CARD_FIELDS, Itinerary


@require_safe
@cache_public_page
def route_list(request):
    def filterset():
        routes = (
            Itinerary.objects.published()
            .with_days()
            .filter(num_days__isnull=False)
            .only(*ROUTE_CARD_FIELDS)
            .for_cards()
            .order_by("-featured", "title_zh")
        )
        return RouteFilter(request.GET or None, queryset=routes)

    name = f"routes:{this_minute():%Y%m%d%H%M}"
    context = listing_context(request, RouteFilter, filterset, name, parts=[CATALOGUE])
    return render(request, "itineraries/route_list.html", context)


@require_safe
@cache_public_page(detail=True)
def route_detail(request, slug):
    minute = this_minute()
    route = detail_object(request, Itinerary, slug, f"{minute:%Y%m%d%H%M}")
    # Lazy or called by the template: on a data-cache hit it needs none of them.
    plan = SimpleLazyObject(route.plan)
    event = route.related_event if route.related_event_id and route.related_event.is_live() else None
    return render(
        request,
        "itineraries/route_detail.html",
        {
            "route": route,
            **preview_context(route),
            "plan": plan,
            "event": event,
            "map_stops": functools.cache(lambda: _map_stops(plan)),  # asked for five times
            "map_config": {
                "tileUrl": settings.MAP_TILE_URL,
                "attribution": settings.MAP_TILE_ATTRIBUTION,
                "crs": settings.MAP_TILE_CRS,
            },
            "jsonld": lambda: route_jsonld(request, route, plan),
            "minute": minute,
        },
    )


def _map_stops(plan):
    """The stops with a known position, in order, for routes.js (WGS-84; the script shifts for GCJ-02 tiles)."""
    return [
        {
            "n": stop.number,
            "day": day.day,
            "name": stop.name,
            "url": stop.get_absolute_url(),
            "kind": stop.kind,
            "lat": float(stop.point[0]),
            "lng": float(stop.point[1]),
        }
        for day in plan
        for stop in day.stops
        if stop.point is not None
    ]
