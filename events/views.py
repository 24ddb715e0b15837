import datetime
from itertools import groupby

from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.listing import filter_notices, listing_context
from core.pagecache import CATALOGUE, cache_public_page, this_minute
from core.publishing import preview_context
from events import ical
from events.filters import ArchiveFilter, OccurrenceFilter, UpcomingFilter
from events.forms import MonthField
from events.jsonld import MAX_DATES, event_jsonld
from events.models import Event, Occurrence
from events.months import first_of_each_day, month_bounds, month_weeks, shift_month

FEED_DAYS = 366
# A weekly show has dozens of dates: the event page opens the next months and folds the rest.
SHOWN_MONTHS = 2
# What the calendar grid (event_tags.calendar_days) reads of a date and its event: 11 columns to load, not 50.
CALENDAR_FIELDS = (
    "starts_at",
    "ends_at",
    "cancelled",
    "event__slug",
    "event__title_zh",
    "event__title_en",
    "event__kind",
    "event__status",
)


def _occurrences():
    return Occurrence.objects.visible().for_listing()


@require_safe
@cache_public_page
def event_list(request):
    now = this_minute()

    def filterset():
        queryset = _occurrences().upcoming(now).order_by("starts_at", "event__title_zh", "pk")
        return UpcomingFilter(request.GET or None, queryset=queryset, now=now)

    return _render_list(request, filterset, archive=False, name=f"events:{now:%Y%m%d%H%M}")


@require_safe
@cache_public_page
def event_archive(request):
    now = this_minute()

    def filterset():
        queryset = _occurrences().past(now).order_by("-starts_at", "event__title_zh", "pk")
        return ArchiveFilter(request.GET or None, queryset=queryset, now=now)

    return _render_list(request, filterset, archive=True, name=f"past-events:{now:%Y%m%d%H%M}")


def _render_list(request, filterset, archive, name):
    context = {
        **listing_context(request, OccurrenceFilter, filterset, name, parts=[CATALOGUE]),
        "archive": archive,
        "this_year": timezone.localdate().year,
    }
    return render(request, "events/event_list.html", context)


class MonthForm(forms.Form):
    month = MonthField(required=False)


@require_safe
@cache_public_page
def calendar(request):
    today = timezone.localdate()
    month_form = MonthForm(request.GET)
    notices = []
    first = month_form.cleaned_data.get("month") if month_form.is_valid() else None
    if month_form.errors:
        notices.append(_("There is no month “%(month)s”; showing this month instead.") % {"month": _raw(request)})
    first = first or today.replace(day=1)
    grid_start, grid_end = month_bounds(first)
    filtered = any(value for key, value in request.GET.items() if key != "month")

    def make_filterset():
        queryset = (
            Occurrence.objects.visible()
            .between(grid_start, grid_end)
            .select_related("event")  # the grid names no venue
            .only(*CALENDAR_FIELDS)
            .order_by("starts_at", "event__title_zh", "pk")
        )
        return OccurrenceFilter(request.GET or None, queryset=queryset, dates=False)

    # Lazy: on a data-cache hit the template needs neither the form nor the dates nor their count.
    filterset = SimpleLazyObject(make_filterset)
    grid = SimpleLazyObject(lambda: _month_grid(first, filterset.qs, today))
    return render(
        request,
        "events/calendar.html",
        {
            "filter": filterset,
            "notices": notices + (filter_notices(filterset) if filtered else []),
            "filtered": filtered,
            "month": first,
            "grid": grid,
            "today": today,
            "previous_month": shift_month(first, -1),
            "next_month": shift_month(first, 1),
            "filter_query": _query_without(request, "month"),
        },
    )


def _month_grid(first, queryset, today):
    occurrences, counts = first_of_each_day(queryset)
    return {"weeks": month_weeks(first, occurrences, today, counts), "count": _month_count(first, occurrences, counts)}


def _month_count(first, occurrences, counts):
    # The grid holds only the first dates of each day: count the rest from `counts`, and keep the dates that
    # began last month and run on into this one.
    starting = sum(n for day, n in counts.items() if _same_month(day, first))
    spans = (o.days() for o in occurrences)
    running_on = sum(
        1 for days in spans if not _same_month(days[0], first) and any(_same_month(d, first) for d in days)
    )
    return starting + running_on


def _same_month(day, first):
    return (day.year, day.month) == (first.year, first.month)


def _raw(request):
    return request.GET.get("month", "")[:20]


def _query_without(request, *names):
    params = request.GET.copy()
    for name in ("page", *names):
        params.pop(name, None)
    return params.urlencode()


@require_safe
@cache_public_page(detail=True)
def event_detail(request, slug):
    event = get_object_or_404(Event.objects.previewable(request).for_detail(), slug=slug)
    now = timezone.now()
    dates = list(event.occurrences.all())
    upcoming = [o for o in dates if o.ends_at >= now]
    past = [o for o in dates if o.ends_at < now]
    described = upcoming[:MAX_DATES] or past[-1:]
    months = [(month, list(dates)) for month, dates in groupby(upcoming, key=lambda o: o.month)]
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            **preview_context(event),
            "upcoming": upcoming,
            "happening": sum(1 for o in upcoming if not o.is_off),  # cancelled dates stay listed, not counted
            "months": months[:SHOWN_MONTHS],
            "more_months": months[SHOWN_MONTHS:],
            "more_count": sum(len(dates) for _month, dates in months[SHOWN_MONTHS:]),
            "past": list(reversed(past)),
            "next": next((o for o in upcoming if not o.is_off), None),
            "jsonld": event_jsonld(request, event, described),
            "map_config": {
                "tileUrl": settings.MAP_TILE_URL,
                "attribution": settings.MAP_TILE_ATTRIBUTION,
                "crs": settings.MAP_TILE_CRS,
            },
        },
    )


@require_safe
@cache_public_page(detail=True)
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("site"), slug=slug)
    occurrences = event.occurrences.select_related("event", "event__site").order_by("starts_at")
    return _ics_response(ical.calendar(request, occurrences, event.title), event.slug)


@require_safe
@cache_public_page
def feed_ics(request):
    now = timezone.now()
    occurrences = (
        Occurrence.objects.visible()
        .upcoming(now)
        .filter(starts_at__lt=now + datetime.timedelta(days=FEED_DAYS))
        .select_related("event", "event__site")
        .order_by("starts_at", "pk")
    )
    return _ics_response(ical.calendar(request, occurrences, _("Zhuzhou industrial tourism events")), "zhuzhou-events")


def _ics_response(body, name):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response
