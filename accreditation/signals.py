"""Decisions show on public pages (the list of demonstration points, each site's page): a change refreshes them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accreditation.models import Decision
from core.pagecache import CATALOGUE, bump_content_version


@receiver(post_save, sender=Decision)
@receiver(post_delete, sender=Decision)
def refresh_public_pages(sender, **kwargs):
    bump_content_version([CATALOGUE])
