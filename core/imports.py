"""Bulk import of sites and heritage from CSV or XLSX (django-import-export).

The admin's import page always runs a dry run first and lists every row's errors; only a file without errors can be
confirmed. Each import runs in one transaction, so a file with errors changes nothing. Rows are matched by slug;
new rows arrive as drafts waiting for review, and nothing imported can publish or assign operators.
"""

from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.formats.base_formats import CSV, XLSX

from core.permissions import can_publish
from sites.models import HeritageAsset, Site

FORMATS = [CSV, XLSX]
SITE_FIELDS = [
    "slug", "name_zh", "name_en", "summary_zh", "summary_en", "description_zh", "description_en", "industry",
    "district", "address_zh", "address_en", "level", "level_year", "admission_free", "admission_price",
    "booking_required", "latitude", "longitude", "phone", "email", "website",
    "for_study_tours", "for_families", "for_seniors", "for_general",
]  # fmt: skip
HERITAGE_FIELDS = [
    "slug", "name_zh", "name_en", "level", "year_listed", "state", "built_from", "built_to", "original_use_zh",
    "original_use_en", "current_use_zh", "current_use_en", "summary_zh", "summary_en", "description_zh",
    "description_en", "district", "latitude", "longitude",
]  # fmt: skip


class ListingResource(resources.ModelResource):
    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk is None:
            instance.published, instance.in_review = False, True

    class Meta:
        import_id_fields = ["slug"]
        use_transactions = True
        # full_clean() on every row: field validators, clean() and the constraints, as in the admin form.
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class SiteResource(ListingResource):
    class Meta(ListingResource.Meta):
        model = Site
        fields = SITE_FIELDS


class HeritageResource(ListingResource):
    class Meta(ListingResource.Meta):
        model = HeritageAsset
        fields = HERITAGE_FIELDS


class ImportAdminMixin:
    """For import_export.admin.ImportMixin admins: bureau staff only, CSV and XLSX."""

    formats = FORMATS
    import_help = _("Rows are matched by slug. A dry run lists every error first; a file with errors changes nothing.")

    def has_import_permission(self, request):
        return can_publish(request.user)
