"""CSV exports for staff (safe against spreadsheet formula injection) and the official counts the bureau reports:
demonstration bases and points by level, industrial heritage by level."""

import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings.export import safe_cell
from events.models import Event
from sites import access
from sites.models import DemonstrationLevel, HeritageAsset, HeritageLevel, Site


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so Excel reads the Chinese text as UTF-8
    writer = csv.writer(response)
    for row in [header, *rows]:
        writer.writerow([safe_cell(cell) for cell in row])
    return response


def _bureau_only(user):
    if not access.sees_all_sites(user):
        raise PermissionDenied


def official_counts():
    """Every accredited site and listed heritage asset counts, published or not: the status is a fact."""
    sites = dict(Site.objects.filter(draft_of__isnull=True).values_list("level").annotate(n=Count("pk")).order_by())
    heritage = dict(HeritageAsset.objects.values_list("level").annotate(n=Count("pk")).order_by())
    return [
        *[(_("Demonstration sites"), label, sites.get(value, 0)) for value, label in DemonstrationLevel.choices[:3]],
        *[(_("Industrial heritage"), label, heritage.get(value, 0)) for value, label in HeritageLevel.choices],
    ]


def exports_view(request):
    if not Site.objects.managed_by(request.user).exists():
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),
        "title": _("Exports and official counts"),
        "counts": official_counts() if access.sees_all_sites(request.user) else None,
    }
    return TemplateResponse(request, "admin/exports.html", context)


def sites_csv(request):
    sites = Site.objects.managed_by(request.user).order_by("name_zh")
    if not access.sees_all_sites(request.user) and not sites.exists():
        raise PermissionDenied
    header = [_("ID"), _("Name (Chinese)"), _("Name (English)"), _("Address"), _("Demonstration status"),
              _("Year awarded"), _("Industry"), _("District"), _("Latitude"), _("Longitude"), _("Publication"),
              _("Phone"), _("Website"), _("Updated")]  # fmt: skip
    rows = (
        [
            site.pk,
            site.name_zh,
            site.name_en,
            site.address_zh,
            site.get_level_display(),
            site.level_year or "",
            site.get_industry_display(),
            site.get_district_display(),
            site.latitude,
            site.longitude,
            site.publication_status().label,
            site.phone,
            site.website,
            timezone.localtime(site.updated_at).strftime("%Y-%m-%d %H:%M"),
        ]  # fmt: skip
        for site in sites.iterator()
    )
    return csv_response(f"sites-{timezone.localdate()}.csv", header, rows)


def events_csv(request):
    _bureau_only(request.user)
    events = Event.objects.select_related("site").annotate(first=Min("occurrences__starts_at"))
    header = [_("ID"), _("Title (Chinese)"), _("Title (English)"), _("Kind"), _("Site or place"), _("District"),
              _("First date"), _("Status"), _("Publication"), _("Organiser")]  # fmt: skip
    rows = (
        [
            event.pk,
            event.title_zh,
            event.title_en,
            event.get_kind_display(),
            event.site.name_zh if event.site_id else event.venue_name_zh,
            (event.site.get_district_display() if event.site_id else event.get_district_display()),
            timezone.localtime(event.first).strftime("%Y-%m-%d %H:%M") if event.first else "",
            event.get_status_display(),
            event.publication_status().label,
            event.organiser_zh,
        ]  # fmt: skip
        for event in events.order_by("first", "title_zh")
    )
    return csv_response(f"events-{timezone.localdate()}.csv", header, rows)


def official_counts_csv(request):
    _bureau_only(request.user)
    header = [_("Category"), _("Level"), _("Count")]
    return csv_response(f"official-counts-{timezone.localdate()}.csv", header, official_counts())
