"""Serving uploaded files when no front server does (SERVE_MEDIA)."""

from django.conf import settings
from django.views.static import serve


def serve_media(request, path):
    # MEDIA_ROOT read per request, not when the URLconf was imported, so a changed setting is what gets served.
    return serve(request, path, document_root=settings.MEDIA_ROOT)
