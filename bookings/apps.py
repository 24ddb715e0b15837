from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.pagecache import BOOKINGS


class BookingsConfig(AppConfig):
    name = "bookings"
    verbose_name = _("Study-tour bookings")
    # Study tours change with every booking: their own part of the content version, apart from the catalogue.
    content_part = BOOKINGS
    # A site operator runs their own programmes, slots and bookings.
    operator_permissions = [
        "add_studyprogramme",
        "change_studyprogramme",
        "view_studyprogramme",
        "add_timeslot",
        "change_timeslot",
        "view_timeslot",
        "change_booking",
        "view_booking",
    ]
