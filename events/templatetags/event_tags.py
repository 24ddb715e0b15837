import datetime
from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.db.models import Exists, OuterRef
from django.dispatch import receiver
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from core.choices import District
from core.templatetags.portal import picture
from core.translation import is_english
from events.models import Event, EventStatus, Occurrence

register = template.Library()

WHATS_ON_WEEKS = 6
# What an event card (event_card) reads of an event and of its site (Event.place_name and
# place_district ask whether the site is live): 30 columns to select, compile and load, not 90.
EVENT_CARD_FIELDS = (
    "slug",
    "title_zh",
    "title_en",
    "kind",
    "status",
    "venue_name_zh",
    "venue_name_en",
    "district",
    "admission_free",
    "admission_price",
    "booking_required",
    *(
        f"site__{field}"
        for field in ("name_zh", "name_en", "district", "published", "in_review", "publish_from", "publish_until")
    ),
)
WHATS_ON_COUNT = 6
SITE_EVENTS_COUNT = 4


@register.inclusion_tag("events/includes/whats_on.html")
def whats_on():
    """What is on in the next weeks, for the home page: one card per event at its next date."""
    now = timezone.now()
    until = now + datetime.timedelta(weeks=WHATS_ON_WEEKS)
    soonest = _soonest_events(now, until, WHATS_ON_COUNT)
    events = Event.objects.filter(pk__in=soonest).coming_up(now, until=until).for_listing().only(*EVENT_CARD_FIELDS)
    return {"events": events, "weeks": WHATS_ON_WEEKS}


def _soonest_events(now, until, count):
    """The `count` public events with the soonest dates in the window (ties by title), as a subquery of their ids.

    Read in the order of each event's stored next date (Event.next_start: its first date not over and not
    cancelled, while it has one), over that index, checking each has a date in the window that is not cancelled;
    the scan stops at the `count`th. Grouping the window's dates by event (800 of 20,000 events) took 4–9 ms and
    three queries; this is one subquery of about 0.3 ms."""
    in_window = Occurrence.objects.filter(event=OuterRef("pk"), cancelled=False, ends_at__gte=now, starts_at__lt=until)
    return (
        Event.objects.published(now)
        .exclude(status=EventStatus.CANCELLED)
        .filter(Exists(in_window), next_start__lt=until)
        .order_by("next_start", "title_zh", "pk")
        .values("pk")[:count]
    )


@register.inclusion_tag("events/includes/site_events.html")
def site_events(site):
    events = Event.objects.published().filter(site=site).coming_up().for_listing().only(*EVENT_CARD_FIELDS)
    return {"events": events[:SITE_EVENTS_COUNT], "site": site}


_CARD = (
    '\n<article class="card card-event">\n  <a class="card-link" href="{}">\n    <div class="card-media">\n      {}\n'
    '      <span class="badge badge-kind">{}</span>\n    </div>\n    <div class="card-body">\n'
    '      <p class="card-date"><time datetime="{}">{} {}</time>{}</p>\n      <h3 class="card-title">{}</h3>\n'
    '      <p class="card-meta">{}</p>\n      <p class="card-tags">\n        {}\n        {}\n        {}\n      </p>\n'
    "    </div>\n  </a>\n</article>\n"
)
_CARD_SIZES = "(min-width: 60em) 30vw, (min-width: 40em) 45vw, 100vw"
_NO_IMAGE = mark_safe('<div class="card-noimage" aria-hidden="true"></div>')
_TAG = '<span class="tag{}">{}</span>'


def _status_tag(event, off=False):
    """ "Cancelled" for a cancelled event or date (`off`), "Postponed" for a postponed event, else nothing."""
    if off or event.status == EventStatus.CANCELLED:
        return format_html(_TAG, " tag-cancelled", gettext("Cancelled"))
    if event.status == EventStatus.POSTPONED:
        return format_html(_TAG, " tag-warn", gettext("Postponed"))
    return ""


@register.simple_tag
def event_card(event):
    """An event at its next date (EventQuerySet.coming_up), as a card on the home and site pages. Written in
    Python, like the calendar's days: the template's lookups, date filters and counted translation took
    1,750 function calls and 0.9 ms a card."""
    photo = event.cover
    media = format_html("\n{}\n", picture(photo, _CARD_SIZES)) if photo else _NO_IMAGE
    start = timezone.localtime(event.next_date)
    more = ""
    if event.dates_left > 1:
        n = event.dates_left - 1
        text = ngettext("and %(counter)s more date", "and %(counter)s more dates", n) % {"counter": n}
        more = format_html(' <span class="muted">{}</span>', mark_safe(text))  # our text with a number
    return format_html(
        _CARD,
        event.get_absolute_url(),
        media,
        event.get_kind_display(),
        start.isoformat(),
        day_label(start),
        date_format(start, "D H:i"),
        more,
        event.title,
        _place(event),
        _status_tag(event),
        *_admission_tags(event),
    )


_ITEM = (
    '\n<li class="occ{}">\n  <a class="occ-link" href="{}">\n    <div class="occ-thumb">{}</div>\n'
    '    <div class="occ-body">\n      <p class="occ-when"><time datetime="{}">{}</time></p>\n'
    '      <h4 class="occ-title">{}{}</h4>\n      {}\n      <p class="occ-meta">{} · {}</p>\n'
    '      <p class="card-tags">\n        {}\n        {}\n        {}\n      </p>\n    </div>\n  </a>\n</li>\n'
)


@register.simple_tag
def occurrence_item(occurrence):
    """A date in the events lists, grouped by day (events/event_list.html), written in Python as the cards are:
    a page shows twenty."""
    event = occurrence.event
    photo = event.cover
    off = occurrence.is_off
    more = ""
    if n := occurrence.more_dates:
        text = ngettext("%(counter)s more date", "%(counter)s more dates", n) % {"counter": n}
        more = format_html('<p class="occ-more">{}</p>', mark_safe(text))  # our text with a number
    note = occurrence.note
    return format_html(
        _ITEM,
        " is-off" if off else "",
        event.get_absolute_url(),
        format_html("\n{}\n", picture(photo, "8rem")) if photo else _NO_IMAGE,
        occurrence.local_start.isoformat(),
        when(occurrence, "time"),
        event.title,
        format_html(' <span class="occ-note">· {}</span>', note) if note else "",
        more,
        event.get_kind_display(),
        _place(event),
        _status_tag(event, off),
        *_admission_tags(event),
    )


def _place(event):
    """Where an event is, as cards print it: Event.place_name and its district, the site read once."""
    site = event.public_site
    district = site.district if site else event.district
    name = site.name if site else event.venue_name
    return format_html("{} · {}", name, District(district).label) if district else name


def _admission_tags(event):
    if event.admission_free:
        price = gettext("Free")
    else:
        price = gettext("From ¥%(price)s") % {"price": conditional_escape(floatformat(event.admission_price, "0"))}
    booking = format_html(_TAG, " tag-warn", gettext("Booking required")) if event.booking_required else ""
    return format_html(_TAG, "", mark_safe(price)), booking  # escaped: our text with the price


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


_DAY = (
    '\n      <li class="cal-day{}">\n        <h3 class="cal-date"><time datetime="{}"><span class="cal-num"'
    ' aria-hidden="true">{}</span><span class="cal-long">{}</span></time>{}</h3>\n        {}\n        {}\n'
    "      </li>\n      "
)
_TODAY = ' <span class="cal-today">{}</span>'
_EVENTS = '\n        <ul class="cal-events">\n          {}\n        </ul>\n        '
_EVENT = (
    '\n          <li class="cal-event kind-{}{}">\n            <a href="{}"><span class="cal-time">{}</span> {}{}</a>\n'
    "          </li>\n          "
)
_CANCELLED = ' <span class="tag tag-cancelled">{}</span>'
_MORE = '<a class="cal-more" href="{}?date_from={}&amp;date_to={}">{}</a>'


@register.simple_tag
def calendar_days(weeks, today):
    """The days of the calendar's month grid (events.months.month_weeks), each with its first dates. Written in
    Python: a month shows 42 days and up to 170 dates, and the template's lookups and filters for them took
    30 ms, three times its query."""
    # Literal msgids, so that makemessages finds them.
    words = {"Today": gettext("Today"), "continues": gettext("continues"), "Cancelled": gettext("Cancelled")}
    lists = {True: reverse("events:event-archive"), False: reverse("events:event-list")}
    urls = {}  # an event's address, reversed once however many days it runs
    return mark_safe("".join(_calendar_day(day, today, words, lists, urls) for week in weeks for day in week))


def _calendar_day(day, today, words, lists, urls):
    iso, number, long_label = _calendar_labels(day.date, get_language())
    classes = (
        (" is-out" if not day.in_month else "")
        + (" is-today" if day.is_today else "")
        + (" has-events" if day.occurrences else "")
    )
    events = ""
    if day.occurrences:
        items = (_calendar_event(occurrence, day.date, words, urls) for occurrence in day.occurrences)
        events = format_html(_EVENTS, mark_safe("".join(items)))  # each item is escaped
    more = ""
    if day.more:
        label = ngettext("%(counter)s more date", "%(counter)s more dates", day.more) % {"counter": day.more}
        more = format_html(_MORE, lists[day.date < today], iso, iso, mark_safe(label))  # our text, with a number
    today_tag = format_html(_TODAY, words["Today"]) if day.is_today else ""
    return format_html(_DAY, classes, iso, number, long_label, today_tag, events, more)


def _calendar_event(occurrence, date, words, urls):
    event = occurrence.event
    url = urls.get(event.pk)
    if url is None:
        url = urls[event.pk] = event.get_absolute_url()
    start = occurrence.local_start
    # Listed on a day it does not start on: a date spanning days, which runs on.
    time = words["continues"] if start.date() != date else f"{start:%H:%M}"
    off = occurrence.is_off
    cancelled = format_html(_CANCELLED, words["Cancelled"]) if off else ""
    return format_html(_EVENT, event.kind, " is-off" if off else "", url, time, event.title, cancelled)


@lru_cache(maxsize=1024)
def _calendar_labels(day, language):
    """A day as the calendar cell prints it: `2026-07-01`, `1` and `7月1日 星期三`, the same for every month
    that shows it."""
    return date_format(day, "Y-m-d"), date_format(day, "j"), f"{day_label(day)} {date_format(day, 'l')}"


@receiver(setting_changed)
def _forget_calendar_labels(**kwargs):
    _calendar_labels.cache_clear()  # tests change the formats and languages
