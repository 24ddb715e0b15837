from functools import partial

from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.dispatch import receiver

from core.models import Photo
from core.pagecache import (
    EVERYTHING,
    bump_content_version,
    bump_rows,
    forget_versions,
    record_row,
    remember_versions_for_the_request,
    row_tag,
)
from core.registry import content_apps, content_part
from core.tasks import enqueue_on_commit, make_photo_renditions

# One function per part, so that a transaction queues the bump of each part once however many rows it saves.
_BUMPS = {part: partial(bump_content_version, [part]) for part in EVERYTHING}


request_started.connect(remember_versions_for_the_request, dispatch_uid="core.remember_versions")
request_finished.connect(forget_versions, dispatch_uid="core.forget_versions")


@receiver(post_save)
def queue_photo_renditions(sender, instance, **kwargs):
    """Renditions of a photo are made by a worker once its row is committed (a rolled-back upload gets none), so a
    post with many big photos never runs into the request timeout; until they exist, each is made on its first
    request (core.media)."""
    if isinstance(instance, Photo) and instance.image and not kwargs.get("raw"):
        enqueue_on_commit(make_photo_renditions, instance.image.name)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def invalidate_pages(sender, **kwargs):
    instance = kwargs.get("instance")
    model = instance.__class__ if instance is not None else sender
    part = content_part(model)  # the part of the content version the rows of this app show in
    if part is None:
        return
    bump = _BUMPS[part]
    bump()
    _bump_again_on_commit(bump)
    tags = _changed_rows(instance)
    if tags:
        bump_tags = partial(bump_rows, tags)
        bump_tags()
        transaction.on_commit(bump_tags)


def _changed_rows(instance):
    """The rows whose pages a change to `instance` makes stale: itself, and the content rows it points at (the
    site of a photo, an event or a stop; the event of a date; the programme of a slot; the slot of a booking)."""
    if instance is None or instance.pk is None or _is_history(instance.__class__):
        return []
    tags = [row_tag(instance.__class__, instance.pk)]
    for field in instance._meta.concrete_fields:
        if field.many_to_one and content_part(field.related_model) and not _is_history(field.related_model):
            target = getattr(instance, field.attname)
            if target is not None:
                tags.append(row_tag(field.related_model, target))
    return tags


def _is_history(model):
    return model._meta.model_name.startswith("historical")


def record_shown_row(sender, instance, **kwargs):
    """Each content row loaded while a detail page renders is one it depends on (core.pagecache)."""
    record_row(sender, instance.pk)


def connect_row_recording():
    """Listen to the loading of the content rows a page depends on, and of no other model: a receiver for every
    model would run for each row that anything loads (admin lists, imports, the scale generator). Not the rows
    shown only with another (photos, opening hours, dates, stops), whose changes bump that one's version."""
    for config in content_apps():
        for model in config.get_models():
            if not issubclass(model, Photo) and not hasattr(model, "shown_with"):
                post_init.connect(record_shown_row, sender=model, dispatch_uid=f"core.shown.{model._meta.label}")


def _bump_again_on_commit(bump):
    """A request between a save and its commit reads the old rows under the new version, and would keep them in
    the cache until the next change: bump once more when the transaction commits (once however many rows)."""
    pending = transaction.get_connection().run_on_commit
    if not any(callback is bump for _savepoints, callback, _robust in pending):
        transaction.on_commit(bump)
