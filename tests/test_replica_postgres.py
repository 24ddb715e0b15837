"""Read replicas for real: a streaming replica of the local PostgreSQL (pg_basebackup -R, on its own port) behind
a gunicorn with DATABASE_REPLICA_URLS. With the replica's replay paused, a visitor's public page shows the copy
while a booking, the page its organiser lands on, the places left and that client's next pages read the primary.

Runs in the PostgreSQL pass (DATABASE_URL=postgres://…@127.0.0.1:5432/…): 10-60 s, most of it copying the whole
cluster (1.7 GB here, with other databases on it) and deleting the copy. What it needs from the machine: see
tests/pgreplica.py."""

import datetime
import http.cookiejar
import os
import re
import sys
import urllib.parse
import urllib.request

import pytest
from django.db import connection
from django.utils import timezone

from bookings.models import Booking
from sites.models import Site
from tests import pgreplica
from tests.factories import make_site
from tests.servers import free_port, running
from tests.test_bookings_helpers import booking_data, make_programme, make_slot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def databases(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        primary_settings = connection.settings_dict
        if connection.vendor != "postgresql" or primary_settings["HOST"] not in ("127.0.0.1", "localhost"):
            pytest.skip("runs in the PostgreSQL pass: DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>")
    primary = {"host": "127.0.0.1", "port": int(primary_settings["PORT"] or 5432), "user": primary_settings["USER"]}
    try:
        with pgreplica.streaming_replica(primary, free_port()) as replica:
            yield {"name": primary_settings["NAME"], "primary": primary, "replica": replica}
    except pgreplica.Unavailable as reason:
        pytest.skip(str(reason))


@pytest.fixture(scope="module")
def app(databases, tmp_path_factory):
    """gunicorn with production settings, the primary and the replica; caches off so every page reads rows."""
    port = free_port()
    folder = tmp_path_factory.mktemp("replica-app")
    url = "postgres://{user}@127.0.0.1:{port}/" + databases["name"]
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "tests.settings",  # production settings, static files uncollected
        "SECRET_KEY": "replica-test-key-" + "0123456789abcdef" * 3,
        "SITE_URL": f"http://127.0.0.1:{port}",
        "SILENCED_SYSTEM_CHECKS": "core.E001",  # a SITE_URL on this machine, on purpose
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "DATABASE_URL": url.format(**databases["primary"]),
        "DATABASE_REPLICA_URLS": url.format(**databases["replica"]),
        "DB_CONN_MAX_AGE": "0",
        "PAGE_CACHE_SECONDS": "0",
        "DATA_CACHE_SECONDS": "0",
        "PAGE_CACHE_VERSION_FILE": str(folder / "version"),
        "MEDIA_ROOT": str(folder / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
    }
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "zhuzhou_tourism.wsgi"]
    with running(gunicorn, port, env=env, log=folder / "gunicorn.log"):
        yield f"http://127.0.0.1:{port}"


class Browser:
    """A client with its own cookies, as one visitor's browser."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=20) as response:
            return response.read().decode()

    def post(self, path, data):
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, body, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=20) as response:
            return response.geturl(), response.read().decode()


def test_visitors_read_the_replica_and_a_booking_reads_its_own_write_on_the_primary(app, databases):
    primary = databases["primary"] | {"dbname": databases["name"]}
    replica = {key: databases["replica"][key] for key in ("host", "port", "user")} | {"dbname": databases["name"]}
    site = make_site(name_zh="旧厂名", slug="replica-works")
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + datetime.timedelta(days=30)
    slot = make_slot(make_programme(site=site, slug="replica-tour"), start=start, capacity=40)
    pgreplica.wait_until_replayed(primary, replica)
    visitor, teacher = Browser(app), Browser(app)
    assert "旧厂名" in visitor.get("/sites/replica-works/")

    pgreplica.primary_query(replica, "SELECT pg_wal_replay_pause()")
    try:
        Site.objects.filter(pk=site.pk).update(name_zh="新厂名")
        assert "旧厂名" in visitor.get("/sites/replica-works/")  # the copy, which has not replayed the change

        form = teacher.get(f"/en/study-tours/replica-tour/book/?slot={slot.pk}")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
        landed, page = teacher.post(
            "/en/study-tours/replica-tour/book/", booking_data(slot) | {"csrfmiddlewaretoken": token}
        )
        booking = Booking.objects.get()
        assert "/received/" in landed and booking.reference in page
        # Bookings are read on the primary by everyone: the places left already count this one.
        assert "18 places left" in visitor.get("/en/study-tours/replica-tour/")
        # The teacher wrote a moment ago: pinned to the primary, they see the change the replica has not replayed.
        assert "新厂名" in teacher.get("/sites/replica-works/")
        assert "旧厂名" in visitor.get("/sites/replica-works/")
    finally:
        pgreplica.primary_query(replica, "SELECT pg_wal_replay_resume()")
    pgreplica.wait_until_replayed(primary, replica)
    assert "新厂名" in visitor.get("/sites/replica-works/")
    assert pgreplica.primary_query(replica, "SELECT pg_is_in_recovery()")[0][0] is True

    databases["replica"]["stop"]()  # the replica goes down: visitors are served from the primary, not a 500
    assert "新厂名" in Browser(app).get("/sites/replica-works/")
