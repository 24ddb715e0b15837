from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class PhotoInline(admin.TabularInline):
    """Ordered photos with a thumbnail of the 480-pixel rendition."""

    extra = 0
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
