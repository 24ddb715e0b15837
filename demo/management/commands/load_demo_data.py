from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loaders import events, figures, gifts, invest, routes, sites, study_tours


class Command(BaseCommand):
    help = (
        "Load the demo content of demo/data/ (sites, heritage, official figures, events, routes, study tours, "
        "investment projects, Zhuzhou Gifts) with "
        "painted "
        "placeholder photos. Idempotent. Facts follow DOMAIN.md; demonstration levels and years not stated there, "
        "every heritage level, year listed and building date, prices, opening hours, dates and coordinates are "
        "illustrative, and descriptions say so."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        counts = sites.load()
        summary = ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {summary}."))
        for loader in (figures, events, routes, study_tours, invest, gifts):
            loader.load(stdout=self.stdout)
