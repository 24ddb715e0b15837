"""schema.org TouristTrip for a route page; the stops are its itinerary, an ordered ItemList."""

from core.jsonld import about, clean
from core.links import absolute_url

_SCHEMA_TYPES = {"site": "TouristAttraction", "heritage": "LandmarksOrHistoricalBuildings"}


def route_jsonld(request, route, plan):
    stops = [stop for day in plan for stop in day.stops]
    data = {
        "@context": "https://schema.org",
        **about(route, "TouristTrip"),
        "touristType": [str(label) for label in route.audience_labels()],
        "itinerary": {
            "@type": "ItemList",
            "numberOfItems": len(stops),
            "itemListOrder": "https://schema.org/ItemListOrderAscending",
            "itemListElement": [
                {"@type": "ListItem", "position": stop.number, "item": _stop_item(request, stop)} for stop in stops
            ],
        },
    }
    event = route.related_event
    if event is not None and event.is_live():
        data["subjectOf"] = {
            "@type": event.schema_type,
            "name": event.title,
            "url": absolute_url(event.get_absolute_url()),
        }
    return clean(data)


def _stop_item(request, stop):
    event = stop.event if stop.event_id else None
    item = {
        "@type": event.schema_type if event else _SCHEMA_TYPES[stop.kind],
        "name": stop.name,
        "url": absolute_url(stop.get_absolute_url()),
    }
    if stop.point is not None:
        geo = {"@type": "GeoCoordinates", "latitude": float(stop.point[0]), "longitude": float(stop.point[1])}
        if event:
            item["location"] = clean({"@type": "Place", "name": event.place_name, "geo": geo})
        else:
            item["geo"] = geo
    if event and stop.next_dates:
        item["startDate"] = stop.next_dates[0].local_start.isoformat()
        item["endDate"] = stop.next_dates[0].local_end.isoformat()
    return item
