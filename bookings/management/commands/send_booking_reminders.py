from django.core.management.base import BaseCommand

from bookings import services


class Command(BaseCommand):
    help = (
        "Queue the reminder mail of every confirmed study tour that takes place tomorrow. Each booking is reminded "
        "once, so run it from cron every hour of the working day, e.g. `0 8-20 * * *`."
    )

    def handle(self, *args, **options):
        count = services.queue_reminders()
        if options["verbosity"]:
            self.stdout.write(f"{count} reminder(s) queued.")
