"""iCalendar (RFC 5545) files: one VEVENT per occurrence, times in Asia/Shanghai with its VTIMEZONE."""

import datetime

import icalendar
from django.utils import timezone

from core.links import absolute_url, site_domain
from events.models import EventStatus

PRODID = "-//Zhuzhou Industrial Tourism//Events//ZH"


def calendar(request, occurrences, name):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone.get_default_timezone_name())
    # RFC 5545 wants DTSTAMP and LAST-MODIFIED in UTC.
    stamp = timezone.now().astimezone(datetime.UTC)
    for occurrence in occurrences:
        cal.add_component(_vevent(request, occurrence, stamp))
    # Calendar apps need the zone definition to place TZID times; it is built from the tz database.
    cal.add_missing_timezones()
    return cal.to_ical()


def _vevent(request, occurrence, stamp):
    event = occurrence.event
    zone = timezone.get_default_timezone()
    vevent = icalendar.Event()
    vevent.add("uid", f"occurrence-{occurrence.pk}@{site_domain()}")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", occurrence.starts_at.astimezone(zone))
    vevent.add("dtend", occurrence.ends_at.astimezone(zone))
    vevent.add("summary", f"{event.title} · {occurrence.note}" if occurrence.note else event.title)
    vevent.add("description", _description(event))
    vevent.add("location", ", ".join(part for part in (event.place_name, event.place_address) if part))
    if event.place_point:
        vevent.add("geo", tuple(float(value) for value in event.place_point))
    vevent.add("url", absolute_url(event.get_absolute_url()))
    vevent.add("categories", [str(event.get_kind_display())])
    vevent.add("status", _status(event, occurrence))
    vevent.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    return vevent


def _description(event):
    lines = [event.summary or event.description[:500]]
    if event.is_cancelled or event.status == EventStatus.POSTPONED:
        lines.insert(0, f"{event.get_status_display()}: {event.status_reason}")
    return "\n".join(line for line in lines if line)


def _status(event, occurrence):
    if occurrence.is_off:
        return "CANCELLED"
    # RFC 5545 has no "postponed"; the date is no longer firm.
    return "TENTATIVE" if event.status == EventStatus.POSTPONED else "CONFIRMED"
