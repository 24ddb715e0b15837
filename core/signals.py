from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from core.images import make_renditions
from core.models import Photo
from core.pagecache import bump_content_version

# Apps whose rows appear on public pages: any change there makes cached pages stale.
CONTENT_APPS = {"sites", "events", "itineraries", "bookings"}


@receiver(post_save)
def make_photo_renditions(sender, instance, **kwargs):
    if isinstance(instance, Photo) and instance.image and not kwargs.get("raw"):
        make_renditions(instance.image.name)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def invalidate_pages(sender, **kwargs):
    model = kwargs.get("instance").__class__ if kwargs.get("instance") is not None else sender
    if model._meta.app_label in CONTENT_APPS:
        bump_content_version()
        _bump_again_on_commit()


def _bump_again_on_commit():
    """A request between a save and its commit reads the old rows under the new version, and would keep them in
    the cache until the next change: bump once more when the transaction commits (once however many rows)."""
    pending = transaction.get_connection().run_on_commit
    if not any(callback is bump_content_version for _savepoints, callback, _robust in pending):
        transaction.on_commit(bump_content_version)
