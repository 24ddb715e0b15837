"""What every app's schema.org JSON-LD shares. Each app builds its own as dicts (`<app>/jsonld.py`); the `jsonld`
template tag escapes them."""

from core.links import absolute_url


def clean(data):
    """The dict without empty values, which schema.org readers treat as claims."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def image_urls(obj):
    return [absolute_url(photo.rendition_url(1600)) for photo in obj.photos.all()]


def geo(obj):
    if not obj.has_coordinates:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(obj.latitude), "longitude": float(obj.longitude)}
