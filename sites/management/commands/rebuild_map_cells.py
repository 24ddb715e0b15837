from django.core.management.base import BaseCommand

from sites.mapgrid import rebuild_map_cells
from sites.models import MapCell


class Command(BaseCommand):
    help = (
        "Count the published sites and heritage places into the map's grid cells afresh (sites.mapgrid). Saves and "
        "deletes do it by themselves; run this after writes that send no signals (bulk_create, QuerySet.update, SQL)."
    )

    def handle(self, *args, **options):
        rebuild_map_cells()
        self.stdout.write(f"Map cells rebuilt: {MapCell.objects.count()} cells.")
