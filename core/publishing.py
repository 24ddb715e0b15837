"""Draft → in review → published, with an optional publish window, for listings, events and routes.

`published` stays the editors' approval; `in_review` marks a draft (or a site operator's change) waiting for them;
`publish_from` / `publish_until` bound when approved content is public. What "public now" means is answered here
once: every `published()` queryset and every cross-model lookup (`site__…`) goes through `published_q()`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.pagecache import CATALOGUE, cached_for_content
from core.permissions import is_bureau
from core.slugs import unique_slug


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    SCHEDULED = "scheduled", pgettext_lazy("publication", "Scheduled")
    PUBLISHED = "published", _("Published")
    EXPIRED = "expired", _("Expired")


def published_q(prefix="", now=None):
    """Approved, and inside its publish window at `now`."""
    now = now or timezone.now()
    return (
        Q(**{f"{prefix}published": True})
        & (Q(**{f"{prefix}publish_from__isnull": True}) | Q(**{f"{prefix}publish_from__lte": now}))
        & (Q(**{f"{prefix}publish_until__isnull": True}) | Q(**{f"{prefix}publish_until__gt": now}))
    )


def preview_context(obj, *parents):
    """Template context for a page staff open before it is public (`obj`, or a parent it lives on, not live):
    the page shows a preview banner and asks search engines not to index it. Empty for a public page."""
    if all(item.is_live() for item in (obj, *parents)):
        return {}
    opts = obj._meta
    admin_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return {"preview": obj, "preview_admin_url": admin_url}


def detail_object(request, model, slug, stamp):
    """The published object at `slug` with what its page shows (`for_detail()`), from the data cache under
    `stamp` (the day or the minute that what it fetches depends on); staff get drafts too, from the database."""
    if can_preview(request.user):
        return get_object_or_404(model.objects.previewable(request).for_detail(), slug=slug)
    key = f"{model._meta.label_lower}:{slug}:{stamp}"
    found = cached_for_content(
        key, lambda: model.objects.published().for_detail().filter(slug=slug).first(), parts=[CATALOGUE]
    )
    if found is None:
        raise Http404
    return found


def can_preview(user):
    """Staff may open a draft at its public address to check it before publishing."""
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def back_office_scope(request, model):
    """The rows of `model` that the user may open in the back office, as its changelist scopes them (an operator:
    their own sites' listings and programmes, nothing else); none when the admin would not show the model.

    Bureau staff see every row of every content type. For them the changelist's queryset is not asked: it carries
    what the list displays (an event's date count, a join over every date), which a scope does not need."""
    if not may_open_in_back_office(request, model):
        return model.objects.none()
    if is_bureau(request.user):
        return model.objects.all()
    return model.objects.filter(pk__in=_model_admin(model).get_queryset(request).values("pk"))


def may_open_in_back_office(request, model):
    model_admin = _model_admin(model)
    return model_admin is not None and model_admin.has_view_or_change_permission(request)


def _model_admin(model):
    from django.contrib import admin  # the admin registry, filled by every app; core imports none of them

    return admin.site.get_model_admin(model) if admin.site.is_registered(model) else None


# What the {% picture %} tag reads of a photo (core.models.Photo): its renditions' name and size, its alt text.
COVER_FIELDS = ("id", "image", "width", "height", "alt_zh", "alt_en")


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        return self.filter(published_q(now=now))

    def previewable(self, request, now=None):
        """What the user of `request` may open at a public address: published content, and for staff also the
        drafts and proposed changes they may open in the back office."""
        if not can_preview(getattr(request, "user", None)):
            return self.published(now)
        if is_bureau(request.user) and may_open_in_back_office(request, self.model):
            return self.all()
        return self.filter(published_q(now=now) | Q(pk__in=back_office_scope(request, self.model).values("pk")))

    def awaiting_review(self):
        """Drafts and proposed changes sent to the editors; what is published stays live meanwhile."""
        return self.filter(in_review=True, published=False)

    def with_status(self, status, now=None):
        now = now or timezone.now()
        live = published_q(now=now)
        return {
            PublicationStatus.DRAFT: self.filter(published=False, in_review=False),
            PublicationStatus.REVIEW: self.awaiting_review(),
            PublicationStatus.SCHEDULED: self.filter(published=True, publish_from__gt=now),
            PublicationStatus.PUBLISHED: self.filter(live),
            PublicationStatus.EXPIRED: self.filter(published=True, publish_until__lte=now),
        }[PublicationStatus(status)]

    def with_cover(self):
        """Each row with its cover (Listing.cover), the first of its photos, read in the same query as a JSON object
        from a subquery: for a few cards, one query fewer than prefetching the photos (the home page's featured
        sites: 2 → 1 query). The object holds what a picture shows (COVER_FIELDS); the rest is deferred."""
        relation = self.model._meta.get_field("photos")
        first = (
            relation.related_model._default_manager.filter(**{relation.field.name: OuterRef("pk")})
            .order_by("position", "id")
            .values(row=JSONObject(**{name: name for name in COVER_FIELDS}))[:1]
        )
        return self.annotate(cover_row=Subquery(first))


def publish_window_constraint(name):
    return models.CheckConstraint(
        condition=Q(publish_from__isnull=True) | Q(publish_until__isnull=True) | Q(publish_until__gt=F("publish_from")),
        name=name,
        violation_error_message=_("Publish until must be after publish from."),
    )


# The choices of a field by value, their labels lazy (translated when shown): Publishable._get_FIELD_display.
_CHOICE_LABELS = {}


class Publishable(models.Model):
    """The workflow fields, the timestamps and the history every listing, event, route and programme has."""

    published = models.BooleanField(_("published"), default=False, db_index=True)  # the editors' approval
    in_review = models.BooleanField(
        _("waiting for review"),
        default=False,
        db_index=True,
        help_text=_("Set when a draft or a site operator's change waits for a bureau editor."),
    )
    publish_from = models.DateTimeField(
        _("publish from"), null=True, blank=True, help_text=_("Beijing time. Empty: as soon as it is published.")
    )
    publish_until = models.DateTimeField(
        _("publish until"), null=True, blank=True, help_text=_("Beijing time. Empty: until it is unpublished.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(inherit=True, excluded_fields=["updated_at"])

    # How search engines are told to revisit the public pages (zhuzhou_tourism.sitemaps).
    sitemap_changefreq = "monthly"
    sitemap_priority = 0.6

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        # Django builds a dict of the field's choices at every call, and a card shows two or three labels.
        labels = _CHOICE_LABELS.get(field)
        if labels is None:
            labels = _CHOICE_LABELS[field] = dict(make_hashable(field.flatchoices))
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)

    def publication_status(self, now=None):
        """In review is a state of drafts and proposed changes: approved content stays live until it is changed."""
        now = now or timezone.now()
        if not self.published:
            return PublicationStatus.REVIEW if self.in_review else PublicationStatus.DRAFT
        if self.publish_from and self.publish_from > now:
            return PublicationStatus.SCHEDULED
        if self.publish_until and self.publish_until <= now:
            return PublicationStatus.EXPIRED
        return PublicationStatus.PUBLISHED

    def is_live(self, now=None):
        return self.publication_status(now) == PublicationStatus.PUBLISHED

    def clean(self):
        super().clean()
        if self.publish_from and self.publish_until and self.publish_until <= self.publish_from:
            raise ValidationError({"publish_until": _("Publish until must be after publish from.")})

    def missing_for_publication(self):
        """What must be filled in before this can be published, as sentences for the editor. Empty when ready."""
        return []


class Listing(Publishable):
    """A public content type: the workflow, a bilingual summary, a pinyin slug made from the Chinese name that stays
    fixed once published (a link to it must keep working), and a cover photo. `name_field` names its name: "name"
    for places, "title" for events, routes and programmes."""

    name_field = "name"

    summary_zh = models.CharField(_("summary (Chinese)"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=400, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), getattr(self, f"{self.name_field}_zh"), exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # A blank slug would be refilled from a possibly renamed item: that changes the address too.
        if self.pk:
            old = type(self)._default_manager.filter(pk=self.pk).values("slug", "published").first()
            if old and old["published"] and old["slug"] != self.slug:
                message = _("A published %(kind)s keeps its address: the slug cannot change.")
                raise ValidationError({"slug": message % {"kind": self._meta.verbose_name}})

    @property
    def cover(self):
        """The first photo: read with the row (PublishableQuerySet.with_cover()), from `photo_list` where the
        photos were prefetched as a list (the stops of routes), else from the photos."""
        if "cover_row" in self.__dict__:
            return self._cover_from_row()
        photos = getattr(self, "photo_list", None)
        if photos is None:
            photos = list(self.photos.all())
        return photos[0] if photos else None

    def _cover_from_row(self):
        found = self.__dict__.get("_cover")
        if found is None and self.cover_row:
            photo = self._meta.get_field("photos").related_model
            row = self.cover_row
            found = self.__dict__["_cover"] = photo.from_db(
                self._state.db, COVER_FIELDS, [row[f] for f in COVER_FIELDS]
            )
        return found


def missing_names(obj, field):
    missing = []
    if not getattr(obj, f"{field}_zh", "").strip():
        missing.append(_("a Chinese name"))
    if not getattr(obj, f"{field}_en", "").strip():
        missing.append(_("an English name"))
    return missing


def missing_photo(obj):
    if obj.pk is None or not any(photo.alt_zh.strip() for photo in obj.photos.all()):
        return [_("a photo with alt text")]
    return []


def missing_coordinates(obj):
    if obj.latitude is None or obj.longitude is None:
        return [_("coordinates")]
    return []
