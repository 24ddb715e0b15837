from django.db.models.signals import post_save
from django.dispatch import receiver

from core.images import make_renditions
from core.models import Photo


@receiver(post_save)
def make_photo_renditions(sender, instance, **kwargs):
    if isinstance(instance, Photo) and instance.image and not kwargs.get("raw"):
        make_renditions(instance.image.name)
