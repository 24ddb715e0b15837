from decimal import Decimal

from django.conf import settings
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.listing import listing_context
from core.pagecache import cache_public_page
from core.seo import heritage_jsonld, site_jsonld
from sites.filters import HeritageFilter, SiteFilter
from sites.models import HeritageAsset, Site

NEARBY_COUNT = 3
NEARBY_BOX = Decimal("0.6")  # degrees; about 60 km around Zhuzhou's latitude


@require_GET
@cache_public_page
def site_list(request):
    # Always bound, even to an empty query: filter_queryset() is what applies the recommended order.
    filterset = SiteFilter(request.GET, queryset=Site.objects.published().for_listing())
    return render(request, "sites/site_list.html", listing_context(request, filterset))


@require_GET
@cache_public_page
def site_detail(request, slug):
    site = get_object_or_404(Site.objects.published().for_detail(), slug=slug)
    now = timezone.localtime()
    return render(
        request,
        "sites/site_detail.html",
        {
            "site": site,
            "open_now": site.is_open(now),
            "week": site.week_hours(now.date()),
            "nearby": _nearby_sites(site),
            "jsonld": site_jsonld(request, site),
            "map_config": _map_config(),
        },
    )


def _map_config():
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "crs": settings.MAP_TILE_CRS,
    }


def _nearby_sites(site):
    if not site.has_coordinates:
        return []
    lat, lng = site.latitude, site.longitude
    distance = (F("latitude") - lat) * (F("latitude") - lat) + (F("longitude") - lng) * (F("longitude") - lng)
    return list(
        Site.objects.published()
        .for_listing()
        .exclude(pk=site.pk)
        .filter(
            latitude__range=(lat - NEARBY_BOX, lat + NEARBY_BOX), longitude__range=(lng - NEARBY_BOX, lng + NEARBY_BOX)
        )
        .order_by(distance)[:NEARBY_COUNT]
    )


@require_GET
@cache_public_page
def heritage_list(request):
    filterset = HeritageFilter(request.GET, queryset=HeritageAsset.objects.published().for_listing())
    return render(request, "sites/heritage_list.html", listing_context(request, filterset))


@require_GET
@cache_public_page
def heritage_detail(request, slug):
    asset = get_object_or_404(HeritageAsset.objects.published().for_detail(), slug=slug)
    return render(request, "sites/heritage_detail.html", {"asset": asset, "jsonld": heritage_jsonld(request, asset)})


@require_GET
@cache_public_page
def map_page(request):
    sites = Site.objects.published().filter(latitude__isnull=False).order_by("district", "name_zh")
    assets = HeritageAsset.objects.published().filter(latitude__isnull=False).order_by("district", "name_zh")
    return render(
        request,
        "sites/map.html",
        {
            "sites": sites.only("slug", "name_zh", "name_en", "district", "level"),
            "assets": assets.only("slug", "name_zh", "name_en", "district", "level"),
            "map_config": _map_config(),
        },
    )


@require_GET
@cache_public_page
def map_geojson(request):
    features = [
        _feature(site, "site", site.get_level_display() if site.level != "none" else _("Industrial tourism site"))
        for site in Site.objects.published()
        .filter(latitude__isnull=False)
        .only("slug", "name_zh", "name_en", "level", "latitude", "longitude")
    ]
    features += [
        _feature(asset, "heritage", asset.get_level_display())
        for asset in HeritageAsset.objects.published()
        .filter(latitude__isnull=False)
        .only("slug", "name_zh", "name_en", "level", "latitude", "longitude")
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features}, json_dumps_params={"ensure_ascii": False})


def _feature(obj, kind, label):
    return {
        "type": "Feature",
        # GeoJSON is longitude first (RFC 7946), WGS-84.
        "geometry": {"type": "Point", "coordinates": [float(obj.longitude), float(obj.latitude)]},
        "properties": {
            "name": obj.name,
            "url": obj.get_absolute_url(),
            "kind": kind,
            "level": obj.level,
            "label": str(label),
        },
    }
