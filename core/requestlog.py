"""One log line per request (method, path, status, duration) under a request id: the X-Request-ID a front proxy
sent, when it looks like one, or a new one; returned in the response's X-Request-ID and added to every log record
written during the request (RequestIdFilter), so a traceback can be found from the line of its request."""

import contextvars
import logging
import re
import time
import uuid

from core.health import PATHS as HEALTH_PATHS

logger = logging.getLogger("portal.requests")
request_id = contextvars.ContextVar("request_id", default="-")

# What a proxy's id may look like; anything else (too long, spaces, newlines) is replaced, never logged.
ACCEPTED_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# Path parameters that carry a secret: the booking manage link, the password reset link.
SECRET_PARTS = ("secret", "token", "uidb64")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        current = incoming if ACCEPTED_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = request_id.set(current)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = current
            # Probes every second would drown the rest.
            if request.path_info not in HEALTH_PATHS and logger.isEnabledFor(logging.INFO):
                path = _loggable_path(request)
                logger.info(
                    "%s %s %s",
                    request.method,
                    path,
                    response.status_code,
                    extra={
                        "method": request.method,
                        "path": path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
            return response
        finally:
            request_id.reset(token)


def _loggable_path(request):
    """The path without the query string and with secrets cut out of it."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    for name in SECRET_PARTS:
        value = match.kwargs.get(name) if match else None
        if value:
            path = path.replace(str(value), "…")
    return path
