"""Health probes and request logs: /healthz and /readyz answer a load balancer polling by IP over plain HTTP, cheaply
and never from a cache; every request is logged once, as JSON in production, under a request id."""

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from unittest.mock import patch

import pytest
import redis
from django.db import OperationalError

from bookings import services
from core import health
from tests.test_bookings_helpers import make_slot, service_kwargs

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def production_like(settings):
    """The probe comes from the balancer by IP, over HTTP, where production redirects to HTTPS and refuses hosts."""
    settings.ALLOWED_HOSTS = ["gy.zhuzhou.example"]
    settings.SECURE_SSL_REDIRECT = True
    settings.PAGE_CACHE_SECONDS = 600
    health._last_ready[0] = True


def probe(client, path):
    return client.get(path, HTTP_HOST="10.0.3.7")


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = probe(client, "/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers


def test_readyz_reports_each_part(client, settings):
    response = probe(client, "/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "task_queue"}
    assert all(part["status"] == "ok" and part["ms"] >= 0 for part in body["checks"].values())


def test_readyz_answers_503_naming_the_part_that_is_down(client, caplog):
    with patch("core.health.cache.set", side_effect=redis.ConnectionError("Connection refused")):
        response = probe(client, "/readyz")
        probe(client, "/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["cache"] == {
        "status": "fail",
        "error": "ConnectionError",
        "ms": body["checks"]["cache"]["ms"],
    }
    assert body["checks"]["database"]["status"] == "ok"
    # One line when the process became unready, not one per probe.
    assert [r.getMessage() for r in caplog.records if r.name == "core.health"] == ["Not ready: cache"]
    assert probe(client, "/readyz").status_code == 200


def test_readyz_fails_when_the_database_is_down(client):
    with patch.dict(health.CHECKS, database=_raises(OperationalError("could not connect to server"))):
        response = probe(client, "/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["error"] == "OperationalError"


def test_readyz_tells_how_long_the_oldest_task_has_waited(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["mail", "photos"]}}
    services.create_booking(**service_kwargs(make_slot()))
    queue = probe(client, "/readyz").json()["checks"]["task_queue"]
    assert queue["status"] == "ok" and queue["backend"] == "DatabaseBackend" and queue["oldest_ready_seconds"] >= 0


def test_the_probes_are_never_cached(client):
    assert probe(client, "/readyz").status_code == 200
    with patch("core.health.cache.get", return_value=None):
        assert probe(client, "/readyz").status_code == 503  # answered afresh, not from the page cache


def test_readyz_is_cheap_enough_to_poll_every_second(client):
    probe(client, "/readyz")
    started = time.perf_counter()
    for _ in range(200):
        probe(client, "/readyz")
    per_probe_ms = (time.perf_counter() - started) * 1000 / 200
    print(f"readyz: {per_probe_ms:.2f} ms per probe in process")  # noqa: T201
    assert per_probe_ms < 20


def _raises(error):
    def check():
        raise error

    return check


# Request logs ----------------------------------------------------------------------------------------------------


@pytest.fixture
def request_log(caplog):
    caplog.set_level(logging.INFO, logger="portal.requests")
    return caplog


def _lines(caplog):
    return [record for record in caplog.records if record.name == "portal.requests"]


def test_each_request_is_logged_once_with_its_method_path_status_duration_and_id(client, request_log, settings):
    settings.SECURE_SSL_REDIRECT = False
    response = client.get("/en/sites/?q=x", HTTP_HOST="gy.zhuzhou.example", HTTP_X_REQUEST_ID="lb-7f3a9c")
    assert response["X-Request-ID"] == "lb-7f3a9c"
    [line] = _lines(request_log)
    assert (line.method, line.path, line.status, line.request_id) == ("GET", "/en/sites/", 200, "lb-7f3a9c")
    assert line.duration_ms > 0


@pytest.mark.parametrize("incoming", ["", "two words", "a" * 200, "id\nFAKE LOG LINE"])
def test_a_missing_or_odd_request_id_is_replaced(client, request_log, incoming):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"] != incoming


def test_probes_are_not_logged(client, request_log):
    probe(client, "/healthz")
    probe(client, "/readyz")
    assert _lines(request_log) == []


def test_the_secret_of_a_booking_link_stays_out_of_the_log(client, request_log, settings):
    settings.SECURE_SSL_REDIRECT = False
    booking, _ = services.create_booking(**service_kwargs(make_slot()))
    client.get(booking.manage_path(), HTTP_HOST="gy.zhuzhou.example")
    [line] = _lines(request_log)
    assert booking.secret not in line.path and booking.reference in line.path


def test_production_logs_are_json_lines_with_the_request_id():
    environment = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}}
    environment |= {"SECRET_KEY": "k" * 50, "SITE_URL": "https://gy.zhuzhou.example"}
    script = (
        "import django, logging; django.setup(); from core.requestlog import request_id; request_id.set('abc');"
        "logging.getLogger('bookings').error('Mail failed')"
    )
    environment["DJANGO_SETTINGS_MODULE"] = "zhuzhou_tourism.settings"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["level"] == "ERROR" and line["logger"] == "bookings" and line["message"] == "Mail failed"
    assert line["request_id"] == "abc" and line["time"]
