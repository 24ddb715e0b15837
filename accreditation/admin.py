"""The bureau's side in the model admin: schemes with their sections and criteria, calls for applications, and
the list of applications (which opens the accreditation desk). A scheme in use is read-only; copy it to change it."""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accreditation import services
from accreditation.models import Application, Call, Criterion, Scheme, Section, Stage
from core.admin import NotFoundOutsideScope
from core.params import SafeChangelistParams


class FrozenWhenInUse:
    """Read-only once an application uses the scheme: its scores would lose their meaning."""

    def _scheme(self, obj):
        return obj if isinstance(obj, Scheme) else getattr(obj, "scheme", None)

    def has_change_permission(self, request, obj=None):
        scheme = self._scheme(obj)
        return super().has_change_permission(request, obj) and not (scheme and scheme.is_frozen())

    def has_delete_permission(self, request, obj=None):
        scheme = self._scheme(obj)
        return super().has_delete_permission(request, obj) and not (scheme and scheme.is_frozen())


class FrozenInline(FrozenWhenInUse):
    def has_add_permission(self, request, obj=None):
        scheme = self._scheme(obj)
        return super().has_add_permission(request, obj) and not (scheme and scheme.is_frozen())


class SectionInline(FrozenInline, admin.TabularInline):
    model = Section
    extra = 0
    fields = ["position", "title_zh", "title_en", "criteria_link"]
    readonly_fields = ["criteria_link"]
    show_change_link = True

    @admin.display(description=_("criteria"))
    def criteria_link(self, section):
        if not section.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:accreditation_section_change", args=[section.pk]), _("Criteria")
        )


class CriterionInline(FrozenInline, admin.StackedInline):
    model = Criterion
    extra = 0
    fields = [
        ("position", "code", "max_points"),
        ("mandatory", "mandatory_points"),
        "title_zh",
        "title_en",
        "guidance_zh",
        "guidance_en",
        "evidence_zh",
        "evidence_en",
    ]

    def _scheme(self, obj):
        return obj.scheme if isinstance(obj, Section) else super()._scheme(obj)


@admin.register(Scheme)
class SchemeAdmin(SafeChangelistParams, NotFoundOutsideScope, FrozenWhenInUse, admin.ModelAdmin):
    list_display = ["name_zh", "illustrative", "pass_municipal", "pass_provincial", "pass_national", "in_use"]
    search_fields = ["name_zh", "name_en"]
    inlines = [SectionInline]
    actions = ["copy"]
    readonly_fields = ["copied_from", "total"]
    fieldsets = [
        (None, {"fields": ["name_zh", "name_en", "illustrative", "copied_from"]}),
        (
            _("Pass marks"),
            {
                "fields": ["total", "pass_municipal", "pass_provincial", "pass_national"],
                "description": _("The city sets the municipal mark slightly below the provincial one."),
            },
        ),
        (_("Assessment"), {"fields": ["disagreement_margin", "validity_years", "appeal_days"]}),
    ]

    @admin.display(description=_("in use"), boolean=True)
    def in_use(self, scheme):
        return scheme.is_frozen()

    @admin.display(description=_("total points"))
    def total(self, scheme):
        return scheme.total_points() if scheme.pk else "—"

    @admin.action(description=_("Copy as a new scheme"), permissions=["add"])
    def copy(self, request, queryset):
        copies = [services.copy_scheme(scheme) for scheme in queryset]
        messages.success(request, _("%(count)s scheme(s) copied; the copies can be edited.") % {"count": len(copies)})
        if len(copies) == 1:
            return redirect("admin:accreditation_scheme_change", copies[0].pk)
        return None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        scheme = self.get_object(request, object_id)
        if scheme and scheme.is_frozen():
            messages.info(request, _("Applications use this scheme, so it cannot change. Copy it to make a new one."))
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Section)
class SectionAdmin(SafeChangelistParams, NotFoundOutsideScope, FrozenWhenInUse, admin.ModelAdmin):
    list_display = ["title_zh", "scheme", "position"]
    list_select_related = ["scheme"]
    list_filter = ["scheme"]
    inlines = [CriterionInline]
    fields = ["scheme", "position", "title_zh", "title_en"]

    def get_model_perms(self, request):
        return {}  # reached from its scheme, not the admin index

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "scheme":
            kwargs["queryset"] = Scheme.objects.exclude(pk__in=Scheme.objects.in_use())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Call)
class CallAdmin(SafeChangelistParams, NotFoundOutsideScope, admin.ModelAdmin):
    list_display = ["title_zh", "scheme", "level", "opens_at", "deadline"]
    list_select_related = ["scheme"]
    fields = ["title_zh", "title_en", "scheme", "level", "opens_at", "deadline"]

    def get_readonly_fields(self, request, obj=None):
        # Applications answer the criteria of the scheme they were opened under: it stays once one exists.
        return ["scheme", "level"] if obj is not None and obj.applications.exists() else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "scheme":
            kwargs["queryset"] = Scheme.objects.order_by("-created_at")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class StageFilter(admin.SimpleListFilter):
    title = _("stage")
    parameter_name = "stage"

    def lookups(self, request, model_admin):
        return Stage.choices

    def queryset(self, request, queryset):
        return queryset.filter(stage=self.value()) if self.value() in Stage.values else queryset


@admin.register(Application)
class ApplicationAdmin(SafeChangelistParams, NotFoundOutsideScope, admin.ModelAdmin):
    """A read-only list, scoped like the desk; the work happens on the desk's pages."""

    list_display = ["site", "call", "stage", "submitted_at", "updated_at"]
    list_select_related = ["site", "call"]
    list_filter = [StageFilter]
    search_fields = ["site__name_zh", "site__name_en"]
    show_full_result_count = False

    def get_queryset(self, request):
        return Application.objects.visible_to(request.user).select_related("site", "call")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        application = self.get_object(request, object_id)
        if application is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return redirect(application)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), "title": _("Applications")})
