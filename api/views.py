"""The resources of /api/v1/: only what is published, through each model's `published()` queryset.

No view asks who the user is: the API has no authentication (settings.REST_FRAMEWORK), so a signed-in editor gets
exactly what an anonymous partner gets, never a draft or a proposed change.
"""

from django.db.models import F, Min, Prefetch, Window
from django.db.models.functions import RowNumber
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from api import docs, geojson, serializers
from api.base import DAILY, EACH_MINUTE, ApiMixin, ReadOnlyViewSet
from api.fields import in_each_language
from api.geojson import GeoJSONRenderer, GeoPages
from bookings.filters import ProgrammeFilter
from bookings.models import StudyProgramme
from core.pagecache import BOOKINGS, CATALOGUE
from events.filters import OccurrenceFilter
from events.models import Event, Occurrence
from itineraries.filters import RouteFilter
from itineraries.models import Itinerary
from sites.filters import HeritageFilter, SiteFilter
from sites.models import HeritageAsset, Site

# An event in a list shows at most this many of its dates; its own address shows them all.
DATES_PER_EVENT = 20
SLOTS_SHOWN = 60


class PlaceLayer:
    """`geojson/` beside a places list: the located places the same filters select, as a map layer."""

    kind = None
    extra_params = {"geojson": ()}

    @extend_schema(**docs.GEOJSON_LIST)
    @action(detail=False, url_path="geojson", renderer_classes=[GeoJSONRenderer, JSONRenderer])
    def geojson(self, request):
        def build():
            self._paginator = GeoPages()
            located = self.filter_queryset(self.get_queryset().filter(latitude__isnull=False).prefetch_related(None))
            places = self.paginate_queryset(located)
            page = self.get_paginated_response([]).data
            return geojson.collection([geojson.place_feature(p, self.lang, self.kind) for p in places], page)

        return self.cached(build)


@extend_schema_view(list=docs.SITES_LIST, retrieve=docs.SITES_DETAIL)
class SiteViewSet(PlaceLayer, ReadOnlyViewSet):
    kind = "site"
    serializer_class = serializers.SiteSerializer
    detail_serializer_class = serializers.SiteDetailSerializer
    filterset_class = SiteFilter
    clock = DAILY

    def get_queryset(self):
        if self.action == "retrieve":
            return Site.objects.published().for_detail()
        return Site.objects.published().for_listing()


@extend_schema_view(list=docs.HERITAGE_LIST, retrieve=docs.HERITAGE_DETAIL)
class HeritageViewSet(PlaceLayer, ReadOnlyViewSet):
    kind = "heritage"
    serializer_class = serializers.HeritageSerializer
    detail_serializer_class = serializers.HeritageDetailSerializer
    filterset_class = HeritageFilter

    def get_queryset(self):
        return HeritageAsset.objects.published().for_listing().select_related("site")


@extend_schema_view(list=docs.EVENTS_LIST, retrieve=docs.EVENTS_DETAIL)
class EventViewSet(ReadOnlyViewSet):
    """Events with a date inside the filters (by default, a date not yet over), soonest first."""

    serializer_class = serializers.EventSerializer
    detail_serializer_class = serializers.EventDetailSerializer
    filterset_class = OccurrenceFilter
    clock = EACH_MINUTE

    def get_queryset(self):
        if self.action == "retrieve":
            return (
                Event.objects.published()
                .for_detail()
                .prefetch_related(
                    Prefetch("occurrences", queryset=Occurrence.objects.order_by("starts_at"), to_attr="listed_dates")
                )
            )
        return Occurrence.objects.visible()

    def list(self, request, *args, **kwargs):
        def build():
            dates, events = self._dates()
            if events is None:
                # Each event once, at its first date inside the date filters, grouped in SQL.
                firsts = (
                    dates.order_by()
                    .values("event_id")
                    .annotate(next_start=Min("starts_at"), title=Min("event__title_zh"))
                    .order_by("next_start", "title", "event_id")
                )
                ids = [row["event_id"] for row in self.paginate_queryset(firsts)]
            else:
                # Without a date filter: at the first date not yet over, stored on the event (Event.ahead_start).
                ids = self.paginate_queryset(events.ahead(self.now()).values_list("pk", flat=True))
            listed = dates.filter(event_id__in=ids).order_by("event_id", "starts_at")
            found = (
                Event.objects.filter(pk__in=ids)
                .for_listing()
                .prefetch_related(Prefetch("occurrences", queryset=_first_dates(listed), to_attr="listed_dates"))
            )
            by_pk = {event.pk: event for event in found}
            data = self.get_serializer([by_pk[pk] for pk in ids], many=True).data
            return self.get_paginated_response(data).data

        return self.cached(build)

    def _dates(self):
        """The visible dates inside the filters: from the filters' start, else those not yet over; and, without a
        date filter, the published events the other filters keep (OccurrenceFilter.chosen_events), else None."""
        params = self.request.query_params
        filterset = OccurrenceFilter(params, queryset=Occurrence.objects.visible(), request=self.request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        dates = filterset.qs
        if not filterset.form.cleaned_data.get("date_from"):
            dates = dates.upcoming(self.now())
        return dates, filterset.chosen_events()


def _first_dates(dates):
    """At most DATES_PER_EVENT dates of each event (a window in SQL, one query for the page)."""
    numbered = dates.annotate(row=Window(RowNumber(), partition_by=F("event_id"), order_by=F("starts_at").asc()))
    return numbered.filter(row__lte=DATES_PER_EVENT)


@extend_schema_view(list=docs.ROUTES_LIST, retrieve=docs.ROUTES_DETAIL)
class RouteViewSet(ReadOnlyViewSet):
    serializer_class = serializers.RouteSerializer
    detail_serializer_class = serializers.RouteDetailSerializer
    filterset_class = RouteFilter
    clock = EACH_MINUTE

    def get_queryset(self):
        routes = Itinerary.objects.published()
        if self.action == "retrieve":
            return routes.for_detail()
        return routes.with_days().filter(num_days__isnull=False).for_listing().order_by("-featured", "title_zh")

    @extend_schema(**docs.GEOJSON_ROUTE)
    @action(detail=True, url_path="geojson", renderer_classes=[GeoJSONRenderer, JSONRenderer])
    def geojson(self, request, slug=None):
        return self.cached(lambda: geojson.route_collection(self.get_object(), self.lang))


@extend_schema_view(list=docs.PROGRAMMES_LIST, retrieve=docs.PROGRAMMES_DETAIL)
class ProgrammeViewSet(ReadOnlyViewSet):
    """Study-tour programmes; a programme's own address lists its slots with the places left now."""

    serializer_class = serializers.ProgrammeSerializer
    detail_serializer_class = serializers.ProgrammeDetailSerializer
    filterset_class = ProgrammeFilter
    parts = (CATALOGUE, BOOKINGS)
    clock = EACH_MINUTE

    def get_queryset(self):
        programmes = StudyProgramme.objects.published().for_listing(self.now())
        if self.action == "retrieve":
            return programmes
        # By title, as the page lists them: sorting by the next slot worked out every programme's (24 ms at 500).
        return programmes.order_by("title_zh", "pk")

    def get_object(self):
        programme = super().get_object()
        now = self.now()
        programme.coming_slots = list(programme.slots.bookable_from(now).with_held(now).order_by("start")[:SLOTS_SHOWN])
        return programme


class VocabularyView(ApiMixin, APIView):
    """The codes the filters and fields use, with their labels."""

    @extend_schema(**docs.VOCABULARIES)
    def get(self, request):
        lang = self.lang
        return Response(
            {
                name: [
                    {"code": value, "label": in_each_language(lang, lambda label=label: label)}
                    for value, label in choices.choices
                ]
                for name, choices in serializers.VOCABULARIES.items()
            }
        )
