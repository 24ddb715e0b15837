import gzip
import hashlib
import json
from decimal import Decimal

from django.conf import settings
from django.db.models import F
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.choices import District
from core.listing import KnownCountPaginator, listing_context
from core.models import rank_by
from core.pagecache import CATALOGUE, cache_public_page, cached_for_content, this_minute, vary_key
from core.publishing import detail_object, preview_context
from core.translation import pick
from sites import mapgrid
from sites.filters import LEVEL_ORDER, HeritageFilter, SiteFilter
from sites.forms import KIND_CHOICES, MapListForm, MapViewForm
from sites.jsonld import heritage_jsonld, site_jsonld
from sites.models import HeritageAsset, Site

MAP_LIST_PAGE_SIZE = 40
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
        keys_first=_keys_in_index(request),
    )
    return render(request, "sites/site_list.html", context)


def _keys_in_index(request):
    """Whether the directory index (core/migrations/0006) holds all a list needs to find its page: everything but a
    keyword, which reads the places' text. A keyword's page is read in one go, without checking its rows twice."""
    return not request.GET.get("q", "").strip()


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
        .for_cards()
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
        keys_first=_keys_in_index(request),
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
    return render(
        request,
        "sites/map.html",
        {
            **_map_list(request),
            "map_config": _map_config(),
            "map_bounds": ",".join(str(edge) for edge in mapgrid.DEFAULT_BBOX),
            "map_strings": {
                "places": _("Places shown: %(count)s."),
                "cells": _("%(count)s places in %(groups)s groups. Choose a group or zoom in to see the places."),
                "zoomIn": _("%(count)s places here: zoom in"),
                "failed": _("The map could not load its places. The list below names them all."),
            },
        },
    )


def _map_list(request):
    """Under the map, and in its place without JavaScript: the places of one district and kind, a page at a time,
    with a chooser for the others. Bad choices are ignored with a notice."""
    form = MapListForm(request.GET)
    form.is_valid()
    district = form.cleaned_data.get("district") or District.values[0]
    kind = form.cleaned_data.get("kind") or "site"
    notices = [
        _("%(field)s: %(error)s The filter was ignored.")
        % {"field": form.fields[field].label, "error": " ".join(errors)}
        for field, errors in form.errors.items()
    ]
    located = {
        name: model.objects.published().filter(district=district, latitude__isnull=False)
        for name, model in mapgrid.KINDS.items()
    }
    counts = {name: places.count() for name, places in located.items()}
    places = located[kind].order_by(rank_by("level", LEVEL_ORDER), "name_zh", "pk")
    paginator = KnownCountPaginator(
        places.only("slug", "name_zh", "name_en", "level"), MAP_LIST_PAGE_SIZE, counts[kind]
    )
    raw_page = request.GET.get("page")
    page = paginator.get_page(raw_page)
    if raw_page not in (None, "") and str(page.number) != raw_page:
        notices.append(_("There is no page “%(page)s”; showing the nearest page instead.") % {"page": raw_page[:20]})
    directory = reverse("sites:site-list" if kind == "site" else "sites:heritage-list")
    return {
        "districts": [(code, label, f"?district={code}&kind={kind}") for code, label in District.choices],
        "district": district,
        "district_label": District(district).label,
        "kinds": [(name, label, counts[name], f"?district={district}&kind={name}") for name, label in KIND_CHOICES],
        "kind": kind,
        "page": page,
        "query": f"district={district}&kind={kind}",
        "notices": notices,
        "directory_url": f"{directory}?district={district}",
    }


@require_safe
def map_geojson(request):
    """The map data for one view, as GeoJSON (RFC 7946: longitude first, WGS-84): places when the view holds few,
    otherwise grid cells with their count (`"cluster": true`). A bad query is a 400 with the reasons as JSON."""
    form = MapViewForm(request.GET)
    if not form.is_valid():
        errors = {field: [str(error) for error in errors] for field, errors in form.errors.items()}
        answer = {"error": _("The map could not read this request."), "fields": errors}
        return JsonResponse(answer, status=400, json_dumps_params={"ensure_ascii": False})
    view = form.view()

    def build():
        what, rows = mapgrid.view_data(view)
        features = _place_features(rows) if what == "places" else [_cell_feature(cell) for cell in rows]
        answer = {"type": "FeatureCollection", "features": features}
        return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()

    # By the minute: places with a publish window are counted at request time (mapgrid.view_data).
    key = f"map:{get_language()}:{vary_key(sorted(form.cleaned_data.items()))}:{this_minute():%Y%m%d%H%M}"
    plain = cached_for_content(key, build, parts=(CATALOGUE,))
    etag = f'"{hashlib.sha1(plain).hexdigest()}"'
    compressed = "gzip" in request.headers.get("Accept-Encoding", "")
    response = HttpResponse(gzip.compress(plain, 6) if compressed else plain, content_type="application/geo+json")
    if compressed:
        response["Content-Encoding"] = "gzip"
        etag = etag[:-1] + '-gzip"'
    response["ETag"] = etag
    patch_vary_headers(response, ["Accept-Encoding"])
    if settings.PAGE_CACHE_SECONDS > 0:
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_BROWSER_SECONDS)
    return get_conditional_response(request, etag=etag, response=response)


def _place_features(rows):
    # Built from plain rows: model instances, get_absolute_url() and get_level_display() per place cost more than
    # the query.
    urls, labels = {}, {}
    for kind, model in mapgrid.KINDS.items():
        urls[kind] = reverse(f"sites:{kind}-detail", kwargs={"slug": "-slug-"})
        labels[kind] = {value: str(label) for value, label in model._meta.get_field("level").choices}
    labels["site"]["none"] = str(_("Industrial tourism site"))
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(lng), float(lat)]},
            "properties": {
                "name": pick(name_zh, name_en),
                "url": urls[kind].replace("-slug-", slug),
                "kind": kind,
                "level": level,
                "label": labels[kind][level],
            },
        }
        for kind, slug, name_zh, name_en, level, lat, lng in rows
    ]


def _cell_feature(cell):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(cell["longitude"], 5), round(cell["latitude"], 5)]},
        "properties": {
            "cluster": True,
            "count": cell["site"] + cell["heritage"],
            "sites": cell["site"],
            "heritage": cell["heritage"],
        },
    }
