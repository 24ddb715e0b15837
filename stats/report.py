"""The bureau's report: monthly site figures summed by month, quarter or year, broken down by demonstration status,
district or industry, with the change on the year before. Pure aggregation: the same few queries whatever the
number of sites or months; the tables, the charts and the exports are all built from what report() returns."""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.choices import District, Industry
from sites.models import DemonstrationLevel
from stats.models import FIRST_YEAR, LAST_YEAR

FIGURES = ["visitors", "pupils", "tourism_revenue", "goods_revenue"]
MONEY = ["tourism_revenue", "goods_revenue"]
CENT = Decimal("0.01")
PERIODS = [("month", _("by month")), ("quarter", _("by quarter")), ("year", _("by year"))]
BREAKDOWNS = {
    "level": (_("demonstration status"), "site__level", DemonstrationLevel.choices),
    "district": (_("district"), "site__district", District.choices),
    "industry": (_("industry"), "site__industry", Industry.choices),
}


class ReportForm(forms.Form):
    """The report's query string. A bad value is named in a message and the default used instead."""

    year = forms.IntegerField(label=_("year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False)
    period = forms.ChoiceField(label=_("periods"), choices=PERIODS, required=False)
    by = forms.ChoiceField(
        label=_("broken down by"), choices=[(key, label) for key, (label, _path, _c) in BREAKDOWNS.items()],
        required=False,
    )  # fmt: skip
    published = forms.BooleanField(label=_("published reports only"), required=False)


@dataclass
class Options:
    year: int
    period: str = "month"
    by: str = "level"
    published: bool = False
    errors: list = field(default_factory=list)


def options_from(query):
    """Options from a query string; `errors` names each value that was ignored for its default."""
    form = ReportForm(query)
    form.is_valid()
    data = form.cleaned_data
    return Options(
        year=data.get("year") or timezone.localdate().year,
        period=data.get("period") or "month",
        by=data.get("by") or "level",
        published=bool(data.get("published")),
        errors=[f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()],
    )


def change(current, previous):
    """The change on the year before in per cent, to one decimal; None when there is nothing to compare with."""
    if not previous:
        return None
    return round(Decimal(current - previous) * 100 / Decimal(previous), 1)


def _zero():
    return dict.fromkeys(FIGURES, 0) | dict.fromkeys(MONEY, Decimal("0.00")) | {"reports": 0}


def _add(total, row):
    for name in [*FIGURES, "reports"]:
        total[name] += row[name] or 0


def _sums(reports, *group):
    rows = reports.values(*group).annotate(reports=Count("pk"), **{name: Sum(name) for name in FIGURES})
    # SQLite sums decimals as floats: back to the fen.
    return [
        row | {name: Decimal(str(row[name] or 0)).quantize(CENT) for name in MONEY} for row in rows.order_by(*group)
    ]


def _period_key(period, month):
    return (month - 1) // 3 + 1 if period == "quarter" else month


def _period_label(period, year, key):
    if period == "year":
        return str(key)
    if period == "quarter":
        return pgettext_lazy("quarter of a year", "%(year)s Q%(quarter)s") % {"year": year, "quarter": key}
    return f"{year}-{key:02d}"


def _row(label, current, previous):
    return {
        "label": label,
        **current,
        "visitors_change": change(current["visitors"], previous["visitors"]),
        "revenue_change": change(current["tourism_revenue"], previous["tourism_revenue"]),
        "previous_visitors": previous["visitors"],
        "previous_revenue": previous["tourism_revenue"],
    }


def by_period(reports, options):
    """One row per month or quarter of the year (all twelve or four, reported or not), or one per year reported."""
    if options.period == "year":
        totals = {row["year"]: row for row in _sums(reports, "year")}
        return [_row(str(year), totals[year], totals.get(year - 1, _zero())) for year in sorted(totals)]
    keys = range(1, 5) if options.period == "quarter" else range(1, 13)
    buckets = {(year, key): _zero() for year in (options.year - 1, options.year) for key in keys}
    for row in _sums(reports.filter(year__in=[options.year - 1, options.year]), "year", "month"):
        _add(buckets[row["year"], _period_key(options.period, row["month"])], row)
    return [
        _row(_period_label(options.period, options.year, key), buckets[options.year, key],
             buckets[options.year - 1, key])
        for key in keys
    ]  # fmt: skip


def by_group(reports, options):
    """The year's figures for each demonstration status, district or industry, with the year before's."""
    _label, path, choices = BREAKDOWNS[options.by]
    found = {(row["year"], row[path]): row for row in _sums(reports.filter(year__in=[options.year - 1, options.year]),
                                                              "year", path)}  # fmt: skip
    return [
        _row(label, found.get((options.year, value), _zero()), found.get((options.year - 1, value), _zero()))
        for value, label in choices
    ]


def total(rows):
    """The sum of the rows shown, with its own change on the year before."""
    current, previous = _zero(), _zero()
    for row in rows:
        _add(current, row)
        previous["visitors"] += row["previous_visitors"]
        previous["tourism_revenue"] += row["previous_revenue"]
    return _row(_("Total"), current, previous)


def bars(rows, name):
    """(label, value, percent of the largest) for the server-drawn charts."""
    top = max((row[name] for row in rows), default=0) or 1
    return [{"label": row["label"], "value": row[name], "percent": round(100 * row[name] / top, 1)} for row in rows]


def report(reports, options):
    if options.published:
        reports = reports.published()
    periods = by_period(reports, options)
    groups = by_group(reports, options)
    return {
        "options": options,
        "periods": periods,
        "period_total": total(periods) if options.period != "year" else None,
        "groups": groups,
        "group_total": total(groups),
        "group_label": BREAKDOWNS[options.by][0],
        "visitor_bars": bars(periods, "visitors"),
        "revenue_bars": bars(periods, "tourism_revenue"),
        "group_bars": bars(groups, "visitors"),
    }


def table_rows(data):
    """What the page shows, as rows of cells for the exports: the period table, then the breakdown."""
    header = [
        _("Period"), _("Reports"), _("Visitors"), _("Of whom pupils"), _("Tourism revenue (yuan)"),
        _("Of which creative goods (yuan)"), _("Visitors, change on the year before (%)"),
        _("Revenue, change on the year before (%)"),
    ]  # fmt: skip

    def cells(row):
        return [row["label"], row["reports"], row["visitors"], row["pupils"], row["tourism_revenue"],
                row["goods_revenue"], row["visitors_change"], row["revenue_change"]]  # fmt: skip

    periods = [cells(row) for row in data["periods"]]
    if data["period_total"]:
        periods.append(cells(data["period_total"]))
    groups = [cells(row) for row in [*data["groups"], data["group_total"]]]
    group_header = [data["group_label"], *header[1:]]
    return [header, *periods, [], [f"{data['options'].year}"], group_header, *groups]
