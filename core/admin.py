from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.images import validate_image


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
