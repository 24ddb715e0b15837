import gzip
import hashlib
import json
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.choices import District
from core.listing import listing_context
from core.models import rank_by
from core.pagecache import CATALOGUE, cache_public_page, cached_for_content, this_minute
from core.publishing import detail_object, preview_context
from core.translation import pick
from sites.filters import LEVEL_ORDER, HeritageFilter, SiteFilter
from sites.jsonld import heritage_jsonld, site_jsonld
from sites.models import HeritageAsset, Site

MAP_LIST_PER_DISTRICT = 12
NEARBY_COUNT = 3
NEARBY_BOX = Decimal("0.6")  # degrees; about 60 km around Zhuzhou's latitude
NEARBY_FIRST_BOX = Decimal("0.05")


@require_safe
@cache_public_page
def site_list(request):
    # Always bound, even to an empty query: filter_queryset() is what applies the recommended order.
    context = listing_context(
        request,
        SiteFilter,
        lambda: SiteFilter(request.GET, queryset=Site.objects.published().for_listing()),
        "sites",
        parts=[CATALOGUE],
    )
    return render(request, "sites/site_list.html", context)


@require_safe
@cache_public_page(detail=True)
def site_detail(request, slug):
    now = timezone.localtime()
    site = detail_object(request, Site, slug, now.date())
    return render(
        request,
        "sites/site_detail.html",
        {
            "site": site,
            **preview_context(site),
            # Lazy: on a data-cache hit the template needs none of them.
            "open_now": SimpleLazyObject(lambda: site.is_open(now)),
            "week": SimpleLazyObject(lambda: site.week_hours(now.date())),
            "nearby": SimpleLazyObject(lambda: _nearby_sites(site)),
            "jsonld": lambda: site_jsonld(request, site),  # templates call callables
            "map_config": _map_config(),
            "minute": this_minute(),
        },
    )


def _map_config():
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "crs": settings.MAP_TILE_CRS,
    }


def _nearby_sites(site):
    """The nearest published sites within NEARBY_BOX. A few kilometres around first, over the coordinates index:
    the nearest found there are the nearest anywhere when the last of them is nearer than the edge of the box
    (17 ms → 1 ms at 10,000 sites, where the whole box held 8,000 of them)."""
    if not site.has_coordinates:
        return []
    lat, lng = site.latitude, site.longitude
    distance = (F("latitude") - lat) * (F("latitude") - lat) + (F("longitude") - lng) * (F("longitude") - lng)
    others = (
        Site.objects.published()
        .for_listing()
        .exclude(pk__in=[site.pk, site.draft_of_id])  # a proposed change is not near its own original
        .annotate(distance=distance)
        .order_by("distance", "pk")
    )
    for box in (NEARBY_FIRST_BOX, NEARBY_BOX):
        found = list(
            others.filter(latitude__range=(lat - box, lat + box), longitude__range=(lng - box, lng + box))[
                :NEARBY_COUNT
            ]
        )
        if len(found) == NEARBY_COUNT and found[-1].distance <= box * box:
            break
    return found


@require_safe
@cache_public_page
def heritage_list(request):
    queryset = HeritageAsset.objects.published
    context = listing_context(
        request,
        HeritageFilter,
        lambda: HeritageFilter(request.GET, queryset=queryset().for_listing()),
        "heritage",
        parts=[CATALOGUE],
    )
    return render(request, "sites/heritage_list.html", context)


@require_safe
@cache_public_page(detail=True)
def heritage_detail(request, slug):
    asset = detail_object(request, HeritageAsset, slug, timezone.localdate())
    return render(
        request,
        "sites/heritage_detail.html",
        {
            "asset": asset,
            "jsonld": heritage_jsonld(request, asset),
            "map_config": _map_config(),
            **preview_context(asset),
        },
    )


@require_safe
@cache_public_page
def map_page(request):
    """Without JavaScript the page lists, for each district, its leading places by level and links to the
    district in the directories for the rest: all 20,000 places would weigh megabytes."""
    return render(
        request,
        "sites/map.html",
        {
            # Lazy: on a data-cache hit the template needs neither.
            "site_groups": SimpleLazyObject(lambda: _district_groups(Site, "sites:site-list")),
            "heritage_groups": SimpleLazyObject(lambda: _district_groups(HeritageAsset, "sites:heritage-list")),
            "map_config": _map_config(),
        },
    )


def _district_groups(model, list_url):
    """[{district, label, places, total, url}]: the first MAP_LIST_PER_DISTRICT places of each district."""
    located = model.objects.published().filter(latitude__isnull=False)
    totals = dict(located.values_list("district").annotate(n=Count("id")).order_by())
    rank = Window(RowNumber(), partition_by="district", order_by=[rank_by("level", LEVEL_ORDER), "name_zh"])
    places = (
        located.annotate(row=rank)
        .filter(row__lte=MAP_LIST_PER_DISTRICT)
        .only("slug", "name_zh", "name_en", "district")
        .order_by("district", "row")
    )
    by_district = {}
    for place in places:
        by_district.setdefault(place.district, []).append(place)
    return [
        {
            "label": District(code).label,
            "places": by_district[code],
            "total": totals[code],
            "url": f"{reverse(list_url)}?district={code}",
        }
        for code in District.values
        if code in by_district
    ]


@require_safe
def map_geojson(request):
    # Megabytes at full scale: kept compressed and plain, each under its own key, so this view does its own
    # caching rather than cache_public_page (whose key does not know the encoding).
    compressed = "gzip" in request.headers.get("Accept-Encoding", "")
    key = f"map-geojson:{get_language()}:{'gzip' if compressed else 'plain'}"
    body, etag = cached_for_content(key, lambda: _geojson_body(compressed), parts=[CATALOGUE])
    response = HttpResponse(body, content_type="application/json")
    if compressed:
        response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    patch_vary_headers(response, ["Accept-Encoding"])
    if settings.PAGE_CACHE_SECONDS > 0:
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_BROWSER_SECONDS)
    return get_conditional_response(request, etag=etag, response=response)


def _geojson_body(compressed):
    plain = _places_geojson().encode()
    digest = hashlib.sha1(plain).hexdigest()
    return (gzip.compress(plain, 6), f'"{digest}-gzip"') if compressed else (plain, f'"{digest}"')


def _places_geojson():
    # Built from plain rows: model instances, get_absolute_url() and get_level_display() per place took
    # seconds at 20,000 places.
    features = []
    for model, kind, url_name, default_label in (
        (Site, "site", "sites:site-detail", _("Industrial tourism site")),
        (HeritageAsset, "heritage", "sites:heritage-detail", ""),
    ):
        url = reverse(url_name, kwargs={"slug": "-slug-"})
        labels = {value: str(label) for value, label in model._meta.get_field("level").choices}
        labels["none"] = str(default_label)
        rows = (
            model.objects.published()
            .filter(latitude__isnull=False)
            .values_list("slug", "name_zh", "name_en", "level", "latitude", "longitude")
        )
        features += [
            {
                "type": "Feature",
                # GeoJSON is longitude first (RFC 7946), WGS-84.
                "geometry": {"type": "Point", "coordinates": [float(lng), float(lat)]},
                "properties": {
                    "name": pick(name_zh, name_en),
                    "url": url.replace("-slug-", slug),
                    "kind": kind,
                    "level": level,
                    "label": labels[level],
                },
            }
            for slug, name_zh, name_en, level, lat, lng in rows
        ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
