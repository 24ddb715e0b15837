"""What every API view does around its data: language, parameters, caching, conditional GETs.

Each answer carries an ETag (a hash of its body) and a Last-Modified (the last content change, or the minute or
day its time-dependent parts were computed for), so a partner polling the catalogue gets 304s while nothing
changed. Answers are kept in the data cache (core.pagecache) under the content version like the pages' parts.
"""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import http_date
from rest_framework import viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from api.fields import BOTH, LANGUAGE_CODES
from api.params import Pages, choose_language, refuse_loose_values, refuse_unknown
from core.pagecache import CATALOGUE, cached_for_content, content_version, this_minute, vary_key

# What an answer depends on besides content: nothing, the day (opening exceptions) or the minute (upcoming dates,
# places left).
TIMELESS, DAILY, EACH_MINUTE = "timeless", "daily", "minute"


class ApiMixin:
    """Language, parameters and conditional GETs, for any API view."""

    parts = (CATALOGUE,)
    clock = TIMELESS
    filterset_class = None
    # Query parameters an action takes besides `lang` and, for lists, the filters and pages.
    extra_params = {}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # throttling first: a refused client costs no query
        self.lang = "zh"
        if request.method not in ("GET", "HEAD"):
            return  # a 405 (or OPTIONS' description) whatever the parameters
        self.lang = choose_language(request)
        translation.activate(LANGUAGE_CODES.get(self.lang, "zh-hans"))
        allowed = self.allowed_params()
        refuse_unknown(request, allowed)
        refuse_loose_values(request, self.filterset_class, allowed)

    def allowed_params(self):
        action = getattr(self, "action", None)
        allowed = {"lang", *self.extra_params.get(action, ())}
        if action == "list" or action in self.extra_params:
            allowed |= {"page", "page_size"}
            if self.filterset_class is not None:
                allowed |= set(self.filterset_class.base_filters)
        return allowed

    def now(self):
        return this_minute()

    # Conditional GETs -----------------------------------------------------------------------------
    def last_modified(self):
        stamps = [int(part) for part in content_version(self.parts).split("|") if part.isdecimal()]
        if not stamps:
            return None
        changed = datetime.datetime.fromtimestamp(max(stamps) / 1e9, tz=datetime.UTC)
        if self.clock == EACH_MINUTE:
            changed = max(changed, self.now())
        elif self.clock == DAILY:
            midnight = datetime.datetime.combine(timezone.localdate(), datetime.time.min)
            changed = max(changed, timezone.make_aware(midnight))
        return int(changed.timestamp())  # whole seconds, as the header carries them

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Accept-Language"])
        if response.status_code >= 400 and isinstance(response, Response):
            # Errors in the one JSON shape, whatever the address gives when all is well (GeoJSON, YAML).
            response.accepted_renderer, response.accepted_media_type = JSONRenderer(), "application/json"
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response["Content-Language"] = "zh-Hans, en" if self.lang == BOTH else LANGUAGE_CODES[self.lang]
        if pages := _public_pages(response.data):
            response["Link"] = ", ".join(f'<{url}>; rel="alternate"; type="text/html"' for url in pages)
        response.render()
        set_response_etag(response)
        last_modified = self.last_modified()
        if last_modified:
            response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)


class ReadOnlyViewSet(ApiMixin, viewsets.GenericViewSet):
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    pagination_class = Pages
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "lang": getattr(self, "lang", "zh")}

    def filter_queryset(self, queryset):
        if self.detail:
            return queryset
        queryset = super().filter_queryset(queryset)
        # A stable order for pages: whatever the filters sort by, then the primary key.
        return queryset.order_by(*(queryset.query.order_by or queryset.model._meta.ordering), "pk")

    # Cached answers -------------------------------------------------------------------------------
    def stamp(self):
        if self.clock == EACH_MINUTE:
            return f"{self.now():%Y%m%d%H%M}"
        return f"{timezone.localdate()}" if self.clock == DAILY else ""

    def cached(self, build):
        """`build()` (the answer's data), from the data cache when it was built for the same content, address,
        parameters, language and minute or day."""
        params = sorted(self.request.query_params.lists())
        key = f"api:{self.basename}:{self.action}:{self.lang}:{vary_key(self.kwargs, params)}:{self.stamp()}"
        return Response(cached_for_content(key, build, parts=self.parts))

    def list(self, request, *args, **kwargs):
        def build():
            page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
            return self.get_paginated_response(self.get_serializer(page, many=True).data).data

        return self.cached(build)

    def retrieve(self, request, *args, **kwargs):
        return self.cached(lambda: self.get_serializer(self.get_object()).data)


def _public_pages(data):
    """An object's public pages (its `url`, in one language or both), which carry its schema.org JSON-LD."""
    page = data.get("url") if isinstance(data, dict) else None
    if isinstance(page, dict):
        return list(page.values())
    return [page] if page else []
