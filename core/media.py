"""Serving uploaded files when no front server does (SERVE_MEDIA), and renditions made on first request."""

import re

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import Http404
from django.views.static import serve

from core import images

RENDITION = re.compile(r"renditions/(?P<stem>(?:[\w.-]+/)*[\w.-]+)-(?P<width>\d+)\.(?P<ext>jpg|webp)")
FORMAT_OF_EXTENSION = {ext: fmt for fmt, (ext, _pil, _options) in images.FORMATS.items()}


def serve_media(request, path):
    # MEDIA_ROOT read per request, not when the URLconf was imported, so a changed setting is what gets served.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def serve_rendition(request, path):
    """A rendition from disk; one that is missing is made first, from its original. Bounded: only the widths and
    formats pages link to, only for originals that exist, one rendition per request."""
    match = RENDITION.fullmatch(path)
    if match is None or {".", ".."} & set(path.split("/")) or int(match["width"]) not in images.WIDTHS:
        raise Http404
    if not default_storage.exists(path):
        original = images.original_of(match["stem"])
        if original is None:
            raise Http404
        images.make_renditions(original, wanted={(int(match["width"]), FORMAT_OF_EXTENSION[match["ext"]])})
    return serve_media(request, path)
