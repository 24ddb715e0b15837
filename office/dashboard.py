"""The figures of the admin home page, scoped like everything else: bureau staff see the city, an operator their
own sites. Each figure is a small query; the page makes the same number of queries whatever the data size."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from accreditation import roles as accreditation_roles
from accreditation import services as accreditation
from accreditation.models import Application, Assignment, Stage
from bookings.models import Booking, BookingMail, BookingStatus
from bookings.outbox import MailStatus
from core.choices import District
from events.models import Occurrence
from itineraries.models import Itinerary
from office import review
from sites import access
from sites.models import DemonstrationLevel, HeritageAsset, HeritageLevel, Site
from stats.models import SiteMonthReport, previous_month

COMING_WEEKS = 4
COMING_SHOWN = 20
MISSING_SHOWN = 10

FAILED_MAILS_SHOWN = 10
MONTHS = 12
# Bookings that happened or will: what the bureau counts as visits.
COUNTED = [BookingStatus.REQUESTED, BookingStatus.CONFIRMED, BookingStatus.ATTENDED]


def bars(rows):
    """(label, value) rows with each bar's share of the largest, for the SVG charts."""
    top = max((value for _label, value in rows), default=0) or 1
    return [{"label": label, "value": value, "percent": round(100 * value / top, 1)} for label, value in rows]


def _by_choice(queryset, field, choices):
    counts = dict(queryset.values_list(field).annotate(n=Count("pk")).order_by())
    return bars([(label, counts.get(value, 0)) for value, label in choices])


def _missing_content(sites):
    no_english = Q(name_en="") | Q(description_en="")
    return {
        "sites_no_english": sites.filter(no_english).count(),
        "sites_no_photo": sites.filter(photos__isnull=True).count(),
    }


def _failed_mails(sites):
    """Mails the worker gave up on after its retries: someone has to phone the school or the site."""
    failed = BookingMail.objects.filter(status=MailStatus.FAILED, booking__slot__programme__site__in=sites)
    return {
        "failed_mails": failed.select_related("booking").order_by("-finished_at")[:FAILED_MAILS_SHOWN],
        "failed_mail_count": failed.count(),
    }


def bookings_by_month(bookings, now):
    start = (timezone.localdate(now).replace(day=1) - datetime.timedelta(days=31 * (MONTHS - 1))).replace(day=1)
    rows = (
        bookings.filter(slot__start__date__gte=start)
        .annotate(month=TruncMonth("slot__start"))
        .values("month")
        .annotate(bookings=Count("pk"), pupils=Sum("pupils"))
        .order_by("month")
    )
    return [
        {"label": row["month"].strftime("%Y-%m"), "bookings": row["bookings"], "pupils": row["pupils"] or 0}
        for row in rows
    ]


def bookings_by_site(bookings):
    rows = (
        bookings.values("slot__programme__site__name_zh")
        .annotate(bookings=Count("pk"), pupils=Sum("pupils"))
        .order_by("-pupils", "slot__programme__site__name_zh")[:15]
    )
    return [
        {"label": row["slot__programme__site__name_zh"], "bookings": row["bookings"], "pupils": row["pupils"] or 0}
        for row in rows
    ]


def missing_reports(sites, now):
    """Published sites without a report for last month, each with the link to its pre-filled form."""
    year, month = previous_month(timezone.localdate(now))
    reported = SiteMonthReport.objects.filter(site=OuterRef("pk"), year=year, month=month)
    missing = sites.published(now).filter(~Exists(reported)).order_by("name_zh")
    return {
        "month": f"{year}-{month:02d}",
        "count": missing.count(),
        "sites": [
            {"site": site, "url": SiteMonthReport.add_url(site, year, month)}
            for site in missing.only("pk", "name_zh")[:MISSING_SHOWN]
        ],
    }


def _accreditation(user, now):
    """Applications by stage (what the user may see), the scores they still owe, and for the bureau the
    accreditations that expire within six months."""
    if not user.has_perm("accreditation.view_application"):
        return {"accreditation": False}
    data = {
        "accreditation": True,
        "applications_by_stage": _by_choice(Application.objects.visible_to(user), "stage", Stage.choices),
        "scores_owed": Assignment.objects.filter(assessor=user, submitted_at__isnull=True, has_conflict=False).count(),
    }
    if accreditation_roles.is_bureau_staff(user):
        data["due_for_review"] = accreditation.due_for_review(today=timezone.localdate(now)).count()
    return data


def dashboard_for(request, now=None):
    user = request.user
    now = now or timezone.now()
    sites = Site.objects.managed_by(user)
    bookings = Booking.objects.filter(slot__programme__site__in=sites, status__in=COUNTED)
    by_month = bookings_by_month(bookings, now)
    by_site = bookings_by_site(bookings)
    published = sites.published(now)
    coming = (
        Occurrence.objects.visible()
        .filter(starts_at__lt=now + datetime.timedelta(weeks=COMING_WEEKS), cancelled=False)
        .upcoming(now)
        .select_related("event")
        .order_by("starts_at")
    )
    if not access.sees_all_sites(user):
        coming = coming.filter(event__site__in=sites)
    data = {
        "bureau": access.sees_all_sites(user),
        "sites_by_level": _by_choice(published, "level", DemonstrationLevel.choices),
        "sites_by_district": _by_choice(published, "district", District.choices),
        "published_sites": published.count(),
        "coming": coming[:COMING_SHOWN],
        "months": by_month,
        "month_pupils": bars([(row["label"], row["pupils"]) for row in by_month]),
        "sites": by_site,
        "site_pupils": bars([(row["label"], row["pupils"]) for row in by_site]),
        "waiting": Booking.objects.filter(
            slot__programme__site__in=sites, status=BookingStatus.REQUESTED, expires_at__gt=now
        ).count(),
        "in_review": review.count_waiting(request),
        "reports": missing_reports(sites, now) if user.has_perm("stats.add_sitemonthreport") else None,
        **_failed_mails(sites),
        **_missing_content(sites),
        **_accreditation(user, now),
    }
    if data["bureau"]:
        heritage = HeritageAsset.objects.published(now)
        data |= {
            "heritage_by_level": _by_choice(heritage, "level", HeritageLevel.choices),
            "published_heritage": heritage.count(),
            "published_events": Occurrence.objects.visible().values("event").distinct().count(),
            "published_routes": Itinerary.objects.published(now).count(),
            "heritage_no_photo": HeritageAsset.objects.filter(photos__isnull=True).count(),
        }
    return data
