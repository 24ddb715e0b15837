from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.admin import PhotoInline, thumbnail_column
from sites.models import HeritageAsset, HeritagePhoto, OpeningException, OpeningPeriod, Site, SitePhoto


class SitePhotoInline(PhotoInline):
    model = SitePhoto


class HeritagePhotoInline(PhotoInline):
    model = HeritagePhoto


class OpeningPeriodInline(admin.TabularInline):
    model = OpeningPeriod
    extra = 0


class OpeningExceptionInline(admin.TabularInline):
    model = OpeningException
    extra = 0
    fields = ["date", "closed", "opens", "closes", "note_zh", "note_en"]


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("content")
    parameter_name = "content"

    def lookups(self, request, model_admin):
        return [("no_english", _("English missing")), ("no_photo", _("No photo"))]

    def queryset(self, request, queryset):
        if self.value() == "no_english":
            return queryset.filter(name_en="") | queryset.filter(description_en="")
        if self.value() == "no_photo":
            return queryset.filter(photos__isnull=True)
        return queryset


def _photo_prefetch(model):
    return Prefetch("photos", queryset=model.objects.order_by("position", "id"))


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = [
        "thumbnail",
        "name_zh",
        "name_en",
        "level",
        "industry",
        "district",
        "featured",
        "published",
        "updated_at",
    ]
    list_display_links = ["thumbnail", "name_zh"]
    list_filter = ["published", "level", "industry", "district", "featured", MissingTranslationFilter]
    list_editable = ["featured", "published"]
    search_fields = ["name_zh", "name_en", "slug", "address_zh"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [SitePhotoInline, OpeningPeriodInline, OpeningExceptionInline]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["name_zh", "name_en", "slug", "published", "featured"]}),
        (_("Description"), {"fields": ["summary_zh", "summary_en", "description_zh", "description_en"]}),
        (_("Classification"), {"fields": ["industry", "district", "level", "level_year"]}),
        (_("Audiences"), {"fields": ["for_study_tours", "for_families", "for_seniors", "for_general"]}),
        (
            _("Visiting"),
            {
                "fields": [
                    "admission_free",
                    "admission_price",
                    "admission_note_zh",
                    "admission_note_en",
                    "booking_required",
                    "accessibility_zh",
                    "accessibility_en",
                    "safety_zh",
                    "safety_en",
                    "transport_zh",
                    "transport_en",
                ]
            },
        ),
        (_("Location"), {"fields": ["address_zh", "address_en", "latitude", "longitude", "coordinates_approximate"]}),
        (_("Contact"), {"fields": ["phone", "email", "website"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(_photo_prefetch(SitePhoto))

    @admin.display(description=_("photo"))
    def thumbnail(self, site):
        return thumbnail_column(site)


@admin.register(HeritageAsset)
class HeritageAssetAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "name_zh", "name_en", "level", "state", "district", "site", "published"]
    list_display_links = ["thumbnail", "name_zh"]
    list_filter = ["published", "level", "state", "district", MissingTranslationFilter]
    list_select_related = ["site"]
    search_fields = ["name_zh", "name_en", "slug"]
    autocomplete_fields = ["site"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [HeritagePhotoInline]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["name_zh", "name_en", "slug", "published"]}),
        (_("Listing"), {"fields": ["level", "year_listed", "state", "built_from", "built_to", "site"]}),
        (_("Use"), {"fields": ["original_use_zh", "original_use_en", "current_use_zh", "current_use_en"]}),
        (_("Description"), {"fields": ["summary_zh", "summary_en", "description_zh", "description_en"]}),
        (_("Location"), {"fields": ["district", "latitude", "longitude", "coordinates_approximate"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(_photo_prefetch(HeritagePhoto))

    @admin.display(description=_("photo"))
    def thumbnail(self, asset):
        return thumbnail_column(asset)
