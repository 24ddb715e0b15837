"""Every public page type renders the same HTML for the demo data, in both languages, at a fixed moment.

Written before moving code between apps and templates (the house-in-order issue): a move that changes what a
visitor gets fails here. A change that is meant to alter pages refreshes the snapshots on purpose:
`UPDATE_SNAPSHOTS=1 scripts/test tests/test_page_snapshots.py`, then read the diff before committing it.
"""

import difflib
import io
import os
import re
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.conftest import at

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
NOW = at(2027, 5, 12, 10)  # a Wednesday morning in Zhuzhou, with events to come and slots to book
PAGES = [
    "/",
    "/sites/",
    "/sites/?level=national&page=1",
    "/sites/zhongche-zhuji/",
    "/heritage/",
    "/heritage/yuehan-tielu-zhuzhou-zongjichang-lianhe-changfang/",
    "/demonstration-points/",
    "/sites/zhuhua-bowuguan/",
    "/map/",
    "/map/places.geojson",
    "/events/",
    "/events/past/",
    "/events/calendar/?month=2027-06",
    "/events/chang-ba/",
    "/routes/",
    "/routes/da-guo-zhong-qi-zhi-lv/",
    "/study-tours/",
    "/study-tours/electric-locomotive-study-tour/",
    "/study-tours/electric-locomotive-study-tour/book/",
    "/figures/",
    "/invest/",
    "/invest/?stage=seeking&page=1",
    "/invest/zhuzhou-gongye-wenlv-tisheng/",
    "/invest/zhuzhou-gongye-wenlv-tisheng/enquire/",
    "/gifts/",
    "/gifts/?collection=spring-festival",
    "/gifts/dianli-jiche-moxing/",
    "/sitemap.xml",
    "/robots.txt",
]
# What differs between two runs without any change: the CSRF token and the one-time key of a form.
VOLATILE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), 'name="csrfmiddlewaretoken" value="…"'),
    (re.compile(r'name="submission_key" value="[^"]+"'), 'name="submission_key" value="…"'),
]


def _normalised(text):
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def _name(path):
    return re.sub(r"[^a-z0-9]+", "-", path.strip("/").lower()).strip("-") or "home"


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_every_public_page_type_renders_as_its_snapshot(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    update = os.environ.get("UPDATE_SNAPSHOTS") == "1"
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        call_command("load_demo_data", stdout=io.StringIO())
        client = Client()
        differences = []
        for prefix in ("", "/en"):
            for path in PAGES:
                url = prefix + path if not path.startswith(("/sitemap", "/robots", "/map/places")) else path
                if prefix and url == path and path != "/":
                    continue  # one language only
                response = client.get(url)
                assert response.status_code == 200, url
                page = _normalised(response.content.decode())
                snapshot = SNAPSHOTS / f"{'en-' if prefix else ''}{_name(path)}.html"
                if update or not snapshot.exists():
                    SNAPSHOTS.mkdir(exist_ok=True)
                    snapshot.write_text(page)
                    continue
                expected = snapshot.read_text()
                if page != expected:
                    diff = difflib.unified_diff(expected.splitlines(), page.splitlines(), "snapshot", url, lineterm="")
                    differences.append("\n".join(line[:300] for line in list(diff)[:40]))
    assert timezone.now() != NOW
    assert not differences, "\n\n".join(differences)
