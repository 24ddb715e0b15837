from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from core import images, revisions
from core.images import validate_image
from core.params import SafeChangelistParams
from core.permissions import can_publish
from core.publishing import PublicationStatus


class PhotoFormField(forms.ImageField):
    """Checks the upload with core.images.validate_image, whose messages say what is wrong (too large, not an
    image, truncated), instead of Django's single generic one."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is not None:
            validate_image(upload)
        return upload


class PhotoInline(admin.TabularInline):
    """Ordered photos with a thumbnail of the 480-pixel rendition."""

    extra = 0
    # Each new photo is decoded and re-encoded in the post: a dozen is what one post can do in good time.
    max_num = 12
    formfield_overrides = {models.ImageField: {"form_class": PhotoFormField}}
    fields = ["thumbnail", "image", "alt_zh", "alt_en", "caption_zh", "caption_en", "position"]
    readonly_fields = ["thumbnail"]

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, validate_max=True, **kwargs)

    @admin.display(description=_("preview"))
    def thumbnail(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        return format_html('<img class="bo-thumb" src="{}" alt="">', photo.thumbnail_url)


def thumbnail_column(obj):
    cover = obj.cover
    if cover is None:
        return "—"
    return format_html('<img class="bo-thumb bo-thumb-small" src="{}" alt="">', cover.thumbnail_url)


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" shortcut (`<admin>/r/<type>/<id>/`), scoped like the object's changelist: an
    object the user may not open there, or a model without a public page, is not found."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    model_admin = admin.site.get_model_admin(model) if admin.site.is_registered(model) else None
    if model_admin is None or not model_admin.view_on_site or not hasattr(model, "get_absolute_url"):
        raise Http404
    try:
        obj = model_admin.get_queryset(request).filter(pk=unquote(object_id)).first()
    except (ValueError, TypeError, ValidationError):
        raise Http404 from None
    if obj is None or not model_admin.has_view_or_change_permission(request, obj):
        raise Http404
    return redirect(obj.get_absolute_url())


# Back office: publishing and scoping ------------------------------------------------------------------------------


class PublicationFilter(admin.SimpleListFilter):
    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return PublicationStatus.choices

    def queryset(self, request, queryset):
        if self.value() in PublicationStatus.values:
            return queryset.with_status(self.value())
        return queryset


def _missing_sentence(obj):
    return _("“%(name)s” is not published yet; it still needs: %(missing)s.") % {
        "name": obj,
        "missing": "、".join(str(item) for item in obj.missing_for_publication()),
    }


class NotFoundOutsideScope:
    """An object outside the user's queryset answers 404, whether it exists or not, instead of Django's redirect."""

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404


class ScopedHistoryAdmin(SafeChangelistParams, NotFoundOutsideScope, SimpleHistoryAdmin):
    """History views only for objects in the user's queryset: a page for any other object is not found, deleted
    or not. Admins whose staff may restore deleted objects say so in sees_deleted().

    Old versions can be read, never saved back: a revert would skip review, the booking rules and the status
    log, so changes go through the change form and the actions only (SIMPLE_HISTORY_REVERT_DISABLED hides the
    button; the refusal here closes the door a forged post would use)."""

    def sees_deleted(self, request):
        return False

    def _check_history_scope(self, request, object_id):
        if self.get_queryset(request).filter(pk=object_id).exists():
            return
        if not self.sees_deleted(request) or self.model.objects.filter(pk=object_id).exists():
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        self._check_history_scope(request, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_history_scope(request, unquote(object_id))
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class PublishActionsForPublishers:
    """The publish and unpublish actions only for staff who may publish (core.permissions)."""

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        if not can_publish(request.user):
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions


class PublishingAdmin(PublishActionsForPublishers, ScopedHistoryAdmin):
    """Draft → in review → published for bureau staff; everyone else's saves go to review.

    The `published` box and the window are read-only without the publish permission, so a forged form post
    cannot publish either: Django ignores posted values of read-only fields.

    With `revisable`, staff who may not publish cannot change a published object in place: they propose a change
    on a working copy (core.revisions) that an editor applies or discards, and the public page stays as it was.
    """

    publishing_fields = ["published", "publish_from", "publish_until"]
    actions = ["send_for_review", "publish", "unpublish"]
    revisable = False
    change_form_template = "admin/publishing_change_form.html"

    def changeform_view(self, request, *args, **kwargs):
        with images.removed_if_failed():  # photos stored by a post that then failed
            return super().changeform_view(request, *args, **kwargs)

    @admin.display(description=_("publication"))
    def publication(self, obj):
        if getattr(obj, "draft_of_id", None):
            return _("Proposed change, in review")
        return obj.publication_status().label

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "in_review"]
        if not can_publish(request.user) or (obj is not None and getattr(obj, "draft_of_id", None)):
            readonly += self.publishing_fields
        if obj is not None and getattr(obj, "draft_of_id", None):
            readonly += [name for name in obj.revision_kept_fields if name not in readonly]  # kept from the original
        return readonly

    # Held revisions -----------------------------------------------------------------------------------------

    def locked_for(self, request, obj):
        """A published object that `request.user` may only change through a proposed change."""
        return (
            self.revisable
            and obj is not None
            and obj.published
            and obj.draft_of_id is None
            and not can_publish(request.user)
        )

    def has_change_permission(self, request, obj=None):
        return self.may_work_on(request, obj) and not self.locked_for(request, obj)

    def may_work_on(self, request, obj=None):
        """The model permission alone, for work that is not the public content (a programme's slots)."""
        return super().has_change_permission(request, obj)

    def get_urls(self):
        if not self.revisable:
            return super().get_urls()
        prefix = f"{self.opts.app_label}_{self.opts.model_name}_"
        views = [
            ("revise", self.revise_view),
            ("apply-revision", self.apply_revision_view),
            ("discard-revision", self.discard_revision_view),
        ]
        extra = [
            path(f"<int:pk>/{name}/", self.admin_site.admin_view(require_POST(view)), name=prefix + name)
            for name, view in views
        ]
        return extra + super().get_urls()

    def _change_url(self, obj):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])

    def revise_view(self, request, pk):
        obj = get_object_or_404(self.get_queryset(request), pk=pk, draft_of__isnull=True, published=True)
        if not self.may_work_on(request, obj):
            raise PermissionDenied
        copy = revisions.start_revision(obj, request.user)
        self.message_user(
            request,
            _("You are editing a proposed change. The published page stays as it is until the bureau applies it."),
            messages.INFO,
        )
        return redirect(self._change_url(copy))

    def apply_revision_view(self, request, pk):
        copy = get_object_or_404(self.get_queryset(request), pk=pk, draft_of__isnull=False)
        if not can_publish(request.user):
            raise PermissionDenied
        if copy.missing_for_publication():
            self.message_user(request, _missing_sentence(copy), messages.ERROR)
            return redirect(self._change_url(copy))
        original = revisions.apply_revision(copy, request.user)
        self.message_user(request, _("The proposed change is now on the published page."), messages.SUCCESS)
        return redirect(self._change_url(original))

    def discard_revision_view(self, request, pk):
        copy = get_object_or_404(self.get_queryset(request), pk=pk, draft_of__isnull=False)
        if not self.may_work_on(request, copy):
            raise PermissionDenied
        original = revisions.discard_revision(copy, request.user)
        self.message_user(request, _("The proposed change was discarded."), messages.SUCCESS)
        return redirect(self._change_url(original))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if self.revisable and obj is not None:
            copy = obj if obj.draft_of_id else revisions.pending_revision(obj)
            context |= {
                "revision": copy,
                "revision_changes": revisions.changed_fields(copy) if copy and copy is obj else None,
                "locked": self.locked_for(request, obj),
                "may_publish": can_publish(request.user),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if obj.published:
            obj.in_review = False
        elif not can_publish(request.user):
            obj.in_review = True
            self.message_user(request, _("Saved and sent to the bureau for review."), messages.INFO)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Checked after the inlines are saved: the photo and the hours may come in the same post.
        obj = form.instance
        if obj.published and obj.missing_for_publication():
            type(obj).objects.filter(pk=obj.pk).update(published=False, in_review=True)
            obj.published, obj.in_review = False, True
            self.message_user(request, _missing_sentence(obj), messages.ERROR)

    @admin.action(description=_("Send for review"), permissions=["change"])
    def send_for_review(self, request, queryset):
        """Drafts go to the editors' queue. What is published stays live: changing it is a proposed change."""
        sent = 0
        for obj in queryset.filter(published=False, in_review=False):  # one by one: the history records who
            obj.in_review = True
            obj.save()
            sent += 1
        self.message_user(request, _("%(n)d sent for review.") % {"n": sent}, messages.SUCCESS)
        if queryset.filter(published=True).exists():
            self.message_user(
                request,
                _("Published items stay live and were not sent; change them (or propose a change) instead."),
                messages.WARNING,
            )

    @admin.action(description=_("Publish (checks the required content)"), permissions=["change"])
    def publish(self, request, queryset):
        if not can_publish(request.user):
            raise PermissionDenied
        done = 0
        for obj in queryset:
            if obj.missing_for_publication():
                self.message_user(request, _missing_sentence(obj), messages.ERROR)
                continue
            if getattr(obj, "draft_of_id", None):  # publishing a proposed change applies it to the live page
                revisions.apply_revision(obj, request.user)
            else:
                obj.published, obj.in_review = True, False
                obj.save()
            done += 1
        if done:
            self.message_user(request, _("%(n)d published.") % {"n": done}, messages.SUCCESS)

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        if not can_publish(request.user):
            raise PermissionDenied
        done = 0
        for obj in queryset.filter(published=True):
            obj.published = False
            obj.save()
            done += 1
        self.message_user(request, _("%(n)d unpublished.") % {"n": done}, messages.SUCCESS)

    def sees_deleted(self, request):
        return can_publish(request.user)  # only staff who see everything may restore a deleted listing
