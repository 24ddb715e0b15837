"""Demo 株洲礼物 goods (demo/data/gifts.yaml), all illustrative, with seasonal collections, where to buy them and a
painted placeholder photo each. Idempotent: collections and goods by slug; outlets are replaced on each run."""

from decimal import Decimal

from django.db import transaction

from demo import content
from demo.photos import placeholder_photo
from gifts.models import Collection, Gift, GiftPhoto, Outlet
from sites.models import HeritageAsset, Site

TEXTS = ("summary_zh", "summary_en", "description_zh", "description_en", "maker_zh", "maker_en")


def load(stdout=None):
    data = content.read("gifts")
    painted = 0
    with transaction.atomic():
        collections = {spec["slug"]: _collection(spec) for spec in data["collections"]}
        sites = {site.slug: site for site in Site.objects.filter(draft_of__isnull=True)}
        for spec in data["gifts"]:
            site = sites.get(spec.get("site"))
            heritage = HeritageAsset.objects.filter(slug=spec["heritage"]).first() if spec.get("heritage") else None
            if site is None and heritage is None:
                continue  # the sites were not loaded
            gift = _gift(spec, site, heritage)
            gift.collections.set([collections[slug] for slug in spec.get("collections", [])])
            _outlets(gift, spec.get("outlets", []), sites)
            painted += placeholder_photo(
                GiftPhoto,
                {"gift": gift},
                position=0,
                texts={"alt_zh": spec["name_zh"], "alt_en": spec["name_en"]},
                seed=f"gift-{spec['slug']}",
                kind=spec["kind"],
            )
    if stdout is not None:
        stdout.write(f"Zhuzhou Gifts: {len(data['gifts'])} products, {painted} photos painted.")


def _collection(spec):
    fields = {key: spec.get(key, "") for key in ("name_zh", "name_en", "description_zh", "description_en")}
    collection, _created = Collection.objects.update_or_create(
        slug=spec["slug"], defaults={**fields, "position": spec.get("position", 0), "shown": True}
    )
    return collection


def _gift(spec, site, heritage):
    fields = {
        "name_zh": spec["name_zh"],
        "name_en": spec["name_en"],
        "site": site,
        "heritage": heritage,
        "industry": spec["industry"],
        "price_min": Decimal(spec["price_min"]),
        "price_max": Decimal(spec["price_max"]) if spec.get("price_max") else None,
        "featured": spec.get("featured", False),
        "illustrative": True,
        "published": True,
        **{key: spec.get(key, "") for key in TEXTS},
    }
    gift, _created = Gift.objects.update_or_create(slug=spec["slug"], defaults=fields)
    return gift


def _outlets(gift, specs, sites):
    gift.outlets.all().delete()
    for position, spec in enumerate(specs):
        site = sites.get(spec.get("site")) if spec.get("site") else None
        if spec["kind"] == "site" and site is None:
            continue
        Outlet.objects.create(
            gift=gift,
            kind=spec["kind"],
            site=site,
            position=position,
            **{key: spec.get(key, "") for key in ("name_zh", "name_en", "address_zh", "address_en", "url")},
        )
