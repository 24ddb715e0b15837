from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loaders import accreditation, events, figures, gifts, invest, routes, sites, stats, study_tours


class Command(BaseCommand):
    help = (
        "Load the demo content of demo/data/ (sites, heritage, official figures, events, routes, study tours, "
        "visitor statistics, accreditation of demonstration points, investment projects, Zhuzhou Gifts) with painted "
        "placeholder photos. Idempotent. Facts follow DOMAIN.md; demonstration levels and years not stated there, "
        "every heritage level, year listed and building date, prices, opening hours, dates and coordinates are "
        "illustrative, and descriptions say so; so are the monthly site reports, the accreditation scheme, the "
        "goods and the investment projects the bureau did not name, labelled as such."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        counts = sites.load()
        summary = ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {summary}."))
        for loader in (figures, events, routes, study_tours, invest, gifts, stats, accreditation):
            loader.load(stdout=self.stdout)
