from django.conf import settings
from django.core.management.base import BaseCommand

from invest import services


class Command(BaseCommand):
    help = (
        "Erase investors' names, phones, emails and messages INVEST_ENQUIRY_RETENTION_DAYS after their enquiry came "
        "in; the company, project and interest stay for the bureau's figures. Run it daily from cron."
    )

    def handle(self, *args, **options):
        count = services.erase_contacts()
        if options["verbosity"]:
            self.stdout.write(
                f"Contact data erased from {count} enquiry(ies) "
                f"(received more than {settings.INVEST_ENQUIRY_RETENTION_DAYS} days ago)."
            )
