from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.images import validate_image
from core.publishing import PublicationStatus
from core.roles import can_publish


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
    formfield_overrides = {models.ImageField: {"form_class": PhotoFormField}}
    fields = ["thumbnail", "image", "alt_zh", "alt_en", "caption_zh", "caption_en", "position"]
    readonly_fields = ["thumbnail"]

    @admin.display(description=_("preview"))
    def thumbnail(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        return format_html('<img src="{}" alt="" style="height:60px;border-radius:4px">', photo.thumbnail_url)


def thumbnail_column(obj):
    cover = obj.cover
    if cover is None:
        return "—"
    return format_html('<img src="{}" alt="" style="height:40px;border-radius:3px">', cover.thumbnail_url)


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


class PublishingAdmin(NotFoundOutsideScope, SimpleHistoryAdmin):
    """Draft → in review → published for bureau staff; everyone else's saves go to review.

    The `published` box and the window are read-only without the publish permission, so a forged form post
    cannot publish either: Django ignores posted values of read-only fields.
    """

    publishing_fields = ["published", "publish_from", "publish_until"]
    actions = ["send_for_review", "publish", "unpublish"]

    @admin.display(description=_("publication"))
    def publication(self, obj):
        return obj.publication_status().label

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "in_review"]
        if not can_publish(request.user):
            readonly += self.publishing_fields
        return readonly

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        if not can_publish(request.user):
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions

    def save_model(self, request, obj, form, change):
        if not can_publish(request.user):
            obj.in_review = True
            self.message_user(request, _("Saved and sent to the bureau for review."), messages.INFO)
        elif obj.published:
            obj.in_review = False
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
        for obj in queryset:  # one by one, so the history records who sent it
            obj.in_review = True
            obj.save()
        self.message_user(request, _("%(n)d sent for review.") % {"n": len(queryset)}, messages.SUCCESS)

    @admin.action(description=_("Publish (checks the required content)"), permissions=["change"])
    def publish(self, request, queryset):
        if not can_publish(request.user):
            raise PermissionDenied
        done = 0
        for obj in queryset:
            if obj.missing_for_publication():
                self.message_user(request, _missing_sentence(obj), messages.ERROR)
                continue
            obj.published, obj.in_review = True, False
            obj.save()
            done += 1
        if done:
            self.message_user(request, _("%(n)d published.") % {"n": done}, messages.SUCCESS)

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        if not can_publish(request.user):
            raise PermissionDenied
        for obj in queryset:
            obj.published = False
            obj.save()
        self.message_user(request, _("%(n)d unpublished.") % {"n": len(queryset)}, messages.SUCCESS)

    # History: a page for an object outside the user's queryset is not found, deleted or not; only staff who see
    # everything may open (and restore) the history of a deleted object.
    def _check_history_scope(self, request, object_id):
        if self.get_queryset(request).filter(pk=object_id).exists():
            return
        if self.model.objects.filter(pk=object_id).exists() or not self.sees_deleted(request):
            raise Http404

    def sees_deleted(self, request):
        return can_publish(request.user)

    def history_view(self, request, object_id, extra_context=None):
        self._check_history_scope(request, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_history_scope(request, unquote(object_id))
        return super().history_form_view(request, object_id, version_id, extra_context)


class ScopedHistoryAdmin(NotFoundOutsideScope, SimpleHistoryAdmin):
    """History views for site-scoped admins (programmes, slots, bookings): only objects in the user's queryset."""

    def _check_history_scope(self, request, object_id):
        if not self.get_queryset(request).filter(pk=object_id).exists():
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        self._check_history_scope(request, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_history_scope(request, unquote(object_id))
        return super().history_form_view(request, object_id, version_id, extra_context)
