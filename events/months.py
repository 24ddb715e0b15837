"""The month grid of the calendar page, built from occurrences in Python (one query per month)."""

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber, TruncDate
from django.utils import timezone

# A busy festival day can have hundreds of dates; the grid shows the first few and links to the list.
DAY_LIMIT = 4


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    occurrences: list = field(default_factory=list)
    more: int = 0  # dates starting this day that the calendar leaves to the list


def month_bounds(first):
    """The Monday before (or on) the 1st and the Sunday after (or on) the month's last day."""
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first - datetime.timedelta(days=first.weekday()), last + datetime.timedelta(days=6 - last.weekday())


def first_of_each_day(queryset, limit=DAY_LIMIT):
    """(occurrences, {day: how many start that day}): only the first `limit` dates starting on each local day
    are fetched, so the page stays small and fast however busy the month is.

    One pass numbers and counts the dates of each day on their ids alone; the chosen few are then read with
    what the queryset selects with them (events, venues) by their ids. Numbering the month's 4,000 dates with
    their events and venues joined took 21 ms at province scale, and counting them again 18 ms."""
    day = TruncDate("starts_at", tzinfo=timezone.get_current_timezone())
    ranked = (
        queryset.order_by()
        .annotate(start_day=day)
        .annotate(
            row=Window(RowNumber(), partition_by=[F("start_day")], order_by=[F("starts_at").asc(), F("pk").asc()]),
            day_total=Window(Count("pk"), partition_by=[F("start_day")]),
        )
        .filter(row__lte=limit)
        .values_list("pk", "start_day", "day_total")
    )
    rows = list(ranked)
    return list(queryset.filter(pk__in=[pk for pk, _day, _n in rows])), {day: n for _pk, day, n in rows}


def month_weeks(first, occurrences, today, counts=None):
    """Weeks of seven Days; an occurrence spanning several days appears on each of them. With `counts` (from
    first_of_each_day) each Day also knows how many of its dates were left out."""
    grid_start, grid_end = month_bounds(first)
    days = {}
    day = grid_start
    while day <= grid_end:
        days[day] = Day(day, day.month == first.month, day == today)
        day += datetime.timedelta(days=1)
    starting = Counter()  # the grid's dates by the day they start on
    for occurrence in occurrences:
        dates = occurrence.days()
        starting[dates[0]] += 1
        for date in dates:
            if date in days:
                days[date].occurrences.append(occurrence)
    for date, count in (counts or {}).items():
        if date in days:
            days[date].more = max(count - starting[date], 0)
    ordered = list(days.values())
    return [ordered[n : n + 7] for n in range(0, len(ordered), 7)]


def shift_month(first, months):
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)
