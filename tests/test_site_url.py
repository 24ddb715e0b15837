"""Absolute links (canonical, og:url, hreflang, JSON-LD, sitemap, feeds, calendar files, robots.txt, mails) start
with SITE_URL, whatever host a request came in on, so a request on a second host cannot leak that host into pages
the page cache then serves to everyone."""

import re
from unittest.mock import patch

import pytest
from django.core import mail

from tests.factories import make_site
from tests.test_bookings_helpers import NOW, booking_data, make_slot
from tests.test_events import add_date, make_event

pytestmark = pytest.mark.django_db

PUBLIC = "https://gy.zhuzhou.example"
OTHER = "other.example"


@pytest.fixture
def two_hosts(settings, tmp_path):
    settings.SITE_URL = PUBLIC
    settings.ALLOWED_HOSTS = ["gy.zhuzhou.example", OTHER]
    settings.PAGE_CACHE_SECONDS = 600


def hosts_in(text):
    return set(re.findall(r"(?:https?:)?//([a-z0-9.-]+\.[a-z]+)[/:]", text))


def test_a_request_on_another_host_leaves_canonical_and_og_url_on_the_public_site(client, two_hosts):
    make_site(name_zh="醴陵陶瓷谷")
    first = client.get("/sites/", headers={"host": OTHER}).content.decode()
    later = client.get("/sites/", headers={"host": "gy.zhuzhou.example"}).content.decode()
    for page in (first, later):
        assert f'<link rel="canonical" href="{PUBLIC}/sites/">' in page
        assert f'<meta property="og:url" content="{PUBLIC}/sites/">' in page
        assert f'hreflang="en" href="{PUBLIC}/en/sites/"' in page
        assert OTHER not in page


@pytest.mark.parametrize(
    "path", ["/sites/ceramics/", "/sitemap.xml", "/robots.txt", "/events/feed.atom", "/events/feed.ics", "/"]
)
def test_absolute_links_everywhere_start_with_the_public_site(client, two_hosts, path):
    make_site(slug="ceramics", name_zh="醴陵陶瓷谷")
    with patch("django.utils.timezone.now", return_value=NOW):
        add_date(make_event(slug="expo"), NOW.replace(day=20))
        text = client.get(path, headers={"host": OTHER}).content.decode()
    assert OTHER not in text
    assert "gy.zhuzhou.example" in text or path == "/"


def test_booking_mails_link_to_the_public_site(client, two_hosts, django_capture_on_commit_callbacks):
    with patch("django.utils.timezone.now", return_value=NOW):
        slot = make_slot()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/en/study-tours/{slot.programme.slug}/book/", booking_data(slot), headers={"host": OTHER})
    [message] = mail.outbox
    assert f"{PUBLIC}/en/study-tours/booking/" in message.body


def test_the_password_reset_mail_links_to_the_public_site(
    client, two_hosts, django_user_model, django_capture_on_commit_callbacks
):
    django_user_model.objects.create_user("editor", "editor@example.org", "a-long-Pass-phrase-42", is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):  # the mail task is queued for the commit
        client.post("/admin/password_reset/", {"email": "editor@example.org"}, headers={"host": OTHER})
    [message] = mail.outbox
    assert f"{PUBLIC}/admin/reset/" in message.body
    assert OTHER not in message.body
