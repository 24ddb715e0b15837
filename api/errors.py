"""One JSON shape for every error the API gives, whatever raised it:

    {"status": 400, "code": "invalid_parameter", "message": "…", "errors": {"level": ["…"]}}

`errors` names each bad parameter with its messages (empty for errors that are not about a parameter). Messages
are in the language asked for. Unknown addresses under /api/ and server errors answer in the same shape, never with
the portal's HTML pages (zhuzhou_tourism.views sends them here).
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    429: "throttled",
    500: "server_error",
}


def body(status_code, message, errors=None, code=None):
    return {
        "status": status_code,
        "code": code or CODES.get(status_code, "error"),
        "message": str(message),
        "errors": errors or {},
    }


def _messages(detail):
    """{parameter: [messages]} from a ValidationError's detail, however it is nested."""
    if isinstance(detail, dict):
        return {str(name): [str(item) for item in _flat(value)] for name, value in detail.items()}
    return {"non_field_errors": [str(item) for item in _flat(detail)]}


def _flat(value):
    if isinstance(value, dict):
        return [item for nested in value.values() for item in _flat(nested)]
    if isinstance(value, list | tuple):
        return [item for nested in value for item in _flat(nested)]
    return [value]


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        message = _("A query parameter is not valid; see errors.")
        response.data = body(400, message, _messages(exc.detail), code="invalid_parameter")
    elif isinstance(exc, exceptions.Throttled):
        wait = exc.wait or 1
        message = _("Too many requests from this client. Try again in %(seconds)d seconds.") % {"seconds": wait}
        response.data = body(429, message)
    elif isinstance(exc, exceptions.NotFound | exceptions.MethodNotAllowed | exceptions.NotAcceptable):
        response.data = body(response.status_code, exc.detail)
    else:
        response.data = body(response.status_code, getattr(exc, "detail", _("The request cannot be answered.")))
    response["Cache-Control"] = "no-store"
    return response


def json_not_found(request):
    response = JsonResponse(body(404, _("There is nothing at this address. See /api/v1/schema/.")), status=404)
    response["Cache-Control"] = "no-store"
    return response


def json_bad_request(request):
    response = JsonResponse(body(400, _("The request cannot be read (a bad host name or header).")), status=400)
    response["Cache-Control"] = "no-store"
    return response


def json_server_error(request):
    return JsonResponse(body(500, _("Something went wrong on the server; it has been logged.")), status=500)
