from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.admin import PhotoInline, PublicationFilter, PublishingAdmin, ScopedHistoryAdmin, thumbnail_column
from core.permissions import is_bureau
from sites.models import (
    HeritageAsset,
    HeritagePhoto,
    OfficialFigure,
    OpeningException,
    OpeningPeriod,
    Site,
    SitePhoto,
)


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


# The bureau's own say about a site: a site operator sees these but cannot change them.
BUREAU_SITE_FIELDS = ["featured", "level", "level_year", "operators", "slug"]


@admin.register(Site)
class SiteAdmin(PublishingAdmin):
    revisable = True
    list_display = [
        "thumbnail",
        "name_zh",
        "name_en",
        "level",
        "industry",
        "district",
        "featured",
        "publication",
        "updated_at",
    ]
    list_display_links = ["thumbnail", "name_zh"]
    list_filter = [PublicationFilter, "level", "industry", "district", "featured", MissingTranslationFilter]
    search_fields = ["name_zh", "name_en", "slug", "address_zh"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [SitePhotoInline, OpeningPeriodInline, OpeningExceptionInline]
    filter_horizontal = ["operators"]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["name_zh", "name_en", "slug", "featured"]}),
        (_("Publication"), {"fields": ["published", "in_review", "publish_from", "publish_until"]}),
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
        (_("Site operators"), {"fields": ["operators"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        sites = super().get_queryset(request).prefetch_related(_photo_prefetch(SitePhoto))
        return sites.filter(pk__in=Site.objects.listings_for(request.user)) if not is_bureau(request.user) else sites

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return readonly if is_bureau(request.user) else [*readonly, *BUREAU_SITE_FIELDS]

    def get_search_results(self, request, queryset, search_term):
        if request.resolver_match and request.resolver_match.url_name == "autocomplete":
            queryset = queryset.filter(draft_of__isnull=True)  # a programme or event belongs to the site itself
        return super().get_search_results(request, queryset, search_term)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "operators":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("username")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("photo"))
    def thumbnail(self, site):
        return thumbnail_column(site)


@admin.register(HeritageAsset)
class HeritageAssetAdmin(PublishingAdmin):
    list_display = ["thumbnail", "name_zh", "name_en", "level", "state", "district", "site", "publication"]
    list_display_links = ["thumbnail", "name_zh"]
    list_filter = [PublicationFilter, "level", "state", "district", MissingTranslationFilter]
    list_select_related = ["site"]
    search_fields = ["name_zh", "name_en", "slug"]
    autocomplete_fields = ["site"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [HeritagePhotoInline]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["name_zh", "name_en", "slug"]}),
        (_("Publication"), {"fields": ["published", "in_review", "publish_from", "publish_until"]}),
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


@admin.register(OfficialFigure)
class OfficialFigureAdmin(ScopedHistoryAdmin):
    list_display = ["key", "value", "year", "source_zh"]
    fields = ["key", "value", "year", "source_zh", "source_en"]
