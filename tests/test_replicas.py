"""The read-replica router (core.replicas), request by request: which reads may go to a replica, and what pins a
client to the primary. tests/test_replica_postgres.py proves it against a real streaming replica."""

import pytest
from django.db import OperationalError, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from bookings.models import Booking, TimeSlot
from core import replicas
from sites.models import Site

router = replicas.ReplicaRouter()


class FakeReplica:
    """Stands for the replica's connection: answers, or refuses like a server that is down."""

    def __init__(self):
        self.up, self.attempts = True, 0

    def close_if_health_check_failed(self):
        pass

    def ensure_connection(self):
        self.attempts += 1
        if not self.up:
            raise OperationalError("connection refused")


@pytest.fixture
def replica1():
    return FakeReplica()


@pytest.fixture
def middleware(monkeypatch, replica1):
    monkeypatch.setattr(replicas, "replica_aliases", lambda: ["replica1"])
    monkeypatch.setattr(replicas, "connections", {"default": replicas.connections["default"], "replica1": replica1})
    monkeypatch.setattr(replicas, "_down_until", {})

    def build(view):
        return replicas.ReplicaMiddleware(lambda request: view(request) or HttpResponse("ok"))

    return build


def _serve(middleware, request, during=lambda: None):
    seen = {}

    def view(request):
        seen["site"] = router.db_for_read(Site)
        seen["slot"] = router.db_for_read(TimeSlot)
        during()
        seen["site after"] = router.db_for_read(Site)

    seen["response"] = middleware(view)(request)
    return seen


def test_a_visitors_public_page_reads_content_from_a_replica_and_bookings_from_the_primary(middleware):
    seen = _serve(middleware, RequestFactory().get("/sites/"))
    assert (seen["site"], seen["slot"], seen["site after"]) == ("replica1", "default", "replica1")
    assert "primary" not in seen["response"].cookies


@pytest.mark.django_db(transaction=True)  # not inside the test's own transaction
def test_reads_inside_a_transaction_go_to_the_primary(middleware):
    def in_transaction():
        with transaction.atomic():
            assert router.db_for_read(Site) == "default"

    assert _serve(middleware, RequestFactory().get("/"), in_transaction)["site after"] == "replica1"


def test_after_a_write_the_request_reads_the_primary_and_its_client_is_pinned(middleware, settings):
    seen = _serve(middleware, RequestFactory().get("/"), lambda: router.db_for_write(Booking))
    assert (seen["site"], seen["site after"]) == ("replica1", "default")
    cookie = seen["response"].cookies["primary"]
    assert cookie["max-age"] == settings.DATABASE_REPLICA_PIN_SECONDS and cookie["httponly"]


def test_a_post_reads_the_primary_and_pins_its_client(middleware):
    seen = _serve(middleware, RequestFactory().post("/study-tours/x/book/"))
    assert seen["site"] == "default" and "primary" in seen["response"].cookies


@pytest.mark.parametrize(
    "request_",
    [
        RequestFactory().get("/sites/", HTTP_COOKIE="primary=1"),  # wrote a few seconds ago
        RequestFactory().get("/sites/", HTTP_COOKIE="sessionid=abc"),  # staff: edits and previews
        RequestFactory().get("/admin/sites/site/"),
        RequestFactory().get("/en/admin/"),
    ],
    ids=["pinned", "session", "admin", "english admin"],
)
def test_these_requests_read_only_the_primary(middleware, request_):
    seen = _serve(middleware, request_)
    assert (seen["site"], seen["slot"], seen["site after"]) == ("default",) * 3


def test_outside_a_request_everything_reads_the_primary_and_only_the_primary_migrates():
    assert router.db_for_read(Site) == "default" and router.db_for_write(Site) == "default"
    assert router.allow_migrate("default", "sites") and not router.allow_migrate("replica1", "sites")


def test_the_state_of_one_request_does_not_leak_into_the_next(middleware):
    _serve(middleware, RequestFactory().get("/"), lambda: router.db_for_write(Booking))
    assert _serve(middleware, RequestFactory().get("/"))["site after"] == "replica1"
    assert router.db_for_read(Site) == "default"


def test_what_a_replica_read_just_after_a_change_is_not_cached_under_the_new_version(middleware, settings):
    """A replica a moment behind would give the old rows; kept under the new version they would stay for an hour."""
    from core.pagecache import bump_content_version, cached_for_content

    settings.DATA_CACHE_SECONDS = 3600
    bump_content_version()
    built = []

    def page(request):
        cached_for_content("replica-test", lambda: built.append(1) or "x")

    for _ in range(2):
        middleware(page)(RequestFactory().get("/"))
    assert len(built) == 2  # read from a replica inside the lag window: built each time, kept never
    middleware(page)(RequestFactory().get("/", HTTP_COOKIE="primary=1"))
    middleware(page)(RequestFactory().get("/"))
    assert len(built) == 3  # the primary's read is kept, and served to the replica's reader
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 0
    bump_content_version()
    middleware(page)(RequestFactory().get("/"))
    middleware(page)(RequestFactory().get("/"))
    assert len(built) == 4  # outside the window, a replica's read is kept too


def test_a_replica_that_is_down_sends_visitors_to_the_primary_and_is_tried_again_later(middleware, replica1, caplog):
    replica1.up = False
    assert _serve(middleware, RequestFactory().get("/sites/"))["site"] == "default"
    assert "unreachable" in caplog.text
    assert _serve(middleware, RequestFactory().get("/sites/"))["site"] == "default"
    assert replica1.attempts == 1  # left out for a while: one failed connection, not one per request
    replica1.up = True
    replicas._down_until["replica1"] = 0  # the retry time has come
    assert _serve(middleware, RequestFactory().get("/sites/"))["site"] == "replica1"
