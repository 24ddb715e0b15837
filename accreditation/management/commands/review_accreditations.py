from django.core.management.base import BaseCommand

from accreditation import services


class Command(BaseCommand):
    help = (
        "Take the level away from sites whose municipal accreditation has expired (recorded in each site's history), "
        "and list the accreditations that expire within six months and come up for review. Run daily from cron."
    )

    def handle(self, *args, **options):
        expired = services.expire_accreditations()
        due = services.due_for_review().select_related("application__site").order_by("valid_until")
        self.stdout.write(f"{expired} accreditation(s) expired.")
        for decision in due:
            self.stdout.write(f"Review due: {decision.application.site.name_zh} (valid until {decision.valid_until}).")
