"""The back office for 株洲礼物: operators keep their sites' goods, the bureau publishes, features and collects."""

from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.admin import PhotoInline, PublicationFilter, PublishingAdmin, ScopedHistoryAdmin, thumbnail_column
from core.permissions import is_bureau
from gifts.models import Collection, Gift, GiftPhoto, Outlet
from sites.models import HeritageAsset, Site


class GiftPhotoInline(PhotoInline):
    model = GiftPhoto


class OutletInline(admin.TabularInline):
    model = Outlet
    extra = 0
    max_num = 20
    fields = ["kind", "site", "name_zh", "name_en", "address_zh", "address_en", "url", "position"]
    # A search, not a list of every site; an operator finds their own sites, the bureau any.
    autocomplete_fields = ["site"]


# The bureau's curation: an operator sees these but cannot change them.
BUREAU_GIFT_FIELDS = ["featured", "collections", "slug"]


@admin.register(Gift)
class GiftAdmin(PublishingAdmin):
    """Goods go draft → in review → published; an operator's change to a published product is a proposed change
    (core.revisions), and operators see only the goods of the sites they manage (Site.objects.managed_by)."""

    revisable = True
    list_display = ["thumbnail", "name_zh", "site", "industry", "price", "featured", "illustrative", "publication"]
    list_display_links = ["thumbnail", "name_zh"]
    list_filter = [PublicationFilter, "industry", "featured", "collections", "illustrative"]
    list_select_related = ["site"]
    search_fields = ["name_zh", "name_en", "slug", "maker_zh"]
    autocomplete_fields = ["site", "heritage"]
    filter_horizontal = ["collections"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [GiftPhotoInline, OutletInline]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["name_zh", "name_en", "slug", "illustrative"]}),
        (_("Publication"), {"fields": ["published", "in_review", "publish_from", "publish_until"]}),
        (_("What it draws on"), {"fields": ["site", "heritage", "industry", "maker_zh", "maker_en"]}),
        (_("Description"), {"fields": ["summary_zh", "summary_en", "description_zh", "description_en"]}),
        (_("Price (yuan)"), {"fields": [("price_min", "price_max")]}),
        (_("Curation"), {"fields": ["featured", "collections"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("photo"))
    def thumbnail(self, gift):
        return thumbnail_column(gift)

    @admin.display(description=_("price"))
    def price(self, gift):
        if gift.single_price:
            return f"¥{gift.price_min:.0f}"
        return f"¥{gift.price_min:.0f}–{gift.price_max:.0f}"

    def get_queryset(self, request):
        gifts = (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("photos", queryset=GiftPhoto.objects.order_by("position", "id")))
        )
        return gifts if is_bureau(request.user) else gifts.filter(site__in=Site.objects.managed_by(request.user))

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return readonly if is_bureau(request.user) else [*readonly, *BUREAU_GIFT_FIELDS]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not is_bureau(request.user) and "site" in form.base_fields:
            form.base_fields["site"].required = True  # an operator's product belongs to one of their sites
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "site":
            kwargs["queryset"] = Site.objects.managed_by(request.user)
        if db_field.name == "heritage" and not is_bureau(request.user):
            kwargs["queryset"] = HeritageAsset.objects.filter(site__in=Site.objects.managed_by(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Collection)
class CollectionAdmin(ScopedHistoryAdmin):
    list_display = ["name_zh", "name_en", "starts_on", "ends_on", "shown", "position"]
    list_editable = ["shown", "position"]
    search_fields = ["name_zh", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
