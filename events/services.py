"""Writes that touch many occurrences at once."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Event, Occurrence, refresh_next_dates

# A season of a few shows a week fits easily; a typo in a year ("2207") does not.
MAX_SERIES_DAYS = 400


class SeriesError(Exception):
    """A weekly pattern that cannot make dates; the message is for staff."""


def series_starts(*, first_day, last_day, weekdays, starts, ends):
    """(start, end) aware datetimes in Asia/Shanghai for each chosen weekday from first_day to last_day."""
    weekdays = {int(day) for day in weekdays}
    if not weekdays:
        raise SeriesError(_("Choose at least one weekday."))
    if not weekdays <= set(range(7)):
        raise SeriesError(_("Weekdays run from Monday (0) to Sunday (6)."))
    if last_day < first_day:
        raise SeriesError(_("The last day comes before the first day."))
    if (last_day - first_day).days > MAX_SERIES_DAYS:
        raise SeriesError(_("A series can run for at most %(days)s days.") % {"days": MAX_SERIES_DAYS})
    if ends <= starts:
        raise SeriesError(_("Each date must end after it starts."))
    zone = timezone.get_default_timezone()
    days = (first_day + datetime.timedelta(days=n) for n in range((last_day - first_day).days + 1))
    return [
        (
            datetime.datetime.combine(day, starts, tzinfo=zone),
            datetime.datetime.combine(day, ends, tzinfo=zone),
        )
        for day in days
        if day.weekday() in weekdays
    ]


def generate_series(*, event, first_day, last_day, weekdays, starts, ends, note_zh="", note_en=""):
    """Add a date for each chosen weekday between two days; dates the event already has are kept as they are.

    Returns the new occurrences. Runs in one transaction with the event locked, so two staff members
    generating at once cannot create the same date twice.
    """
    times = series_starts(first_day=first_day, last_day=last_day, weekdays=weekdays, starts=starts, ends=ends)
    if not times:
        raise SeriesError(_("None of the chosen weekdays falls between those two days."))
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()
        taken = set(
            event.occurrences.filter(starts_at__in=[start for start, _end in times]).values_list("starts_at", flat=True)
        )
        new = [
            Occurrence(event=event, starts_at=start, ends_at=end, note_zh=note_zh, note_en=note_en)
            for start, end in times
            if start not in taken
        ]
        created = Occurrence.objects.bulk_create(new)
        refresh_next_dates(Event.objects.filter(pk=event.pk))  # bulk_create sends no signals
        return created
