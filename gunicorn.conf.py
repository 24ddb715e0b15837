"""gunicorn configuration: `gunicorn -c gunicorn.conf.py zhuzhou_tourism.wsgi`.

Values can be overridden with GUNICORN_* environment variables or on the command line.
"""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "sync"
# Sync workers: keep-alive connections would pin a worker; the front proxy keeps them instead.
keepalive = 2
timeout = 30
# Long search queries (a pasted paragraph) must reach Django, which answers with a message, not a 414.
limit_request_line = 8190
graceful_timeout = 20
# Recycling a worker empties its local-memory page cache: keep it rare.
max_requests = 100000
max_requests_jitter = 10000
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
preload_app = True


def when_ready(server):
    """Refuse to serve with a configuration `manage.py check` calls an error (a SITE_URL on localhost in
    production, core.E001): gunicorn runs no system checks of its own."""
    import io

    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    try:
        call_command("check", fail_level="ERROR", stdout=io.StringIO())
    except SystemCheckError as error:
        server.log.error("%s", error)
        raise SystemExit(1) from None


def pre_fork(server, worker):
    """Freeze what the master loaded (preload_app) before forking a worker: a full garbage collection walks every
    object not frozen, and with Django and the app loaded that took 200-480 ms here, during which the worker
    answers nobody. Frozen, with the URLconf and the translations loaded first, a worker's full collection sees
    only what it made itself (15-30 ms); the frozen pages also stay shared between the workers."""
    from django.conf import settings
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018 (imports the URLconf and every view)
    for code, _name in settings.LANGUAGES:
        translation.activate(code)
    translation.deactivate()
    gc.collect()
    gc.freeze()
