"""GeoJSON variants (RFC 7946: WGS-84, longitude first) of the places and routes, for map layers."""

from rest_framework.renderers import JSONRenderer

from api.fields import api_url, page_url, text
from api.params import Pages


class GeoJSONRenderer(JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"


class GeoPages(Pages):
    """Map layers take more per page: 500 by default, at most 1,000."""

    page_size = 500
    max_page_size = 1000
    page_size_query_description = "Features per page (default 500, at most 1000). 每页要素数。"


def _geometry(lat, lng):
    return {"type": "Point", "coordinates": [float(lng), float(lat)]}


def place_feature(place, lang, name):
    return {
        "type": "Feature",
        "geometry": _geometry(place.latitude, place.longitude),
        "properties": {
            "kind": name,
            "slug": place.slug,
            "name": text(place, lang, "name"),
            "level": place.level,
            "url": page_url(place, lang),
            "api_url": api_url(name, place.slug),
        },
    }


def collection(features, page_data=None):
    """A FeatureCollection; a page's count and links ride along as foreign members (RFC 7946 §6.1)."""
    data = {"type": "FeatureCollection", "features": features}
    if page_data:
        data.update(count=page_data["count"], next=page_data["next"], previous=page_data["previous"])
    return data


def route_collection(route, lang):
    """The route as a line through its located stops, and each stop as a point, numbered in order."""
    features, line = [], []
    for number, stop in enumerate(route.stop_list(), start=1):
        if stop.point is None:
            continue
        lat, lng = stop.point
        line.append([float(lng), float(lat)])
        target = stop.target
        features.append(
            {
                "type": "Feature",
                "geometry": _geometry(lat, lng),
                "properties": {
                    "kind": stop.kind,
                    "number": number,
                    "day": stop.day,
                    "slug": target.slug,
                    "name": text(target, lang, "title" if stop.event_id else "name"),
                    "url": page_url(target, lang),
                    "api_url": api_url(stop.kind, target.slug),
                },
            }
        )
    if len(line) >= 2:
        route_line = {
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": line},
            "properties": {"kind": "route", "slug": route.slug, "name": text(route, lang, "title")},
        }
        features.insert(0, route_line)
    return collection(features)


def _nullable(kind):
    return {"type": [kind, "null"]}


_BOTH = {"type": "object", "properties": {"zh": {"type": "string"}, "en": _nullable("string")}}
_TEXT = {"oneOf": [{"type": "string"}, _BOTH]}
_URL = {"oneOf": [{"type": "string"}, {"type": "object"}]}
FEATURE_COLLECTION = {
    "type": "object",
    "description": "A GeoJSON FeatureCollection (RFC 7946). GeoJSON 要素集合。",
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": ["Feature"]},
                    "geometry": {
                        "type": "object",
                        "properties": {
                            "type": {"type": "string", "enum": ["Point", "LineString"]},
                            "coordinates": {"type": "array"},
                        },
                        "required": ["type", "coordinates"],
                    },
                    "properties": {
                        "type": "object",
                        "properties": {
                            "kind": {"type": "string", "enum": ["site", "heritage", "event", "route"]},
                            "slug": {"type": "string"},
                            "name": _TEXT,
                            "url": _URL,
                            "api_url": {"type": "string", "format": "uri"},
                        },
                        "required": ["kind", "slug", "name"],
                    },
                },
                "required": ["type", "geometry", "properties"],
            },
        },
        "count": {"type": "integer", "description": "Places with a position on all pages."},
        "next": _nullable("string"),
        "previous": _nullable("string"),
    },
    "required": ["type", "features"],
}
