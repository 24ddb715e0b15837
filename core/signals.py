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
