"""/healthz (the process answers) and /readyz (what a request needs is reachable), for load balancers and
orchestrators polling every second. Answered by a middleware at the top of the stack, before host validation, the
HTTPS redirect, sessions, the page cache, rate limits and the request log: a probe comes by IP over plain HTTP and
must cost almost nothing."""

import logging
import os
import time

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connections
from django.http import JsonResponse
from django.tasks import task_backends
from django.utils import timezone

PATHS = {"/healthz", "/readyz"}
logger = logging.getLogger(__name__)


def healthz():
    return _json({"status": "ok"}, 200)


def readyz():
    checks = {name: _timed(check) for name, check in CHECKS.items()}
    ready = all(part["status"] == "ok" for part in checks.values())
    _log_change(ready, checks)
    response = _json({"status": "ok" if ready else "fail", "checks": checks}, 200 if ready else 503)
    response._has_been_logged = True  # not one error line per probe per second: _log_change says it once
    return response


_last_ready = [True]


def _log_change(ready, checks):
    """Log when this process becomes unready or ready again, not at every probe."""
    if ready != _last_ready[0]:
        failing = sorted(name for name, part in checks.items() if part["status"] != "ok")
        if ready:
            logger.warning("Ready again")
        else:
            logger.error("Not ready: %s", ", ".join(failing), extra={"checks": checks})
        _last_ready[0] = ready


def _json(data, status):
    response = JsonResponse(data, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _timed(check):
    started = time.perf_counter()
    try:
        detail = check() or {}
    except Exception as error:  # any failure means "not ready"; the kind of error is enough to start looking
        detail = {"status": "fail", "error": type(error).__name__}
    return {"status": "ok", **detail, "ms": round((time.perf_counter() - started) * 1000, 2)}


def _databases():
    for alias in settings.DATABASES:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
    return {"aliases": list(settings.DATABASES)}


def _cache():
    cache.set("health:ping", 1, 30)
    if cache.get("health:ping") != 1:
        return {"status": "fail", "error": "value not kept"}
    return {"backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def _storage():
    """Media storage: a local folder that is writable, or any other storage (S3) that answers a lookup."""
    if getattr(default_storage, "base_location", None) is not None:
        os.makedirs(default_storage.location, exist_ok=True)  # as the first upload would
        if not os.access(default_storage.location, os.W_OK):
            return {"status": "fail", "error": "media folder read-only"}
    else:
        default_storage.exists("healthz")
    return {"backend": default_storage.__class__.__name__}


def _task_queue():
    """The queue's table answers; how long the oldest ready task has waited tells whether the workers keep up
    (reported, not failed on: a stopped worker should not take every app server out of the load balancer)."""
    backend = task_backends["default"].__class__.__name__
    if backend != "DatabaseBackend":
        return {"backend": backend}
    from django_tasks_db.models import DBTaskResult

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    waited = round((timezone.now() - oldest).total_seconds()) if oldest else 0
    return {"backend": backend, "oldest_ready_seconds": waited}


CHECKS = {"database": _databases, "cache": _cache, "storage": _storage, "task_queue": _task_queue}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz()
        if request.path_info == "/readyz":
            return readyz()
        return self.get_response(request)
