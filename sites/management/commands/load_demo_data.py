import datetime
import importlib
import importlib.util
from collections import Counter
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from core.choices import AUDIENCE_FIELDS, Audience
from demo.placeholders import industrial_placeholder
from sites import demo_data
from sites.models import HeritageAsset, HeritagePhoto, OpeningException, OpeningPeriod, Site, SitePhoto

# Apps with a `demo.load(stdout)` of their own, loaded after the sites in this order.
DEMO_APPS = ("events", "itineraries", "bookings")
SITE_EXTRAS = ("slug", "note", "audiences", "hours", "exceptions", "photos", "latitude", "longitude", "admission_price")
HERITAGE_EXTRAS = ("slug", "site", "photos", "latitude", "longitude")


class Command(BaseCommand):
    help = (
        "Load demo sites and industrial heritage of Zhuzhou, with generated placeholder photos. Idempotent. "
        "Facts follow DOMAIN.md; demonstration levels and years not stated there, every heritage level, year listed "
        "and building date, prices, opening hours and coordinates are illustrative, and descriptions say so."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        self.counts = Counter()
        sites = {item["slug"]: self.load_site(item) for item in demo_data.SITES}
        for item in demo_data.HERITAGE:
            self.load_heritage(item, sites)
        summary = ", ".join(f"{key} {value}" for key, value in sorted(self.counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {summary}."))
        for app in DEMO_APPS:
            if importlib.util.find_spec(f"{app}.demo"):
                importlib.import_module(f"{app}.demo").load(stdout=self.stdout)

    def load_site(self, item):
        fields = {key: value for key, value in item.items() if key not in SITE_EXTRAS}
        fields.update(self.common(item, note=item.get("note")))
        price = item.get("admission_price")
        fields["admission_price"] = Decimal(price) if price is not None else None
        for audience, field in AUDIENCE_FIELDS.items():
            fields[field] = audience in {Audience(value) for value in item["audiences"]}
        site, created = Site.objects.update_or_create(slug=item["slug"], defaults=fields)
        self.counts["sites created" if created else "sites updated"] += 1

        site.periods.all().delete()
        site.exceptions.all().delete()
        periods = [
            OpeningPeriod(site=site, weekday=day, opens=_time(opens), closes=_time(closes))
            for days, *spans in item["hours"]
            for day in days
            for opens, closes in spans
        ]
        OpeningPeriod.objects.bulk_create(periods)
        for exc in item["exceptions"]:
            OpeningException.objects.create(
                site=site,
                date=datetime.date.fromisoformat(exc["date"]),
                closed="opens" not in exc,
                opens=_time(exc["opens"]) if "opens" in exc else None,
                closes=_time(exc["closes"]) if "closes" in exc else None,
                note_zh=exc["note_zh"],
                note_en=exc["note_en"],
            )
        self.counts["opening periods"] += len(periods)
        self.counts["opening exceptions"] += len(item["exceptions"])
        self.load_photos(SitePhoto, {"site": site}, item)
        return site

    def load_heritage(self, item, sites):
        fields = {key: value for key, value in item.items() if key not in HERITAGE_EXTRAS}
        fields.update(self.common(item, note="heritage"))
        fields["site"] = sites[item["site"]] if item["site"] else None
        fields.setdefault("published", True)
        asset, created = HeritageAsset.objects.update_or_create(slug=item["slug"], defaults=fields)
        self.counts["heritage created" if created else "heritage updated"] += 1
        self.load_photos(HeritagePhoto, {"asset": asset}, item)

    def common(self, item, note):
        fields = {
            "latitude": Decimal(item["latitude"]),
            "longitude": Decimal(item["longitude"]),
            "coordinates_approximate": True,
            "description_zh": item["description_zh"],
            "description_en": item["description_en"],
        }
        if note:
            note_zh, note_en = demo_data.NOTES[note]
            fields["description_zh"] += "\n\n" + note_zh
            fields["description_en"] += "\n\n" + note_en
        return fields

    def load_photos(self, model, owner, item):
        """Photos keyed on owner and position; an existing file is kept, so re-runs make no new files."""
        for position, (kind, caption_zh, caption_en) in enumerate(item["photos"]):
            alt_zh, alt_en = demo_data.PHOTO_ALT[kind]
            texts = {"alt_zh": alt_zh, "alt_en": alt_en, "caption_zh": caption_zh, "caption_en": caption_en}
            photo = model.objects.filter(position=position, **owner).first()
            if photo and photo.image and photo.image.storage.exists(photo.image.name):
                model.objects.filter(pk=photo.pk).update(**texts)
                self.counts["photos kept"] += 1
                continue
            photo = photo or model(position=position, **owner)
            for key, value in texts.items():
                setattr(photo, key, value)
            seed = f"{item['slug']}-{position}"
            photo.image.save(f"{seed}.jpg", ContentFile(industrial_placeholder(seed, kind)), save=False)
            photo.save()  # core.signals makes the renditions
            self.counts["photos generated"] += 1


def _time(value):
    return datetime.time.fromisoformat(value)
