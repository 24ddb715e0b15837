"""The benchmark's WSGI application: the portal, and the floor view behind Django's default middleware only.

The floor measures what Django itself costs on this server (a view rendering a 20 KB template with the
middleware `startproject` sets up), not the portal's own stack (CSP, WhiteNoise, locale, axes, history), so a page's
ratio counts everything the portal adds."""

import os

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

FLOOR_PATH = "/_bench/floor/"
# What `django-admin startproject` puts in MIDDLEWARE.
DEFAULT_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

portal = get_wsgi_application()


class FloorHandler(WSGIHandler):
    def load_middleware(self, is_async=False):
        portal_middleware = settings.MIDDLEWARE
        settings.MIDDLEWARE = DEFAULT_MIDDLEWARE
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = portal_middleware


floor = FloorHandler()


def application(environ, start_response):
    handler = floor if environ.get("PATH_INFO") == FLOOR_PATH else portal
    return handler(environ, start_response)
