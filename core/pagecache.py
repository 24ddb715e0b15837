"""Whole-page cache for anonymous visitors, invalidated by what changed.

Pages are stored under their full path (the language is part of it) with the versions they were rendered at. A
list page (directories, home, calendar, map) depends on a part of the content (CATALOGUE, BOOKINGS): any save or
delete there bumps its version (core.signals). A detail page (`cache_public_page(detail=True)`) depends only on
the rows it showed: every content row loaded while it renders is recorded (a `post_init` receiver) and each has
its own version, which a save or delete of the row, or of a row pointing at it (a photo, a date, an event at a
site), bumps. So an edit to one site empties its page, the pages that show it as a card and the lists, not the
pages of the other 9,999 sites. A detail page learns of a new neighbour (a new event nearby) when it expires
(PAGE_CACHE_SECONDS).

Versions live in the shared cache when it is Redis; with the local-memory cache each gunicorn worker has its own
cache, so a version is the content of a file that all workers on the machine can read (none until first bumped).
"""

import hashlib
import os
import tempfile
import time
from functools import partial, wraps
from pathlib import Path

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from core.replicas import reading_replica

VERSION_KEY = "pagecache:version"
# Content is versioned in two parts: the catalogue (sites, heritage, events, routes) and study tours with their
# slots and bookings, which change with every booking and show on few pages. What shows no study tour can ignore
# the second part, so a booking does not empty the directories, the map or the event pages.
CATALOGUE, BOOKINGS = "catalogue", "bookings"
EVERYTHING = (CATALOGUE, BOOKINGS)


def _shared_cache():
    return "redis" in settings.CACHES["default"]["BACKEND"].lower()


def _version_file(part):
    path = Path(settings.PAGE_CACHE_VERSION_FILE)
    if part == CATALOGUE:
        return path
    if part in EVERYTHING:
        return path.with_name(f"{path.name}.{part}")
    return path.with_name(f"{path.name}.rows") / part  # a row's tag: one file each, beside the parts


def _version_key(part):
    return VERSION_KEY if part == CATALOGUE else f"{VERSION_KEY}:{part}"


def row_tag(model, pk):
    """The name of one content row's version: `sites.site.42`."""
    return f"{model._meta.label_lower}.{pk}"


def row_versions(tags):
    """The current versions of rows' tags, "" for a row never changed. One Redis round trip, or a file each."""
    if _shared_cache():
        found = cache.get_many([_version_key(tag) for tag in tags])
        return {tag: str(found.get(_version_key(tag), "")) for tag in tags}
    return {tag: _read_file(_version_file(tag)) for tag in tags}


def bump_rows(tags):
    for tag in tags:
        _bump(tag)


# The versions read during the current request: a page asks for them once per cached part, and each read is a file
# read or a Redis round trip. None outside requests, where every call reads afresh.
_request = Local()


def remember_versions_for_the_request(**kwargs):
    _request.versions = {}


def forget_versions(**kwargs):
    _request.versions = None


def _version(part):
    versions = getattr(_request, "versions", None)
    if versions is None:
        return _read_version(part)
    if part not in versions:
        versions[part] = _read_version(part)
    return versions[part]


def _read_version(part):
    if _shared_cache():
        key = _version_key(part)
        version = cache.get(key)
        if version is None:
            cache.add(key, time.time_ns(), None)
            version = cache.get(key)
        return str(version)
    # The file's content, not its mtime: file systems that keep times to a clock tick (a few ms) would give two
    # changes in a row the same version.
    return _read_file(_version_file(part))


def _read_file(path):
    try:
        return path.read_text()
    except FileNotFoundError:
        return ""


def content_version(parts=EVERYTHING):
    return "|".join(_version(part) for part in parts)


def bump_content_version(parts=EVERYTHING):
    for part in parts:
        _bump(part)


def _bump(part):
    if getattr(_request, "versions", None):
        _request.versions.pop(part, None)  # a request that changes content reads its own change
    if _shared_cache():
        cache.set(_version_key(part), time.time_ns(), None)
        return
    path = _version_file(part)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed, so a reader never sees the file empty.
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w") as handle:
        handle.write(str(time.time_ns()))
    os.replace(temporary, path)


def cached_for_content(key, build, timeout=None, parts=EVERYTHING):
    """`build()`, kept in the cache until content changes: for what pages are made of and is costly to make
    (list counts, rendered card grids, the map's GeoJSON). Independent of the page cache; off when
    DATA_CACHE_SECONDS is 0. `key` must name everything the value depends on besides content (language, filters,
    the minute for what depends on the time); `parts=(CATALOGUE,)` for what shows no study tour."""
    if settings.DATA_CACHE_SECONDS <= 0:
        return build()
    key = "content:" + key
    version = content_version(parts)
    entry = cache.get(key)
    if entry and entry[0] == version:
        _record_rows(entry[2])  # the rows it was built from are rows the page shows
        return entry[1]
    with _recording_rows() as shown:
        value = build()
    if settled(version):
        cache.set(key, (version, value, frozenset(shown)), timeout or settings.DATA_CACHE_SECONDS)
    return value


def settled(version):
    """False while a read replica may not yet have replayed the change that made `version` (younger than
    DATABASE_REPLICA_MAX_LAG_SECONDS) and this request reads from one: what it read may predate the change, so it
    is not kept under the new version. The next request after the window keeps it. `version` is a content version
    ("a|b") or the versions a page was stored with ({part or row: version})."""
    if not reading_replica():
        return True
    values = version.values() if isinstance(version, dict) else version.split("|")
    newest = max((int(part) for part in values if part.isdigit()), default=0)
    return time.time_ns() - newest > settings.DATABASE_REPLICA_MAX_LAG_SECONDS * 1_000_000_000


def this_minute():
    """Now, to the minute: part of the cache key of data that depends on the time (upcoming dates, open now),
    which is then at most a minute late."""
    return timezone.now().replace(second=0, microsecond=0)


def vary_key(*parts):
    """A short cache-key fragment for any values with a stable repr (strings, numbers, dates, sorted items)."""
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def _cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and not _PRIVATE.intersection(_directives(response))
    )


_PRIVATE = {"private", "no-store", "no-cache"}


def _directives(response):
    return {part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")}


def cache_public_page(view=None, *, detail=False):
    """Serve the page from the cache to visitors without a session; answer conditional GETs with 304.

    A list page is stale after any content change; a `detail` page only after a change to a row it showed."""
    if view is None:
        return partial(cache_public_page, detail=detail)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = "pagecache:" + hashlib.sha1(request.get_full_path().encode()).hexdigest()
        entry = cache.get(key)
        if entry and entry[0] == _versions(entry[0]):
            response = HttpResponse(entry[1], content_type=entry[2])
            response["ETag"] = entry[3]
        else:
            versions = {} if detail else {part: _version(part) for part in EVERYTHING}
            with _recording_rows() as shown:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
            if not _cacheable_response(response):
                return response
            if detail:
                versions = row_versions(sorted(shown))
            if not settled(versions):
                return response
            set_response_etag(response)
            cache.set(
                key,
                (versions, response.content, response["Content-Type"], response["ETag"]),
                settings.PAGE_CACHE_SECONDS,
            )
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_BROWSER_SECONDS)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    return wrapped


def _versions(stored):
    """The current versions of what a cached page was stored with (its parts, or its rows)."""
    parts = [name for name in stored if name in EVERYTHING]
    current = {part: _version(part) for part in parts}
    rows = [name for name in stored if name not in EVERYTHING]
    return {**current, **(row_versions(rows) if rows else {})}


class _recording_rows:
    """Collects the tags of the content rows loaded while a page or a part of it renders
    (core.signals.record_shown_row). Nested, the inner rows count for the outer too."""

    def __enter__(self):
        self.previous = getattr(_request, "shown", None)
        _request.shown = set()
        return _request.shown

    def __exit__(self, *exc):
        if self.previous is not None:
            self.previous.update(_request.shown)
        _request.shown = self.previous


def record_row(model, pk):
    shown = getattr(_request, "shown", None)
    if shown is not None and pk is not None:
        shown.add(row_tag(model, pk))


def _record_rows(tags):
    shown = getattr(_request, "shown", None)
    if shown is not None:
        shown.update(tags)
