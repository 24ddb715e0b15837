"""Storages: static files, and uploads on the local disk."""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils._os import safe_join
from django.utils.functional import cached_property
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed, hashed files, remembering each file's URL: every page asks for the same few, and
    working one out (cleaning the name, looking it up in the manifest, quoting it) took 20 µs each time."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force=True)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url


class RenditionsReplace:
    """Renditions are named after their original: a second copy of one (two requests making it at once) replaces
    the first instead of landing beside it under another name. Originals never replace: a new one gets a free
    name."""

    def get_available_name(self, name, max_length=None):
        if str(name).startswith(RENDITIONS):
            return str(name)
        return super().get_available_name(name, max_length)


RENDITIONS = "renditions/"


class MediaStorage(RenditionsReplace, FileSystemStorage):
    """Uploads on the local disk (MEDIA_ROOT). A rendition is written under a temporary name, then renamed, so a
    request meanwhile (nginx included) finds the whole file or none."""

    def _save(self, name, content):
        if not str(name).startswith(RENDITIONS):
            return super()._save(name, content)
        target = Path(safe_join(self.location, name))
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".part", delete=False) as handle:
            try:
                for chunk in content.chunks():
                    handle.write(chunk)
            except BaseException:
                os.unlink(handle.name)
                raise
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, target)
        return str(name)


def is_local(storage):
    """True for a storage on this machine's disk, which Django (or nginx) serves itself; False for one that serves
    its files from its own address (S3-compatible object storage)."""
    return isinstance(storage, FileSystemStorage)


def private_storage():
    """The `private` storage, for a FileField's `storage=` (local disk or a private S3 prefix, STORAGES). Project
    documents and accreditation evidence live here, served only by views that check who asks, and backups
    (core.backups) copy it with the media."""
    return storages["private"]


class PrivateStorage(FileSystemStorage):
    """Files only staff may fetch, on the local disk under PRIVATE_MEDIA_ROOT: outside MEDIA_ROOT, so no front
    server or media view serves them, and without a URL (a view that checks permissions must stream them)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def base_url(self):
        return None

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)
