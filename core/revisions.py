"""Held revisions: a site operator's change to published content waits for a bureau editor before it goes live.

The operator edits a working copy instead of the live row: an unpublished clone with `draft_of` pointing at the
original, carrying copies of the rows that belong to it (photos, hours). The public keeps seeing the original;
staff preview the copy at its own public address. An editor applies the copy (its fields and rows replace the
original's, in one transaction, recorded in the original's history) or discards it.

A model takes part by inheriting Revisable and naming in `revision_children` the related names of the rows that
are copied with it, and in `revision_kept_fields` the fields the working copy never changes (the bureau's own say,
which an editor may change on the original while a proposal waits).
"""

from django.db import models, transaction
from django.utils.translation import gettext_lazy, gettext_noop

from core.shown import same_text, shown


class Revisable(models.Model):
    draft_of = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="revision",
        verbose_name=gettext_lazy("proposed change to"),
    )

    revision_children = []
    revision_kept_fields = []

    class Meta:
        abstract = True


# Never copied between a working copy and its original: identity, address and the editors' publishing fields.
KEPT_FIELDS = {"id", "slug", "draft_of", "published", "in_review", "publish_from", "publish_until", "created_at"}


def revision_slug(original):
    return f"{original.slug[:60]}-revision-{original.pk}"


def _content_fields(model, with_kept=False):
    kept = KEPT_FIELDS | {"updated_at"} | (set() if with_kept else set(model.revision_kept_fields))
    return [field for field in model._meta.concrete_fields if field.name not in kept and not field.primary_key]


def _many_to_many(model, with_kept=False):
    return [field for field in model._meta.many_to_many if with_kept or field.name not in model.revision_kept_fields]


def _child_relation(model, related_name):
    relation = next(rel for rel in model._meta.related_objects if rel.get_accessor_name() == related_name)
    return relation.related_model, relation.field.name


def pending_revision(obj):
    """The working copy of `obj` waiting for review, or None."""
    return type(obj).objects.filter(draft_of=obj).first()


@transaction.atomic
def start_revision(original, user=None):
    """The working copy of `original`, made now if there is none: its fields, many-to-many links and rows."""
    model = type(original)
    original = model.objects.select_for_update().get(pk=original.pk)
    existing = model.objects.filter(draft_of=original).first()
    if existing:
        return existing
    copy = model(draft_of=original, slug=revision_slug(original), published=False, in_review=True)
    for field in _content_fields(model, with_kept=True):
        setattr(copy, field.attname, getattr(original, field.attname))
    copy._change_reason = gettext_noop("Proposed change started")
    copy._history_user = user
    copy.save()
    for field in _many_to_many(model, with_kept=True):
        getattr(copy, field.name).set(getattr(original, field.name).all())
    for related_name in model.revision_children:
        child_model, fk_name = _child_relation(model, related_name)
        for child in getattr(original, related_name).all():
            child.pk = child.id = None
            child._state.adding = True
            setattr(child, fk_name, copy)
            child._history_user = user
            child.save()
    return copy


@transaction.atomic
def apply_revision(copy, user=None):
    """Make the working copy's content the original's, keep the original's address and publishing, drop the copy."""
    model = type(copy)
    original = model.objects.select_for_update().get(pk=copy.draft_of_id)
    copy = model.objects.filter(pk=copy.pk).first()  # read again under the lock: somebody may have applied it
    if copy is None:
        return original
    for field in _content_fields(model):
        setattr(original, field.attname, getattr(copy, field.attname))
    original.in_review = False
    original._change_reason = gettext_noop("Proposed change applied")
    original._history_user = user
    original.save()
    for field in _many_to_many(model):
        getattr(original, field.name).set(getattr(copy, field.name).all())
    for related_name in model.revision_children:
        child_model, fk_name = _child_relation(model, related_name)
        for child in getattr(original, related_name).all():
            child._history_user = user
            child.delete()
        for child in getattr(copy, related_name).all():  # moved, not copied: the photos keep their files
            setattr(child, fk_name, original)
            child._history_user = user
            child.save()
    copy._change_reason = gettext_noop("Proposed change applied")
    copy._history_user = user
    copy.delete()
    return original


@transaction.atomic
def discard_revision(copy, user=None):
    model = type(copy)
    original = model.objects.select_for_update().get(pk=copy.draft_of_id)  # not while somebody applies it
    copy = model.objects.filter(pk=copy.pk).first()
    if copy is None:
        return original
    copy._change_reason = gettext_noop("Proposed change discarded")
    copy._history_user = user
    copy.delete()
    return original


def changed_fields(copy):
    """What the working copy changes, as (field, old, new) for the form's fields and a count for each child list."""
    original = copy.draft_of
    changes = []
    for field in _content_fields(type(copy)):
        old, new = getattr(original, field.attname), getattr(copy, field.attname)
        if not same_text(old, new):
            changes.append((field.verbose_name, _display(original, field), _display(copy, field)))
    for field in _many_to_many(type(copy)):
        old = set(getattr(original, field.name).values_list("pk", flat=True))
        new = set(getattr(copy, field.name).values_list("pk", flat=True))
        if old != new:
            changes.append((field.verbose_name, len(old), len(new)))
    for related_name in type(copy).revision_children:
        child_model, _fk = _child_relation(type(copy), related_name)
        old = [_child_signature(child) for child in getattr(original, related_name).all()]
        new = [_child_signature(child) for child in getattr(copy, related_name).all()]
        if sorted(old, key=repr) != sorted(new, key=repr):
            changes.append((child_model._meta.verbose_name_plural, len(old), len(new)))
    return changes


def _display(obj, field):
    if field.choices:
        return getattr(obj, f"get_{field.name}_display")()
    return shown(getattr(obj, field.attname))


def _child_signature(child):
    return tuple(
        (field.attname, str(getattr(child, field.attname)))
        for field in child._meta.concrete_fields
        if not field.primary_key and not field.is_relation
    )
