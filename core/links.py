"""Absolute links to the portal, always on its public address (settings.SITE_URL), never on the host a request
came in on: a request with a second allowed host must not put that host in pages the page cache serves to all."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(location):
    if location.startswith(("http://", "https://")):
        return location
    return settings.SITE_URL + "/" + location.lstrip("/")


def site_scheme():
    return urlsplit(settings.SITE_URL).scheme


def site_domain():
    return urlsplit(settings.SITE_URL).netloc


def site_url(request):
    """Context processor: {{ SITE_URL }} in templates."""
    return {"SITE_URL": settings.SITE_URL}
