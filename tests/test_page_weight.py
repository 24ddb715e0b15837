"""Every public page, with the CSS and JavaScript it links, weighs at most 60 KB compressed (images excluded).

Run with `-s` to see the weight of each page.
"""

import gzip
import io
import re
from unittest.mock import patch

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.utils import translation

from bookings.models import StudyProgramme
from events.models import Event
from itineraries.models import Itinerary
from sites.models import HeritageAsset, Site
from tests.conftest import at

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="/static/([^"?#]+)"')


@pytest.fixture
def catalogue():
    translation.activate("zh-hans")
    with patch("django.utils.timezone.now", return_value=at(2026, 12, 1, 10)):
        # Enough places that every district has more than the map lists.
        call_command(
            "generate_scale_data",
            sites=300,
            heritage=300,
            events=40,
            routes=5,
            bookings=60,
            photo_width=320,
            stdout=io.StringIO(),
        )
        yield
    translation.deactivate()


def public_pages():
    published = Site.objects.published().filter(slug__startswith="scale-")
    programme = StudyProgramme.objects.published().order_by("pk").first()
    return {
        "home": "/",
        "sites": "/sites/",
        "sites filtered": "/sites/?industry=ceramics&district=liling",
        "sites search": "/sites/?q=陶瓷",
        "site detail": published.order_by("pk").first().get_absolute_url(),
        "heritage": "/heritage/",
        "heritage detail": HeritageAsset.objects.published().order_by("pk").first().get_absolute_url(),
        "map": "/map/",
        "events": "/events/",
        "past events": "/events/past/",
        "calendar": "/events/calendar/?month=2026-12",
        "event detail": Event.objects.published().order_by("pk").first().get_absolute_url(),
        "routes": "/routes/",
        "route detail": Itinerary.objects.published().order_by("pk").first().get_absolute_url(),
        "study tours": "/study-tours/",
        "programme": programme.get_absolute_url(),
        "booking form": programme.get_absolute_url() + "book/",
        "English sites": "/en/sites/",
    }


def weight(html):
    """(total, html) compressed bytes: the page and every stylesheet and script it links from static/."""
    parts = [html.encode()]
    for name in dict.fromkeys(ASSET.findall(html)):
        path = finders.find(name)
        assert path, f"{name} is linked but not in static/"
        with open(path, "rb") as f:
            parts.append(f.read())
    sizes = [len(gzip.compress(part, 9)) for part in parts]
    return sum(sizes), sizes[0]


def test_every_public_page_stays_within_60_kb_compressed(client, catalogue):
    report = []
    for name, path in public_pages().items():
        response = client.get(path)
        assert response.status_code == 200, path
        total, html = weight(response.content.decode())
        report.append((name, total, html))
    print("\npage                 total KB  HTML KB")
    for name, total, html in report:
        print(f"{name:20} {total / 1024:8.1f} {html / 1024:8.1f}")
    assert [name for name, total, _html in report if total > BUDGET] == []


def test_photos_on_list_pages_are_lazy_sized_and_have_a_srcset(client, catalogue):
    html = client.get("/sites/").content.decode()
    images = re.findall(r"<img [^>]+>", html)
    assert images
    for tag in images:
        assert 'loading="lazy"' in tag and "srcset=" in tag and "width=" in tag and "height=" in tag, tag
