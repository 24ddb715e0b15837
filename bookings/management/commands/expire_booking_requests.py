from django.conf import settings
from django.core.management.base import BaseCommand

from bookings import services


class Command(BaseCommand):
    help = (
        "Expire study-tour requests nobody answered in time (BOOKING_REQUEST_EXPIRY_DAYS) and tell their "
        "organisers. Run it from cron, e.g. every 15 minutes."
    )

    def handle(self, *args, **options):
        count = services.expire_requests()
        if options["verbosity"]:
            self.stdout.write(
                f"{count} request(s) expired (expiry after {settings.BOOKING_REQUEST_EXPIRY_DAYS} day(s))."
            )
