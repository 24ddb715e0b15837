"""Each event's stored next date (Event.next_start) follows its dates, in the transaction that changes them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from events.models import Event, Occurrence, refresh_next_dates


@receiver(post_save, sender=Occurrence, dispatch_uid="events_next_date_saved")
@receiver(post_delete, sender=Occurrence, dispatch_uid="events_next_date_deleted")
def dates_changed(sender, instance, **kwargs):
    refresh_next_dates(Event.objects.filter(pk=instance.event_id))
