"""schema.org Event JSON-LD: one Event per date, so search engines show each date with its own status."""

from django.utils import timezone

from core.jsonld import about, clean, image_urls
from core.links import absolute_url
from core.translation import is_english
from events.models import EventStatus

MAX_DATES = 20

_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}


def event_jsonld(request, event, occurrences):
    """`occurrences`: the dates to describe, at most MAX_DATES of them (upcoming ones, or the last if all past)."""
    common = _common(request, event)
    graph = [
        {
            **common,
            "startDate": timezone.localtime(occurrence.starts_at).isoformat(),
            "endDate": timezone.localtime(occurrence.ends_at).isoformat(),
            "eventStatus": _STATUS[EventStatus.CANCELLED] if occurrence.is_off else _STATUS[event.status],
        }
        for occurrence in occurrences[:MAX_DATES]
    ]
    return {"@context": "https://schema.org", "@graph": graph}


def _common(request, event):
    url = absolute_url(event.get_absolute_url())
    return clean(
        {
            **about(event, event.schema_type),
            "image": image_urls(event),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": _place(request, event),
            "organizer": clean({"@type": "Organization", "name": event.organiser}) if event.organiser else None,
            "isAccessibleForFree": event.admission_free,
            "offers": _offer(event, url),
            "audience": [{"@type": "Audience", "audienceType": str(label)} for label in event.audience_labels()],
        }
    )


def _place(request, event):
    place = {"@type": "Place", "name": event.place_name}
    if event.public_site:
        place["url"] = absolute_url(event.public_site.get_absolute_url())
    place["address"] = clean(
        {
            "@type": "PostalAddress",
            "streetAddress": event.place_address,
            "addressLocality": str(event.get_place_district_display()),
            "addressRegion": "Hunan" if is_english() else "湖南省",
            "addressCountry": "CN",
        }
    )
    if event.place_point:
        latitude, longitude = event.place_point
        place["geo"] = {"@type": "GeoCoordinates", "latitude": float(latitude), "longitude": float(longitude)}
    return clean(place)


def _offer(event, url):
    offer = {
        "@type": "Offer",
        "price": "0" if event.admission_free else f"{event.admission_price:.2f}",
        "priceCurrency": "CNY",
        "url": event.booking_url or url,
    }
    if event.is_cancelled:
        offer["availability"] = "https://schema.org/Discontinued"
    return offer
