"""Serving uploaded files when no front server does (SERVE_MEDIA), and renditions made on first request.

On the local disk Django serves the file itself. On object storage (MEDIA_STORAGE=s3) it answers with a redirect to
the file's address there, which browsers keep for a day, so the bytes never pass through a worker."""

import re

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.views.static import serve

from core import images
from core.storage import is_local

RENDITION = re.compile(r"renditions/(?P<stem>(?:[\w.-]+/)*[\w.-]+)-(?P<width>\d+)\.(?P<ext>jpg|webp)")
FORMAT_OF_EXTENSION = {ext: fmt for fmt, (ext, _pil, _options) in images.FORMATS.items()}
REDIRECT_MAX_AGE = 24 * 3600


def serve_media(request, path):
    if {".", ".."} & set(path.split("/")):
        raise Http404
    if is_local(default_storage):
        # MEDIA_ROOT read per request, not when the URLconf was imported, so a changed setting is what gets served.
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    response = HttpResponseRedirect(default_storage.url(path))
    patch_cache_control(response, public=True, max_age=REDIRECT_MAX_AGE)
    return response


def serve_rendition(request, path):
    """A rendition from the storage; one that is missing is made first, from its original. Bounded: only the widths
    and formats pages link to, only for originals that exist, one rendition per request."""
    match = RENDITION.fullmatch(path)
    if match is None or {".", ".."} & set(path.split("/")) or int(match["width"]) not in images.WIDTHS:
        raise Http404
    if not _stored(path):
        original = images.original_of(match["stem"])
        if original is None:
            raise Http404
        images.make_renditions(original, wanted={(int(match["width"]), FORMAT_OF_EXTENSION[match["ext"]])})
    return serve_media(request, path)


def _stored(path):
    """Whether the rendition exists: a stat on the local disk; on object storage a request to it, remembered in the
    cache (deleting the photo forgets it, core.images.delete_with_renditions)."""
    if is_local(default_storage):
        return default_storage.exists(path)
    key = images.RENDITION_KNOWN.format(path)
    if cache.get(key):
        return True
    if default_storage.exists(path):
        cache.set(key, True, REDIRECT_MAX_AGE)
        return True
    return False
