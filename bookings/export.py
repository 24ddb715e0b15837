"""CSV export of bookings for staff, safe to open in a spreadsheet."""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings.models import GradeBand, pupils_field

# A cell starting with one of these is a formula to Excel, LibreOffice and Sheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def bookings_csv(bookings, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so Excel reads the Chinese text as UTF-8
    writer = csv.writer(response)
    header = [
        _("Reference"), _("Status"), _("Site"), _("Programme"), _("Start"), _("End"), _("School"),
        *[band.label for band in GradeBand], _("Pupils"), _("Teachers"),
        _("Safety officers"), _("Tutors"), _("Persons"),
        _("Organiser"), _("Phone"), _("Email"), _("Special needs"), _("Requested at"),
    ]  # fmt: skip
    writer.writerow([safe_cell(cell) for cell in header])
    for booking in bookings.select_related("slot__programme__site"):
        slot = booking.slot
        row = [
            booking.reference,
            booking.get_status_display(),
            slot.programme.site.name_zh,
            slot.programme.title_zh,
            timezone.localtime(slot.start).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(slot.end).strftime("%Y-%m-%d %H:%M"),
            booking.school,
            *[getattr(booking, pupils_field(band)) for band in GradeBand],
            booking.pupils,
            booking.teachers,
            booking.safety_officers,
            booking.tutors,
            booking.persons,
            booking.organiser_name,
            booking.organiser_phone,
            booking.organiser_email,
            booking.special_needs,
            timezone.localtime(booking.created_at).strftime("%Y-%m-%d %H:%M"),
        ]
        writer.writerow([safe_cell(cell) for cell in row])
    return response
