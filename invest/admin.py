"""The bureau's back office for investment projects and the queue of investors' enquiries."""

from django.contrib import admin, messages
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.admin import PublicationFilter, PublishingAdmin
from core.params import SafeChangelistParams
from core.permissions import is_bureau
from invest import money, services
from invest.models import Enquiry, EnquiryStatus, InvestmentProject, ProjectDocument, StageChange
from sites.models import Site


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    fields = ["stage", "date", "changed_by", "note_zh", "note_en"]
    readonly_fields = ["changed_by"]


class DocumentInline(admin.TabularInline):
    model = ProjectDocument
    extra = 0
    max_num = 10
    fields = ["title_zh", "title_en", "file", "size", "position"]
    readonly_fields = ["size"]


def scoped_projects(queryset, user):
    """Bureau staff see every project; a site operator those at the sites they manage."""
    if is_bureau(user):
        return queryset
    return queryset.filter(Q(site__in=Site.objects.managed_by(user)))


@admin.register(InvestmentProject)
class InvestmentProjectAdmin(PublishingAdmin):
    list_display = ["name_zh", "site", "district", "stage", "need", "illustrative", "publication", "updated_at"]
    list_filter = [PublicationFilter, "stage", "district", "industry", "project_type", "illustrative"]
    list_select_related = ["site"]
    search_fields = ["name_zh", "name_en", "slug"]
    autocomplete_fields = ["site"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [StageChangeInline, DocumentInline]
    fieldsets = [
        (None, {"fields": ["name_zh", "name_en", "slug", "illustrative", "featured"]}),
        (_("Publication"), {"fields": ["published", "in_review", "publish_from", "publish_until"]}),
        (_("Where and what"), {"fields": ["site", "district", "industry", "project_type", "financing_need", "stage"]}),
        (_("Content"), {"fields": ["summary_zh", "summary_en", "description_zh", "description_en"]}),
        (_("Contact"), {"fields": ["contact_office_zh", "contact_office_en", "contact_phone", "contact_email"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("financing need"), ordering="financing_need")
    def need(self, project):
        return money.amount(project.financing_need)

    def get_queryset(self, request):
        return scoped_projects(super().get_queryset(request), request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A stage set on the form is recorded as reached today by this user, unless the inline recorded it.
        services.record_stage(form.instance, user=request.user)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, StageChange) and instance.changed_by_id is None:
                instance.changed_by = request.user
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


class EnquiryStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return EnquiryStatus.choices

    def queryset(self, request, queryset):
        if self.value() in EnquiryStatus.values:
            return queryset.filter(status=self.value())
        return queryset


@admin.register(Enquiry)
class EnquiryAdmin(SafeChangelistParams, admin.ModelAdmin):
    """The bureau's queue: newest first, answered or closed with an action. What the investor wrote is read-only."""

    list_display = ["created_at", "company", "project", "interest", "status", "erased"]
    list_filter = [EnquiryStatusFilter, "interest"]
    list_select_related = ["project"]
    search_fields = ["company", "project__name_zh"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    actions = ["mark_answered", "mark_closed"]
    fields = [
        "status",
        "project",
        "company",
        "contact_name",
        "phone",
        "email",
        "interest",
        "message",
        "language",
        "created_at",
        "contact_erased_at",
    ]
    readonly_fields = [field for field in fields if field != "status"]

    def has_add_permission(self, request):
        return False  # enquiries come from investors, through the public form

    def get_queryset(self, request):
        # The queue is the bureau's: an operator with a role but no bureau rights sees none.
        queryset = super().get_queryset(request)
        return queryset if is_bureau(request.user) else queryset.none()

    @admin.display(description=_("contact erased"), boolean=True)
    def erased(self, enquiry):
        return enquiry.contact_erased_at is not None

    def _set_status(self, request, queryset, status):
        done = queryset.update(status=status)
        self.message_user(request, _("%(n)d enquiries updated.") % {"n": done}, messages.SUCCESS)

    @admin.action(description=_("Mark as answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        self._set_status(request, queryset, EnquiryStatus.ANSWERED)

    @admin.action(description=_("Mark as closed"), permissions=["change"])
    def mark_closed(self, request, queryset):
        self._set_status(request, queryset, EnquiryStatus.CLOSED)
