import datetime

from django import template
from django.db.models import Min
from django.utils import timezone
from django.utils.formats import date_format

from core.translation import is_english
from events.models import Event, EventStatus, Occurrence

register = template.Library()

WHATS_ON_WEEKS = 6
WHATS_ON_COUNT = 6
SITE_EVENTS_COUNT = 4


@register.inclusion_tag("events/includes/whats_on.html")
def whats_on():
    """What is on in the next weeks, for the home page: one card per event at its next date."""
    now = timezone.now()
    until = now + datetime.timedelta(weeks=WHATS_ON_WEEKS)
    ids = _soonest_events(now, until, WHATS_ON_COUNT)
    events = Event.objects.filter(pk__in=ids).coming_up(now, until=until).for_listing() if ids else []
    return {"events": events, "weeks": WHATS_ON_WEEKS}


def _soonest_events(now, until, count):
    """The ids of the `count` public events with the soonest dates in the window (ties by title).

    The window's dates are grouped by event alone, over the dates index; only the soonest few events are then
    looked up. Joining every event before grouping read the whole table (36 ms at the province's 20,000 events);
    this is about 3 ms."""
    firsts = list(
        Occurrence.objects.filter(ends_at__gte=now, starts_at__lt=until, cancelled=False)
        .values("event_id")
        .annotate(first=Min("starts_at"))
        .order_by("first")
        .values_list("event_id", "first")
    )
    chosen = []  # (first date, title, id) of public events, in order
    batch = count * 3
    for start in range(0, len(firsts), batch):
        rows = firsts[start : start + batch]
        public = dict(
            Event.objects.published()
            .exclude(status=EventStatus.CANCELLED)
            .filter(pk__in=[event_id for event_id, _first in rows])
            .values_list("pk", "title_zh")
        )
        chosen += [(first, public[event_id], event_id) for event_id, first in rows if event_id in public]
        # Done once `count` are found and the next batch cannot tie with the last of them.
        if len(chosen) >= count and (start + batch >= len(firsts) or firsts[start + batch][1] > chosen[count - 1][0]):
            break
    return [event_id for _first, _title, event_id in sorted(chosen)[:count]]


@register.inclusion_tag("events/includes/site_events.html")
def site_events(site):
    events = Event.objects.published().filter(site=site).coming_up().for_listing()[:SITE_EVENTS_COUNT]
    return {"events": events, "site": site}


def day_label(value):
    """`7月1日` or `1 July`; the month and day without a leading zero."""
    return date_format(value, "j F" if is_english() else "n月j日")


@register.simple_tag
def when(occurrence, part="full"):
    """The local date and time of an occurrence: `7月1日 星期四 19:30–21:00`, or `9月5日 09:00 – 9月8日 17:00`
    when it spans days. `part="day"` leaves out the month (`1日 星期四 19:30–21:00`) for lists grouped by month;
    `part="time"` gives only the times for lists grouped by day. A date spanning days always shows its range.
    """
    start, end = occurrence.local_start, occurrence.local_end
    if occurrence.is_multi_day:
        last = (end - datetime.timedelta(microseconds=1)).date()
        return f"{day_label(start)} {start:%H:%M} – {day_label(last)} {_end_time(end)}"
    times = f"{start:%H:%M}–{_end_time(end)}"
    if part == "time":
        return times
    if is_english():
        day = date_format(start, "D j" if part == "day" else "D j F")
    else:
        day = date_format(start, "j日 D") if part == "day" else f"{day_label(start)} {date_format(start, 'D')}"
    return f"{day} {times}"


def _end_time(end):
    # A date ending at midnight ends "24:00" on its last day, not "00:00" on the next.
    return "24:00" if end.time() == datetime.time.min else f"{end:%H:%M}"


@register.filter
def local_day(value):
    return day_label(timezone.localtime(value) if isinstance(value, datetime.datetime) else value)
