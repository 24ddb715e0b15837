from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sites.models import HeritageAsset, Site
from sites.tasks import recount_after_commit


@receiver(post_save, sender=Site)
@receiver(post_save, sender=HeritageAsset)
@receiver(post_delete, sender=Site)
@receiver(post_delete, sender=HeritageAsset)
def recount_the_map(sender, **kwargs):
    """The map's zoomed-out counts (sites.mapgrid.MapCell) follow any change to a place."""
    recount_after_commit()
