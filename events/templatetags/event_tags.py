import datetime

from django import template
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
    # Narrow to the events on in the window first: coming_up() aggregates every date of the events it is given.
    on = Occurrence.objects.filter(ends_at__gte=now, starts_at__lt=until, cancelled=False).values("event_id")
    events = (
        Event.objects.published()
        .filter(pk__in=on)
        .exclude(status=EventStatus.CANCELLED)
        .coming_up(now, until=until)
        .for_listing()[:WHATS_ON_COUNT]
    )
    return {"events": events, "weeks": WHATS_ON_WEEKS}


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
