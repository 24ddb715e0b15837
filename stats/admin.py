from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bookings.admin import OwnSiteFilter, SiteScopedAdmin
from core.admin import PublishActionsForPublishers, ScopedHistoryAdmin
from core.params import row_id
from core.permissions import can_publish
from sites.models import Site
from stats.models import EventReport, SiteMonthReport, attended_pupils, previous_month


class ReportForm(forms.ModelForm):
    class Meta:
        model = SiteMonthReport
        fields = ["site", "year", "month", "visitors", "pupils", "tourism_revenue", "goods_revenue", "note",
                  "published", "illustrative"]  # fmt: skip
        widgets = {
            "year": forms.NumberInput(attrs={"min": 2000, "max": 2100}),
            "month": forms.NumberInput(attrs={"min": 1, "max": 12}),
        }


class PublishedByBureau(PublishActionsForPublishers):
    """Publishing is the bureau's: for everyone else `published` and `illustrative` are read-only (a forged post
    cannot set them: Django ignores posted values of read-only fields), and a change to a published report sends
    it back to the bureau. simple-history keeps every version with who saved it."""

    bureau_fields = ["published", "illustrative"]
    actions = ["publish", "unpublish"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if can_publish(request.user) else readonly + self.bureau_fields

    def save_model(self, request, obj, form, change):
        if change and obj.published and not can_publish(request.user) and form.has_changed():
            obj.published = False
            self.message_user(
                request, _("The report was published: your change goes back to the bureau to publish."), messages.INFO
            )
        super().save_model(request, obj, form, change)

    def _set_published(self, request, queryset, value):
        if not can_publish(request.user):
            raise PermissionDenied
        done = 0
        for report in queryset.filter(published=not value):  # one by one: the history records who
            report.published = value
            report.save()
            done += 1
        return done

    @admin.action(description=_("Publish the figures"), permissions=["change"])
    def publish(self, request, queryset):
        done = self._set_published(request, queryset, True)
        self.message_user(request, _("%(n)d published.") % {"n": done}, messages.SUCCESS)

    @admin.action(description=_("Withdraw the figures (unpublish)"), permissions=["change"])
    def unpublish(self, request, queryset):
        done = self._set_published(request, queryset, False)
        self.message_user(request, _("%(n)d unpublished.") % {"n": done}, messages.SUCCESS)


@admin.register(SiteMonthReport)
class SiteMonthReportAdmin(PublishedByBureau, SiteScopedAdmin):
    form = ReportForm
    list_display = ["site", "period_label", "visitors", "pupils", "tourism_revenue", "goods_revenue", "published",
                    "illustrative", "reported_by", "updated_at"]  # fmt: skip
    list_filter = ["published", "year", "month", OwnSiteFilter]
    list_select_related = ["site", "reported_by"]
    search_fields = ["site__name_zh", "site__name_en"]
    show_full_result_count = False
    readonly_fields = ["booked_pupils", "reported_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["site", ("year", "month")]}),
        (
            _("Figures"),
            {"fields": ["visitors", "pupils", "booked_pupils", "tourism_revenue", "goods_revenue", "note"]},
        ),  # fmt: skip
        (_("Publication"), {"fields": ["published", "illustrative", "reported_by", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("month"), ordering="year")
    def period_label(self, report):
        return report.period_label

    @admin.display(description=_("pupils of attended bookings"))
    def booked_pupils(self, report):
        if report.pk is None:
            return _("Shown once the report is saved. Opened from a dashboard reminder, the form already holds it.")
        return attended_pupils(report.site, report.year, report.month)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "site":
            kwargs["queryset"] = Site.objects.managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        """Last month by default; the pupils from the attended bookings of the site and month asked for."""
        initial = super().get_changeform_initial_data(request)
        year, month = previous_month(timezone.localdate())
        initial.setdefault("year", year)
        initial.setdefault("month", month)
        year, month = row_id(initial["year"]), row_id(initial["month"])
        if year is None or month is None or not (2000 <= year <= 2100 and 1 <= month <= 12):
            return initial
        site = Site.objects.managed_by(request.user).filter(pk=row_id(initial.get("site", ""))).first()
        if site is not None:
            initial["pupils"] = attended_pupils(site, year, month)
        return initial

    def save_model(self, request, obj, form, change):
        if not change:
            obj.reported_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(EventReport)
class EventReportAdmin(PublishedByBureau, ScopedHistoryAdmin):
    """Kept by the bureau: events have no operators of their own."""

    list_display = ["event", "year", "period_zh", "attendance", "spending", "published", "illustrative"]
    list_filter = ["published", "year"]
    list_select_related = ["event"]
    search_fields = ["event__title_zh", "event__title_en", "period_zh", "source_zh"]
    autocomplete_fields = ["event"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["event", "year", ("period_zh", "period_en")]}),
        (_("Figures"), {"fields": [("attendance", "attendance_qualifier"), ("spending", "spending_qualifier")]}),
        (_("Source"), {"fields": ["source_zh", "source_en"]}),
        (_("Publication"), {"fields": ["published", "illustrative", "updated_at"]}),
    ]
