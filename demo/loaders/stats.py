"""Visitor statistics (demo/data/stats.yaml): the bureau's real event figures with their source, and illustrative
monthly reports of the demo sites. Keyed, so a second run changes nothing."""

from decimal import Decimal

from django.utils import timezone

from demo import content
from events.models import Event
from sites.models import Site
from stats.models import EventReport, SiteMonthReport, previous_month

CENT = Decimal("0.01")


def _months(today):
    """(year, month) from January of last year to last month."""
    last = previous_month(today)
    return [(year, month) for year in (today.year - 1, today.year) for month in range(1, 13) if (year, month) <= last]


def _figures(base, season, growth):
    visitors = round(base["visitors"] * season * growth)
    revenue = (Decimal(visitors) * Decimal(str(base["yuan"]))).quantize(CENT)
    return {
        "visitors": visitors,
        "pupils": round(visitors * base["pupils"]),
        "tourism_revenue": revenue,
        "goods_revenue": (revenue * Decimal(str(base["goods"]))).quantize(CENT),
    }


def load_events(data):
    events = {event.slug: event for event in Event.objects.filter(slug__in=[row["event"] for row in data["events"]])}
    done = 0
    for row in data["events"]:
        event = events.get(row["event"])
        if event is None:
            continue
        EventReport.objects.update_or_create(
            event=event,
            year=row["year"],
            period_zh=row["period"]["zh"],
            defaults={
                "period_en": row["period"]["en"],
                "attendance": row["attendance"],
                "attendance_qualifier": row.get("attendance_qualifier", "exact"),
                "spending": row.get("spending"),
                "spending_qualifier": row.get("spending_qualifier", "exact"),
                "source_zh": data["source"]["zh"],
                "source_en": data["source"]["en"],
                "published": True,
                "illustrative": False,
            },
        )
        done += 1
    return done


def load_monthly(data, today):
    monthly = data["monthly"]
    sites = Site.objects.filter(slug__in=monthly["sites"], draft_of__isnull=True)
    done = 0
    for site in sites:
        for year, month in _months(today):
            growth = monthly["growth"] if year == today.year else 1
            figures = _figures(monthly["sites"][site.slug], monthly["season"][month - 1], growth)
            SiteMonthReport.objects.update_or_create(
                site=site,
                year=year,
                month=month,
                defaults={**figures, "published": True, "illustrative": True},
            )
            done += 1
    return done


def load(stdout=None, today=None):
    data = content.read("stats")
    events = load_events(data)
    reports = load_monthly(data, today or timezone.localdate())
    if stdout:
        stdout.write(f"Statistics loaded: {events} event reports, {reports} illustrative monthly site reports.")
