"""Read replicas (DATABASE_REPLICA_URLS): public pages read from a replica, everything else from the primary.

A request may read from a replica only when it is a GET or HEAD from a visitor without a session (staff, who edit
and preview, always see the primary), outside the back office, and from a client that has not written in the last
few seconds: a POST (a booking, a cancellation) sets a short-lived cookie that pins that client to the primary, so
the page it lands on shows its own write. Inside such a request, a write, a read in a transaction and any read of a
primary-only app (bookings: places must never be counted on a copy that lags) go to the primary, and once the
request has written, all its reads do. Commands, tasks and anything outside a request read the primary.
"""

import contextvars
import logging
import random
import time

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)
REPLICA_RETRY_SECONDS = 30
# Replicas that failed to connect, and until when (monotonic) this process leaves them out.
_down_until = {}

PIN_COOKIE = "primary"
# The replica this request reads from (picked at its start), or None for the primary only.
_replica = contextvars.ContextVar("replica", default=None)
# Set by the first write of a request: its client is then pinned to the primary for a few seconds.
_wrote = contextvars.ContextVar("wrote", default=None)


def reading_replica():
    """Whether this request's reads of content go to a replica (core.pagecache keeps nothing it read too soon)."""
    return _replica.get() is not None


def replica_aliases():
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        replica = _replica.get()
        if replica is None or model._meta.app_label in settings.DATABASE_PRIMARY_ONLY_APPS:
            return "default"
        if connections["default"].in_atomic_block:
            return "default"
        return replica

    def db_for_write(self, model, **hints):
        if _replica.get() is not None:
            _replica.set(None)  # this request has written: its later reads see what it wrote
        if (wrote := _wrote.get()) is not None:
            wrote.append(model._meta.label)
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"


class ReplicaMiddleware:
    """Chooses, per request, whether its reads may go to a replica; pins a client that wrote to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.replicas = replica_aliases()

    def __call__(self, request):
        token = _replica.set(self._pick() if self._may_use_replica(request) else None)
        wrote = _wrote.set([])
        try:
            response = self.get_response(request)
            writes = _wrote.get()
        finally:
            _replica.reset(token)
            _wrote.reset(wrote)
        if writes or request.method not in ("GET", "HEAD", "OPTIONS"):
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def _pick(self):
        """A replica that answers, or None (the primary) when none does. One that fails to connect is left out for
        REPLICA_RETRY_SECONDS, so a replica that is down costs one failed connection per worker, not a 500."""
        now = time.monotonic()
        for alias in random.sample(self.replicas, len(self.replicas)):
            if _down_until.get(alias, 0) > now:
                continue
            try:
                connections[alias].close_if_health_check_failed()  # a kept connection to a replica since gone
                connections[alias].ensure_connection()
            except DatabaseError:
                logger.warning("Read replica %s is unreachable; reading from the primary", alias, exc_info=True)
                _down_until[alias] = now + REPLICA_RETRY_SECONDS
                continue
            return alias
        return None

    def _may_use_replica(self, request):
        return bool(
            self.replicas
            and request.method in ("GET", "HEAD")
            and PIN_COOKIE not in request.COOKIES
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.lstrip("/").removeprefix("en/").startswith(settings.ADMIN_URL)
        )
