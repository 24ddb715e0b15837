"""Demo sites and heritage (demo/data/sites.yaml, heritage.yaml), with their hours and painted placeholder photos.

Idempotent: rows are keyed on their slug, hours and exceptions are replaced, photos already painted are kept.
"""

import datetime
from collections import Counter
from decimal import Decimal

from core.choices import AUDIENCE_FIELDS, Audience
from demo import content
from demo.photos import placeholder_photo
from sites.models import HeritageAsset, HeritagePhoto, OpeningException, OpeningPeriod, Site, SitePhoto

# Keys of a record that are not model fields of the same name.
SITE_EXTRAS = ("slug", "note", "audiences", "hours", "exceptions", "photos", "latitude", "longitude", "admission_price")
HERITAGE_EXTRAS = ("slug", "site", "photos", "latitude", "longitude")


def load():
    """Create or update the demo sites and heritage; returns the counts of what was done."""
    counts = Counter()
    texts = content.read("texts")
    sites = {item["slug"]: _site(item, texts, counts) for item in content.read("sites")["sites"]}
    for item in content.read("heritage")["heritage"]:
        _heritage(item, sites, texts, counts)
    return counts


def _site(item, texts, counts):
    fields = {key: value for key, value in item.items() if key not in SITE_EXTRAS}
    fields.update(_common(item, texts, note=item.get("note")))
    price = item.get("admission_price")
    fields["admission_price"] = Decimal(price) if price is not None else None
    for audience, field in AUDIENCE_FIELDS.items():
        fields[field] = audience in {Audience(value) for value in item["audiences"]}
    site, created = Site.objects.update_or_create(slug=item["slug"], defaults=fields)
    counts["sites created" if created else "sites updated"] += 1

    site.periods.all().delete()
    site.exceptions.all().delete()
    periods = [
        OpeningPeriod(site=site, weekday=day, opens=_time(opens), closes=_time(closes))
        for hours in item["hours"]
        for day in hours["days"]
        for opens, closes in hours["spans"]
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
    counts["opening periods"] += len(periods)
    counts["opening exceptions"] += len(item["exceptions"])
    _photos(SitePhoto, {"site": site}, item, texts, counts)
    return site


def _heritage(item, sites, texts, counts):
    fields = {key: value for key, value in item.items() if key not in HERITAGE_EXTRAS}
    fields.update(_common(item, texts, note="heritage"))
    fields["site"] = sites[item["site"]] if item["site"] else None
    fields.setdefault("published", True)
    asset, created = HeritageAsset.objects.update_or_create(slug=item["slug"], defaults=fields)
    counts["heritage created" if created else "heritage updated"] += 1
    _photos(HeritagePhoto, {"asset": asset}, item, texts, counts)


def _common(item, texts, note):
    fields = {
        "latitude": Decimal(item["latitude"]),
        "longitude": Decimal(item["longitude"]),
        "coordinates_approximate": True,
        "description_zh": item["description_zh"],
        "description_en": item["description_en"],
    }
    if note:
        fields["description_zh"] += "\n\n" + texts["notes"][note]["zh"]
        fields["description_en"] += "\n\n" + texts["notes"][note]["en"]
    return fields


def _photos(model, owner, item, texts, counts):
    for position, photo in enumerate(item["photos"]):
        alt = texts["photo_alt"][photo["kind"]]
        painted = placeholder_photo(
            model,
            owner,
            position=position,
            texts={
                "alt_zh": alt["zh"],
                "alt_en": alt["en"],
                "caption_zh": photo["caption_zh"],
                "caption_en": photo["caption_en"],
            },
            seed=f"{item['slug']}-{position}",
            kind=photo["kind"],
        )
        counts["photos generated" if painted else "photos kept"] += 1


def _time(value):
    return datetime.time.fromisoformat(value)
