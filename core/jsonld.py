"""What every app's schema.org JSON-LD shares. Each app builds its own as dicts (`<app>/jsonld.py`); the `jsonld`
template tag escapes them."""

from core.links import absolute_url
from core.translation import is_english


def about(listing, schema_type):
    """What every listing's JSON-LD opens with (core.publishing.Listing): its type, its name in the page's language
    and the other, its description and its address on the portal."""
    name = listing.name_field
    return {
        "@type": schema_type,
        "name": getattr(listing, name),
        "alternateName": getattr(listing, f"{name}_zh" if is_english() else f"{name}_en"),
        "description": listing.summary or listing.description[:300],
        "url": absolute_url(listing.get_absolute_url()),
    }


def clean(data):
    """The dict without empty values, which schema.org readers treat as claims."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def image_urls(obj):
    return [absolute_url(photo.rendition_url(1600)) for photo in obj.photos.all()]


def geo(obj):
    if not obj.has_coordinates:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(obj.latitude), "longitude": float(obj.longitude)}
