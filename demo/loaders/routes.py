"""Demo themed routes (demo/data/routes.yaml), loaded after the sites and events.

Idempotent: routes are keyed on their slug and their stops replaced. Places are found by slug; a place that is
missing is skipped.
"""

from django.db import transaction

from demo import content
from events.models import Event
from itineraries.models import Itinerary, Stop
from sites.models import HeritageAsset, Site

MODELS = {"site": Site, "heritage": HeritageAsset, "event": Event}
_AUDIENCE_FIELDS = {"study": "for_study_tours", "family": "for_families", "senior": "for_seniors"}


def load(stdout=None):
    """Create or update the demo routes and replace their stops; returns {slug: Itinerary}."""
    data = content.read("routes")
    skipped = []
    with transaction.atomic():
        routes = {item["slug"]: _load_route(item, data["note"], skipped) for item in data["routes"]}
    if stdout:
        stops = Stop.objects.filter(itinerary__in=routes.values()).count()
        stdout.write(f"Demo routes loaded: {len(routes)} routes, {stops} stops.")
        if skipped:
            stdout.write(f"Skipped stops whose place is missing: {', '.join(skipped)}.")
    return routes


def _load_route(item, note, skipped):
    event = Event.objects.filter(slug=item["event"]).first() if item["event"] else None
    fields = {
        key: item[key]
        for key in ("title_zh", "title_en", "theme", "summary_zh", "summary_en", "tips_zh", "tips_en", "featured")
    }
    fields.update(
        description_zh=f"{item['description_zh']}\n\n{note['zh']}",
        description_en=f"{item['description_en']}\n\n{note['en']}",
        related_event=event,
        published=True,
        for_general="general" in item["audiences"],
        **{field: audience in item["audiences"] for audience, field in _AUDIENCE_FIELDS.items()},
    )
    route, _created = Itinerary.objects.update_or_create(slug=item["slug"], defaults=fields)
    route.stops.all().delete()
    Stop.objects.bulk_create(_stops(route, item, skipped))
    return route


def _stops(route, item, skipped):
    stops = []
    for day, day_stops in enumerate(item["days"], start=1):
        for position, data in enumerate(day_stops, start=1):
            place = MODELS[data["kind"]].objects.filter(slug=data["slug"]).first()
            if place is None:
                skipped.append(f"{item['slug']}/{data['slug']}")
                continue
            to_next = data.get("to_next", {})
            stops.append(
                Stop(
                    itinerary=route,
                    day=day,
                    position=position,
                    visit_minutes=data["minutes"],
                    note_zh=data.get("note_zh", ""),
                    note_en=data.get("note_en", ""),
                    next_mode=to_next.get("mode", ""),
                    next_minutes=to_next.get("minutes"),
                    next_directions_zh=to_next.get("directions_zh", ""),
                    next_directions_en=to_next.get("directions_en", ""),
                    **{data["kind"]: place},
                )
            )
    return stops
