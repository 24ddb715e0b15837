"""Two app servers (two gunicorn processes on different ports) and a task worker sharing one PostgreSQL and one
Redis: a visitor's session, the sign-in lockout, the booking rate limit and the page cache's invalidation hold across
both, and the worker sends the mail a server queued. Needs PostgreSQL (DATABASE_URL) and Redis (TEST_REDIS_URL,
default redis://127.0.0.1:6379/7); skipped without them."""

import datetime
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import redis
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from bookings.models import Booking, BookingMail
from core.models import PostCount
from tests.test_bookings_helpers import booking_data, make_programme, make_slot

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
PORTS = (8711, 8712)
PASSWORD = "a-long-password-1"
SERVER_ENV = {}  # what the servers run with, for the commands a test runs beside them

pytestmark = pytest.mark.django_db(transaction=True)


def _redis_or_skip():
    try:
        client = redis.Redis.from_url(REDIS_URL)
        client.ping()
    except redis.RedisError:
        pytest.skip(f"Redis is not reachable at {REDIS_URL} (set TEST_REDIS_URL)")
    return client


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory):
    if connection.vendor != "postgresql":
        pytest.skip("two app servers need a database server: run with DATABASE_URL=postgres://…")
    _redis_or_skip().flushdb()
    database = connection.settings_dict
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"} | {
        "DJANGO_SETTINGS_MODULE": "tests.server_settings",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": "two-servers-" + "0123456789abcdef" * 3,
        "SITE_URL": "https://gy.zhuzhou.example",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "PAGE_CACHE_SECONDS": "600",
        "BOOKING_RATE_LIMIT_POSTS": "4",
        "BOOKING_TRUST_X_FORWARDED_FOR": "1",
        "AXES_FAILURE_LIMIT": "3",
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "LOG_LEVEL": "ERROR",
        "REQUEST_LOG_LEVEL": "WARNING",
    }
    SERVER_ENV.update(env)
    processes = []
    for port in PORTS:
        server_env = env | {
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
            # Each server its own version file: invalidation can only reach the other through Redis.
            "PAGE_CACHE_VERSION_FILE": str(tmp_path_factory.mktemp(f"server-{port}") / "content-version"),
        }
        command = [Path(sys.executable).parent / "gunicorn", "-c", "gunicorn.conf.py", "zhuzhou_tourism.wsgi"]
        processes.append(subprocess.Popen(command, cwd=ROOT, env=server_env, stderr=subprocess.DEVNULL))
    worker = [sys.executable, "manage.py", "db_worker", "--queue-name", "mail,photos", "--interval", "0.2"]
    processes.append(subprocess.Popen([*worker, "--no-reload"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL))
    try:
        for port in PORTS:
            _wait_for(f"http://127.0.0.1:{port}/healthz")
        yield [f"http://127.0.0.1:{port}" for port in PORTS]
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)


def _wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


class Browser:
    """One visitor: cookies kept across both servers (cookies belong to the host, not the port), no redirects."""

    def __init__(self, address="203.0.113.1"):
        self.jar = http.cookiejar.CookieJar()
        self.address = address

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, url, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"X-Forwarded-For": self.address})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers

    def csrf_token(self):
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def sign_in(self, server, username, password):
        self.request(f"{server}/admin/login/")
        form = {"username": username, "password": password, "csrfmiddlewaretoken": self.csrf_token(), "next": "/admin/"}
        return self.request(f"{server}/admin/login/?next=/admin/", form)


def _page(url):
    """A visitor without a session, as the page cache serves them."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def _places_left(html):
    return [int(n) for n in re.findall(r"(\d+) places left", html)]


def test_both_servers_are_ready_on_the_shared_database_cache_and_queue(servers):
    for server in servers:
        with urllib.request.urlopen(f"{server}/readyz", timeout=10) as response:
            checks = json.load(response)["checks"]
        assert checks["cache"]["backend"] == "RedisCache"
        assert checks["task_queue"]["backend"] == "DatabaseBackend"


def test_signed_in_on_one_server_is_signed_in_on_the_other(servers):
    one, other = servers
    User.objects.create_user("editor", "editor@bureau.example", PASSWORD, is_staff=True, is_superuser=True)
    browser = Browser()
    status, _body, headers = browser.sign_in(one, "editor", PASSWORD)
    assert status == 302 and headers["Location"] == "/admin/", re.findall(r"errornote.*|errorlist.*", _body)
    status, body, _headers = browser.request(f"{other}/admin/")
    assert status == 200 and "editor" in body and 'name="password"' not in body
    assert redis.Redis.from_url(REDIS_URL).keys("*sessions.cached_db*")  # read from Redis, kept in the table too
    # Signing out on the second ends the session on the first.
    browser.request(f"{other}/admin/logout/", {"csrfmiddlewaretoken": browser.csrf_token()})
    status, _body, headers = browser.request(f"{one}/admin/")
    assert status == 302 and "/admin/login/" in headers["Location"]


def test_failed_sign_ins_on_both_servers_add_up_to_one_lockout(servers):
    one, other = servers
    User.objects.create_user("operator", "operator@site.example", PASSWORD, is_staff=True)
    browser = Browser("203.0.113.2")
    statuses = [browser.sign_in(server, "operator", "wrong password")[0] for server in (one, other, one)]
    assert statuses == [200, 200, 429]  # AXES_FAILURE_LIMIT=3, counted on both together
    assert browser.sign_in(other, "operator", PASSWORD)[0] == 429  # the right password, too late
    assert AccessAttempt.objects.count() == 0  # counted in Redis, not in the table
    # Staff unlock it from the command line. The lockout counts the visitor's own address, the one the proxy
    # forwarded (core.ratelimit.client_address, AXES_CLIENT_IP_CALLABLE), not the proxy's 127.0.0.1.
    command = [sys.executable, "manage.py", "axes_reset_ip_username", "203.0.113.2", "operator"]
    subprocess.run(command, cwd=ROOT, env=SERVER_ENV, check=True, capture_output=True, timeout=60)
    assert browser.sign_in(one, "operator", PASSWORD)[0] == 302


def test_booking_posts_on_both_servers_count_against_one_limit(servers):
    one, other = servers
    slot = make_slot(start=timezone.now() + datetime.timedelta(days=20))
    path = f"/en/study-tours/{slot.programme.slug}/book/"
    browser = Browser("203.0.113.3")
    browser.request(f"{one}{path}")
    form = {"slot": slot.pk, "teachers": "0", "csrfmiddlewaretoken": browser.csrf_token()}  # refused by the form
    statuses = [browser.request(f"{servers[n % 2]}{path}", form)[0] for n in range(8)]
    assert statuses == [200, 200, 200, 200, 429, 429, 429, 429]  # BOOKING_RATE_LIMIT_POSTS=4 for both together
    assert PostCount.objects.count() == 0  # counted in Redis, not in the table
    stranger = Browser("203.0.113.4")  # another address: its own count
    stranger.request(f"{other}{path}")
    assert stranger.request(f"{other}{path}", form | {"csrfmiddlewaretoken": stranger.csrf_token()})[0] == 200


def test_a_booking_through_one_server_updates_the_others_cached_page_and_the_worker_mails_it(servers):
    one, other = servers
    programme = make_programme(booking_email="desk@site.example")
    slot = make_slot(programme, start=timezone.now() + datetime.timedelta(days=20), capacity=60)
    page = f"/en/study-tours/{programme.slug}/"
    assert _places_left(_page(f"{other}{page}")) == [60]
    assert _places_left(_page(f"{other}{page}")) == [60]  # now from the page cache, in Redis
    assert any(key.startswith(b":1:pagecache:") for key in redis.Redis.from_url(REDIS_URL).keys("*pagecache*"))

    browser = Browser("203.0.113.5")
    browser.request(f"{one}/en/study-tours/{programme.slug}/book/?slot={slot.pk}")
    form = booking_data(slot) | {"csrfmiddlewaretoken": browser.csrf_token()}
    status, body, _headers = browser.request(f"{one}/en/study-tours/{programme.slug}/book/", form)
    assert status == 302, body[:2000]
    assert _places_left(_page(f"{other}{page}")) == [38]  # 60 - 22, on the other server at once

    booking = Booking.objects.get()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and BookingMail.objects.filter(booking=booking, status="sent").count() < 2:
        time.sleep(0.3)
    assert set(BookingMail.objects.filter(booking=booking).values_list("kind", "status")) == {
        ("requested", "sent"),
        ("new_request_staff", "sent"),
    }
