"""What the public "Zhuzhou in figures" page shows: only what the bureau has published, each figure with its source
and period. The official counts (sites.OfficialFigure) stay where they are kept and are shown here beside the
visitor figures, not copied."""

from django.db.models import Count, Max, Min, Q, Sum

from sites.models import FigureKey, OfficialFigure
from stats.models import EventReport, SiteMonthReport
from stats.report import bars

YEARS_SHOWN = 10
FIGURE_ORDER = list(FigureKey.values)


def site_totals():
    """One row per year of published monthly reports, newest first: the totals and the months they cover."""
    rows = (
        SiteMonthReport.objects.published()
        .values("year")
        .annotate(
            sites=Count("site", distinct=True),
            reports=Count("pk"),
            first_month=Min("month"),
            last_month=Max("month"),
            visitors=Sum("visitors"),
            pupils=Sum("pupils"),
            tourism_revenue=Sum("tourism_revenue"),
            goods_revenue=Sum("goods_revenue"),
            illustrative=Count("pk", filter=Q(illustrative=True)),
        )
        .order_by("-year")[:YEARS_SHOWN]
    )
    return [row | {"label": str(row["year"])} for row in rows]


def event_figures():
    return EventReport.objects.published().select_related("event").order_by("-year", "event__title_zh", "pk")


def figures_context():
    totals = site_totals()
    official = sorted(OfficialFigure.objects.all(), key=lambda figure: FIGURE_ORDER.index(figure.key))
    return {
        "official": official,
        # One line per source, however many figures it gives (as on the home page).
        "official_sources": sorted({(figure.source, figure.year) for figure in official}, key=lambda s: (s[1], s[0])),
        "totals": totals,
        "visitor_bars": bars(list(reversed(totals)), "visitors"),
        "any_illustrative": any(row["illustrative"] for row in totals),
    }
