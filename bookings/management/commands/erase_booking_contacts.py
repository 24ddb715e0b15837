from django.conf import settings
from django.core.management.base import BaseCommand

from bookings import services


class Command(BaseCommand):
    help = (
        "Erase organisers' names, phones, emails and special needs BOOKING_CONTACT_RETENTION_DAYS after the "
        "visit; the head counts stay for statistics. Run it daily from cron."
    )

    def handle(self, *args, **options):
        count = services.erase_contacts()
        if options["verbosity"]:
            self.stdout.write(
                f"Contact data erased from {count} booking(s) "
                f"(visits more than {settings.BOOKING_CONTACT_RETENTION_DAYS} days ago)."
            )
