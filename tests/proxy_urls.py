"""The portal's URLs and, for tests/test_nginx.py only, a page that reports the client's address as the rate
limits and the sign-in lockout see it."""

from django.conf import settings
from django.http import JsonResponse
from django.urls import path
from django.utils.module_loading import import_string

from core.ratelimit import client_address
from zhuzhou_tourism.urls import urlpatterns as portal


def client(request):
    return JsonResponse(
        {
            "rate_limits": client_address(request),
            "lockout": import_string(settings.AXES_CLIENT_IP_CALLABLE)(request),
            "remote_addr": request.META.get("REMOTE_ADDR"),
        }
    )


urlpatterns = [path("test-client/", client), *portal]
