"""Small builders for test data: only the fields a test cares about need to be given."""

import io
import itertools

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from PIL import Image

from sites.models import HeritageAsset, OpeningPeriod, Site, SitePhoto

_counter = itertools.count(1)


def make_site(**fields):
    n = next(_counter)
    defaults = {
        "name_zh": f"测试工厂{n}",
        "name_en": f"Test Works {n}",
        "slug": f"test-works-{n}",
        "summary_zh": "一处工业旅游点。",
        "summary_en": "An industrial tourism site.",
        "industry": "rail",
        "district": "shifeng",
        "latitude": "27.880000",
        "longitude": "113.160000",
        "published": True,
    }
    defaults.update(fields)
    return Site.objects.create(**defaults)


def make_heritage(**fields):
    n = next(_counter)
    defaults = {
        "name_zh": f"测试遗产{n}",
        "name_en": f"Test Heritage {n}",
        "slug": f"test-heritage-{n}",
        "level": "municipal",
        "state": "museum",
        "district": "shifeng",
        "latitude": "27.880000",
        "longitude": "113.080000",
        "published": True,
    }
    defaults.update(fields)
    return HeritageAsset.objects.create(**defaults)


def jpeg_bytes(width=1200, height=800, color=(90, 100, 110)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "JPEG")
    return buffer.getvalue()


def add_photo(site, position=0, **fields):
    photo = SitePhoto(site=site, position=position, alt_zh=fields.pop("alt_zh", "厂房外景"), **fields)
    photo.image.save(f"test-{site.pk}-{position}.jpg", ContentFile(jpeg_bytes()), save=False)
    photo.save()
    return photo


def add_weekly_hours(site, weekdays=range(7), opens="09:00", closes="17:00"):
    for weekday in weekdays:
        OpeningPeriod.objects.create(site=site, weekday=weekday, opens=opens, closes=closes)


def add_illustrated_photo(site, position=0, **fields):
    """A photo drawn for the site's industry, for tests whose screenshots a person looks at."""
    from demo.placeholders import industrial_placeholder

    photo = SitePhoto(site=site, position=position, alt_zh=fields.pop("alt_zh", "厂房外景"), **fields)
    image = industrial_placeholder(site.slug, site.industry, width=960, height=600)
    photo.image.save(f"illustrated-{site.pk}-{position}.jpg", ContentFile(image), save=False)
    photo.save()
    return photo


STAFF_PASSWORD = "a-long-password-1"


def person(username, role, sites=()):
    """A staff account with a back-office role (core.roles), the operator of `sites`."""
    user = User.objects.create_user(username, f"{username}@example.com", STAFF_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    for site in sites:
        site.operators.add(user)
    return User.objects.get(pk=user.pk)  # fresh: no permission cache from before the role
