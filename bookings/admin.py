"""The back office for study tours. Every change of a booking's status goes through bookings.services."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bookings import services
from bookings.export import bookings_csv
from bookings.forms import ExportForm, GenerateSlotsForm, ReasonForm
from bookings.models import Booking, BookingMail, BookingStatus, SlotStatus, StudyProgramme, TimeSlot
from core.admin import PublicationFilter, PublishingAdmin, ScopedHistoryAdmin
from core.params import row_id, say_ignored
from sites.models import Site


class SiteScopedAdmin(ScopedHistoryAdmin):
    """Shows and offers only the sites Site.objects.managed_by() allows the user."""

    site_path = "site"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(**{f"{self.site_path}__in": Site.objects.managed_by(request.user)})


class SiteListFilter(admin.SimpleListFilter):
    title = _("site")
    parameter_name = "site"
    site_path = "slot__programme__site"

    def lookups(self, request, model_admin):
        return [(site.pk, site.name_zh) for site in Site.objects.managed_by(request.user).only("pk", "name_zh")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if row_id(value) is None:
            say_ignored(request, self.parameter_name, value)
            return queryset
        return queryset.filter(**{f"{self.site_path}__pk": row_id(value)})


class ProgrammeSiteFilter(SiteListFilter):
    site_path = "programme__site"


class OwnSiteFilter(SiteListFilter):
    site_path = "site"


class WhenFilter(admin.SimpleListFilter):
    title = _("visit")
    parameter_name = "when"
    start_path = "slot__start"

    def lookups(self, request, model_admin):
        return [("coming", _("Coming")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "coming":
            return queryset.filter(**{f"{self.start_path}__gte": now})
        if self.value() == "past":
            return queryset.filter(**{f"{self.start_path}__lt": now})
        return queryset


class SlotWhenFilter(WhenFilter):
    start_path = "start"


@admin.register(StudyProgramme)
class StudyProgrammeAdmin(PublishingAdmin):
    """Programmes go draft → in review → published like listings; an operator's change to a published programme
    is a proposed change (core.revisions). Slots are the operator's own work and need no review."""

    revisable = True
    list_display = ["title_zh", "site", "grades", "price_per_pupil", "lead_days", "publication", "updated_at"]
    list_filter = [PublicationFilter, OwnSiteFilter]
    list_select_related = ["site"]
    search_fields = ["title_zh", "title_en", "slug", "site__name_zh"]
    autocomplete_fields = ["site"]
    prepopulated_fields = {"slug": ["title_en"]}
    change_form_template = "bookings/admin/programme_change_form.html"
    readonly_fields = ["created_at", "updated_at"]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["site", "title_zh", "title_en", "slug"]}),
        (_("Publication"), {"fields": ["published", "in_review", "publish_from", "publish_until"]}),
        (
            _("Content"),
            {"fields": ["summary_zh", "summary_en", "learning_zh", "learning_en", "safety_zh", "safety_en"]},
        ),
        (
            _("Grade bands"),
            {"fields": ["for_primary_lower", "for_primary_upper", "for_junior", "for_senior", "for_university"]},
        ),
        (
            _("Groups and booking"),
            {
                "fields": [
                    "duration_minutes",
                    ("group_min", "group_max"),
                    "pupils_per_teacher",
                    ("safety_officers_per_group", "tutors_per_group"),
                    "price_per_pupil",
                    "lead_days",
                    ("booking_phone", "booking_email"),
                ]
            },
        ),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("grades"))
    def grades(self, programme):
        return " · ".join(str(band.label) for band in programme.grade_bands())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "site":
            kwargs["queryset"] = Site.objects.managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_urls(self):
        view = self.admin_site.admin_view(self.generate_slots_view)
        extra = [path("<int:pk>/generate-slots/", view, name="bookings_studyprogramme_generate_slots")]
        return extra + super().get_urls()

    def get_queryset(self, request):
        return super().get_queryset(request).filter(site__in=Site.objects.managed_by(request.user))

    def generate_slots_view(self, request, pk):
        programme = get_object_or_404(self.get_queryset(request), pk=pk, draft_of__isnull=True)
        if not self.may_work_on(request, programme):
            raise PermissionDenied
        form = GenerateSlotsForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                created, skipped = services.generate_slots(programme=programme, user=request.user, **form.cleaned_data)
            except services.BookingError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                self.message_user(
                    request,
                    _("%(created)d slots created, %(skipped)d already existed.")
                    % {"created": created, "skipped": skipped},
                    messages.SUCCESS,
                )
                url = reverse("admin:bookings_timeslot_changelist")
                return redirect(f"{url}?programme__id__exact={programme.pk}")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Generate a season of slots"),
            "programme": programme,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "bookings/admin/generate_slots.html", context)


LIVE = [BookingStatus.REQUESTED, BookingStatus.CONFIRMED]
# Who made a change that no staff member made.
_ACTORS = {"organiser": _("the organiser"), "system": _("the system"), "staff": _("a staff member")}


class TimeSlotForm(forms.ModelForm):
    class Meta:
        model = TimeSlot
        fields = ["programme", "start", "end", "capacity", "status", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:  # a new slot; an existing one changes status through the list's actions
            self.fields["status"].choices = [
                choice for choice in self.fields["status"].choices if choice[0] != SlotStatus.CANCELLED
            ]

    def clean(self):
        cleaned = super().clean()
        moved = {"programme", "start", "end"} & set(self.changed_data)
        if self.instance.pk and moved and self.instance.bookings.filter(status__in=LIVE).exists():
            # The schools would not be told; cancel the slot (which mails them) and make a new one instead.
            raise forms.ValidationError(_("This slot has live bookings, so its programme and times cannot change."))
        capacity = cleaned.get("capacity")
        if self.instance.pk and capacity is not None and capacity != self.instance.capacity:
            # The admin saves inside a transaction, so this lock holds until the new capacity is saved.
            try:
                services.check_capacity(self.instance, capacity)
            except services.BookingError as error:
                self.add_error("capacity", error.message)
        return cleaned


def _reason_action(model_admin, request, queryset, *, title, apply):
    """An action that asks for a reason on an intermediate page, then applies `apply(item, reason)`."""
    form = ReasonForm(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        return apply(form.cleaned_data["reason"])
    return TemplateResponse(
        request,
        "bookings/admin/reason.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": title,
            "form": form,
            "queryset": queryset,
            "action": request.POST.get("action"),
            "opts": queryset.model._meta,
        },
    )


@admin.register(TimeSlot)
class TimeSlotAdmin(SiteScopedAdmin):
    site_path = "programme__site"
    form = TimeSlotForm
    list_display = ["start", "end", "programme", "capacity", "held_persons", "places", "status"]
    list_filter = ["status", SlotWhenFilter, ProgrammeSiteFilter, ("programme", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["programme"]
    search_fields = ["programme__title_zh", "note"]
    autocomplete_fields = ["programme"]
    date_hierarchy = "start"
    ordering = ["start"]
    show_full_result_count = False
    actions = ["close_slots", "reopen_slots", "cancel_slots"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_held()

    def get_readonly_fields(self, request, obj=None):
        # Closing, reopening and cancelling go through the actions (bookings.services), which cancel the live
        # bookings of a cancelled slot and tell their organisers; the form would only flip the field.
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "status"] if obj is not None else readonly

    @admin.display(description=_("held"), ordering="held")
    def held_persons(self, slot):
        return slot.held

    @admin.display(description=_("places left"))
    def places(self, slot):
        return slot.places_left()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "programme":
            kwargs["queryset"] = StudyProgramme.objects.filter(
                site__in=Site.objects.managed_by(request.user), draft_of__isnull=True
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _set_status(self, request, queryset, status, reason=""):
        changed = 0
        for slot in queryset.select_related("programme__site"):
            try:
                services.set_slot_status(slot=slot, status=status, user=request.user, reason=reason)
                changed += 1
            except services.BookingError as error:
                self.message_user(request, f"{slot}: {error.message}", messages.WARNING)
        self.message_user(request, _("%(n)d slots changed.") % {"n": changed}, messages.SUCCESS)

    @admin.action(description=_("Close to new bookings"))
    def close_slots(self, request, queryset):
        self._set_status(request, queryset, SlotStatus.CLOSED)

    @admin.action(description=_("Reopen for bookings"))
    def reopen_slots(self, request, queryset):
        self._set_status(request, queryset, SlotStatus.OPEN)

    @admin.action(description=_("Cancel, and cancel their bookings…"))
    def cancel_slots(self, request, queryset):
        return _reason_action(
            self,
            request,
            queryset,
            title=_("Cancel these slots and their bookings"),
            apply=lambda reason: self._set_status(request, queryset, SlotStatus.CANCELLED, reason),
        )


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("open", _("Waiting for an answer")), *BookingStatus.choices]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(status=BookingStatus.REQUESTED, expires_at__gt=timezone.now())
        if self.value() in BookingStatus.values:
            return queryset.filter(status=self.value())
        return queryset


class BookingMailInline(admin.TabularInline):
    """What became of each mail about the booking (queued, sent, failed for good), for whoever may see the booking."""

    model = BookingMail
    fields = readonly_fields = ["status", "attempts", "error", "queued_at", "finished_at"]  # the kind is its title
    extra = 0
    can_delete = False
    verbose_name_plural = _("Mails")

    def has_view_permission(self, request, obj=None):
        return True  # the booking's own admin decided who sees it

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Booking)
class BookingAdmin(SiteScopedAdmin):
    site_path = "slot__programme__site"
    list_display = ["reference", "visit", "programme", "school", "pupil_count", "teachers", "status", "expires_at"]
    list_filter = [StatusFilter, WhenFilter, SiteListFilter]
    list_select_related = ["slot__programme__site"]
    search_fields = ["reference", "school", "organiser_name", "organiser_email", "organiser_phone"]
    date_hierarchy = "slot__start"
    ordering = ["slot__start", "created_at"]
    show_full_result_count = False
    view_on_site = False
    change_list_template = "bookings/admin/booking_change_list.html"
    actions = ["confirm", "decline", "cancel", "mark_attended", "mark_no_show"]
    inlines = [BookingMailInline]
    fieldsets = [
        (None, {"fields": ["reference", "status", "status_note", "slot", "created_at", "expires_at", "answered_at"]}),
        (_("Status log"), {"fields": ["status_log"]}),
        (
            _("Group"),
            {
                "fields": [
                    "school",
                    ("pupils_primary_lower", "pupils_primary_upper", "pupils_junior"),
                    ("pupils_senior", "pupils_university"),
                    ("teachers", "safety_officers", "tutors"),
                    ("pupil_count", "person_count"),
                    "special_needs",
                ]
            },
        ),
        (
            _("Organiser"),
            {"fields": ["organiser_name", "organiser_phone", "organiser_email", "language", "contact_erased_at"]},
        ),
    ]

    # Bookings come from schools through the booking form and change only through the actions, which check the
    # rules and capacity; nothing is edited by hand, added or deleted here.
    def get_readonly_fields(self, request, obj=None):
        return [field for fieldset in self.fieldsets for row in fieldset[1]["fields"] for field in _flat(row)]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("status log"))
    def status_log(self, booking):
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    timezone.localtime(change.at).strftime("%Y-%m-%d %H:%M"),
                    BookingStatus(change.from_status).label if change.from_status else "—",
                    BookingStatus(change.to_status).label,
                    change.user.get_username() if change.user else _ACTORS.get(change.actor, change.actor or "—"),
                    change.note or "—",
                )
                for change in booking.status_log()
            ),
        )
        head = format_html(
            "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            _("when"),
            _("from"),
            _("to"),
            _("by"),
            _("reason given"),
        )
        return format_html('<table class="bo-status-log"><thead>{}</thead><tbody>{}</tbody></table>', head, rows)

    # The generated fields have no verbose name of their own (a migration would rebuild the table for one).
    @admin.display(description=_("pupils"), ordering="pupils")
    def pupil_count(self, booking):
        return booking.pupils

    @admin.display(description=_("persons"), ordering="persons")
    def person_count(self, booking):
        return booking.persons

    @admin.display(description=_("visit"), ordering="slot__start")
    def visit(self, booking):
        return timezone.localtime(booking.slot.start).strftime("%Y-%m-%d %H:%M")

    @admin.display(description=_("programme"))
    def programme(self, booking):
        return booking.slot.programme.title_zh

    def _apply(self, request, queryset, change, **kwargs):
        done = 0
        for booking in queryset.select_related("slot__programme__site"):
            try:
                change(booking=booking, user=request.user, **kwargs)
                done += 1
            except (services.BookingError, PermissionDenied) as error:
                self.message_user(request, f"{booking.reference}: {getattr(error, 'message', error)}", messages.ERROR)
        if done:
            self.message_user(
                request,
                ngettext("%(n)d booking changed.", "%(n)d bookings changed.", done) % {"n": done},
                messages.SUCCESS,
            )

    @admin.action(description=_("Confirm"))
    def confirm(self, request, queryset):
        self._apply(request, queryset, services.confirm_booking)

    @admin.action(description=_("Decline, with a reason…"))
    def decline(self, request, queryset):
        return _reason_action(
            self,
            request,
            queryset,
            title=_("Decline these requests"),
            apply=lambda reason: self._apply(request, queryset, services.decline_booking, reason=reason),
        )

    @admin.action(description=_("Cancel, with a reason…"))
    def cancel(self, request, queryset):
        return _reason_action(
            self,
            request,
            queryset,
            title=_("Cancel these bookings"),
            apply=lambda reason: self._apply(request, queryset, services.cancel_booking, reason=reason),
        )

    @admin.action(description=_("Mark attended"))
    def mark_attended(self, request, queryset):
        self._apply(request, queryset, services.mark_attended)

    @admin.action(description=_("Mark no-show"))
    def mark_no_show(self, request, queryset):
        self._apply(request, queryset, services.mark_no_show)

    def get_urls(self):
        view = self.admin_site.admin_view(self.export_view)
        return [path("export/", view, name="bookings_booking_export"), *super().get_urls()]

    def export_view(self, request):
        if not (self.has_view_permission(request) and Site.objects.managed_by(request.user).exists()):
            raise PermissionDenied
        form = ExportForm(request.GET or None)
        if form.is_bound and form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            queryset = self.get_queryset(request).filter(slot__start__date__range=(start, end))
            return bookings_csv(queryset.order_by("slot__start", "created_at"), f"bookings-{start}-{end}.csv")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Export bookings as CSV"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "bookings/admin/export.html", context)


def _flat(row):
    return row if isinstance(row, tuple) else (row,)
