"""Demo events (demo/data/events.yaml): every event DOMAIN.md names, on illustrative dates.

Idempotent: events are keyed on their slug, their dates are replaced, photos already painted are kept.
Venues link to the demo sites when those exist, and fall back to a named place.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.choices import AUDIENCE_FIELDS, Audience
from demo import content
from demo.photos import placeholder_photo
from events.models import Event, EventPhoto, Occurrence, refresh_next_dates
from events.services import series_starts
from sites.models import Site

_AUDIENCES = {Audience(audience).value: field for audience, field in AUDIENCE_FIELDS.items()}


def load(stdout=None):
    """Create or update the demo events; returns {slug: Event}."""
    data = content.read("events")
    with transaction.atomic():
        events = {item["slug"]: _load_event(item, data["note"]) for item in data["events"]}
    if stdout:
        dates = Occurrence.objects.filter(event__in=events.values()).count()
        stdout.write(f"Demo events loaded: {len(events)} events, {dates} dates.")
    return events


def _load_event(item, note):
    site = Site.objects.filter(slug=item["site"]).first() if item.get("site") else None
    price = item.get("admission_price")
    fields = {
        "title_zh": item["title_zh"],
        "title_en": item["title_en"],
        "kind": item["kind"],
        "summary_zh": item["summary_zh"],
        "summary_en": item["summary_en"],
        "description_zh": f"{item['description_zh']}\n\n{note['zh']}",
        "description_en": f"{item['description_en']}\n\n{note['en']}",
        "organiser_zh": item.get("organiser_zh", ""),
        "organiser_en": item.get("organiser_en", ""),
        "admission_free": price is None,
        "admission_price": Decimal(price) if price else None,
        "admission_note_zh": item.get("admission_note_zh", ""),
        "admission_note_en": item.get("admission_note_en", ""),
        "booking_required": item.get("booking_required", False),
        "published": True,
        **_venue(item, site),
        **{field: audience in item["audiences"] for audience, field in _AUDIENCES.items()},
    }
    event, _created = Event.objects.update_or_create(slug=item["slug"], defaults=fields)
    _sync_dates(event, _occurrences(event, item))
    photo = item["photo"]
    placeholder_photo(
        EventPhoto,
        {"event": event},
        position=0,
        texts={"alt_zh": photo["alt_zh"], "alt_en": photo["alt_en"], "caption_zh": "", "caption_en": ""},
        seed=f"event-{item['slug']}",
        kind=photo["kind"],
    )
    return event


def _venue(item, site):
    venue = item["venue"]
    if site:
        blank = dict.fromkeys(("venue_name_zh", "venue_name_en", "address_zh", "address_en", "district"), "")
        return {**blank, "site": site, "latitude": None, "longitude": None}
    return {
        "site": None,
        "venue_name_zh": venue["venue_name_zh"],
        "venue_name_en": venue["venue_name_en"],
        "address_zh": venue.get("address_zh", ""),
        "address_en": venue.get("address_en", ""),
        "district": venue["district"],
        "latitude": Decimal(venue["latitude"]),
        "longitude": Decimal(venue["longitude"]),
        "coordinates_approximate": True,
    }


def _occurrences(event, item):
    rows = {}
    for series in item.get("series", []):
        starts, ends = (datetime.time.fromisoformat(value) for value in series["times"])
        times = series_starts(
            first_day=datetime.date.fromisoformat(series["first"]),
            last_day=datetime.date.fromisoformat(series["last"]),
            weekdays=series["weekdays"],
            starts=starts,
            ends=ends,
        )
        for start, end in times:
            rows[start] = Occurrence(event=event, starts_at=start, ends_at=end)
    for date in item.get("dates", []):
        start = _local(date["starts"])
        rows[start] = Occurrence(
            event=event, starts_at=start, ends_at=_local(date["ends"]), note_zh=date["note_zh"], note_en=date["note_en"]
        )
    for cancelled in item.get("cancelled", []):
        occurrence = rows[_local(cancelled["starts"])]
        occurrence.cancelled, occurrence.note_zh, occurrence.note_en = True, cancelled["note_zh"], cancelled["note_en"]
    return sorted(rows.values(), key=lambda occurrence: occurrence.starts_at)


def _sync_dates(event, wanted):
    """Keep the rows of dates that stay, so calendar subscribers see the same UIDs after a reload."""
    existing = {occurrence.starts_at: occurrence for occurrence in event.occurrences.all()}
    wanted_starts = {occurrence.starts_at for occurrence in wanted}
    event.occurrences.exclude(starts_at__in=wanted_starts).delete()
    fields = ["ends_at", "cancelled", "note_zh", "note_en"]
    for occurrence in wanted:
        if occurrence.starts_at in existing:
            occurrence.pk = existing[occurrence.starts_at].pk
    Occurrence.objects.bulk_update([o for o in wanted if o.pk], fields)
    Occurrence.objects.bulk_create([o for o in wanted if not o.pk])
    refresh_next_dates(Event.objects.filter(pk=event.pk))  # bulk writes send no signals


def _local(value):
    return timezone.make_aware(datetime.datetime.fromisoformat(value), timezone.get_default_timezone())
