"""The month grid of the calendar page, built from occurrences in Python (one query per month)."""

import calendar
import datetime
from dataclasses import dataclass, field


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    occurrences: list = field(default_factory=list)


def month_bounds(first):
    """The Monday before (or on) the 1st and the Sunday after (or on) the month's last day."""
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first - datetime.timedelta(days=first.weekday()), last + datetime.timedelta(days=6 - last.weekday())


def month_weeks(first, occurrences, today):
    """Weeks of seven Days; an occurrence spanning several days appears on each of them."""
    grid_start, grid_end = month_bounds(first)
    days = {}
    day = grid_start
    while day <= grid_end:
        days[day] = Day(day, day.month == first.month, day == today)
        day += datetime.timedelta(days=1)
    for occurrence in occurrences:
        for date in occurrence.days():
            if date in days:
                days[date].occurrences.append(occurrence)
    ordered = list(days.values())
    return [ordered[n : n + 7] for n in range(0, len(ordered), 7)]


def shift_month(first, months):
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)
