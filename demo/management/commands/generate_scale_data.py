import random
import time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from core.images import make_renditions
from core.pagecache import bump_content_version
from demo.placeholders import industrial_placeholder
from demo.scale import bookings, events, itineraries, sites
from sites.mapgrid import rebuild_map_cells

# (scale module, the counts it takes), in dependency order.
GENERATORS = [
    (sites, ("sites", "heritage")),
    (events, ("events",)),
    (itineraries, ("routes",)),
    (bookings, ("bookings",)),
]
PHOTO_KINDS = ["rail", "aviation", "ceramics", "fireworks", "motorsport", "chemicals", "textiles", "museum"]


class Command(BaseCommand):
    help = (
        "Fill the database with scale test data (sites, heritage, events, routes, bookings) for benchmarks. "
        "Refuses to run twice unless --reset, which removes only the scale rows first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sites", type=int, default=10000)
        parser.add_argument("--heritage", type=int, default=10000)
        parser.add_argument("--events", type=int, default=20000)
        parser.add_argument("--routes", type=int, default=1000)
        parser.add_argument("--bookings", type=int, default=20000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--reset", action="store_true", help="Remove earlier scale data first.")
        parser.add_argument("--photo-width", type=int, default=1600, help="Width of the shared placeholder photos.")

    def handle(self, *args, **options):
        started = time.monotonic()
        with transaction.atomic():
            if options["reset"]:
                for module, _counts in reversed(GENERATORS):
                    module.reset()
            elif sites.exists():
                raise CommandError("Scale data is already loaded. Use --reset to replace it.")
            rng = random.Random(options["seed"])
            photos = self._photos(options["photo_width"])
            for module, counts in GENERATORS:
                kwargs = {name: options[name] for name in counts}
                module.generate(rng=rng, photos=photos, stdout=self.stdout, **kwargs)
            rebuild_map_cells()  # bulk_create sends no signals
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics, or the planner sorts instead of using the indexes
        bump_content_version()
        self.stdout.write(self.style.SUCCESS(f"Scale data ready in {time.monotonic() - started:.0f} s."))

    def _photos(self, width):
        """A few placeholder photos shared by all scale rows, with their renditions."""
        photos = []
        height = width * 10 // 16
        for kind in PHOTO_KINDS:
            name = f"scale/{kind}-{width}.jpg"
            if not default_storage.exists(name):
                default_storage.save(name, ContentFile(industrial_placeholder(f"scale-{kind}", kind, width, height)))
            make_renditions(name)
            photos.append((name, width, height))
        return photos
