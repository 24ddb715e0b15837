from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Exists, Min, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import PhotoInline, PublicationFilter, PublishingAdmin, ScopedHistoryAdmin, thumbnail_column
from events.forms import SeriesForm
from events.models import Event, EventPhoto, Occurrence, refresh_next_dates
from events.services import SeriesError, generate_series


class EventPhotoInline(PhotoInline):
    model = EventPhoto


class OccurrenceInline(admin.TabularInline):
    model = Occurrence
    extra = 0
    fields = ["starts_at", "ends_at", "cancelled", "note_zh", "note_en"]
    ordering = ["starts_at"]
    verbose_name_plural = _("dates (Beijing time); use “Add a weekly series” above for many at once")


class WhenFilter(admin.SimpleListFilter):
    title = _("dates")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Has dates to come")), ("past", _("Only past dates")), ("none", _("No dates yet"))]

    def queryset(self, request, queryset):
        dates = Occurrence.objects.filter(event=OuterRef("pk"))
        ahead = dates.filter(ends_at__gte=timezone.now())
        # Exists rather than a join, which would multiply the date counts of the changelist.
        if self.value() == "upcoming":
            return queryset.filter(Exists(ahead))
        if self.value() == "past":
            return queryset.filter(Exists(dates)).exclude(Exists(ahead))
        if self.value() == "none":
            return queryset.exclude(Exists(dates))
        return queryset


@admin.register(Event)
class EventAdmin(PublishingAdmin):
    list_display = [
        "thumbnail",
        "title_zh",
        "title_en",
        "kind",
        "venue",
        "first_date",
        "dates",
        "status",
        "publication",
    ]
    list_display_links = ["thumbnail", "title_zh"]
    list_filter = [PublicationFilter, "status", "kind", WhenFilter, "district"]
    list_select_related = ["site"]
    search_fields = ["title_zh", "title_en", "slug", "venue_name_zh", "organiser_zh"]
    autocomplete_fields = ["site"]
    readonly_fields = ["published_at", "created_at", "updated_at"]
    inlines = [OccurrenceInline, EventPhotoInline]
    show_full_result_count = False
    change_form_template = "admin/events/event/change_form.html"
    fieldsets = [
        (None, {"fields": ["title_zh", "title_en", "slug", "kind"]}),
        (_("Publication"), {"fields": ["published", "in_review", "publish_from", "publish_until"]}),
        (_("Description"), {"fields": ["summary_zh", "summary_en", "description_zh", "description_en"]}),
        (
            _("Status"),
            {
                "fields": ["status", "status_reason_zh", "status_reason_en"],
                "description": _("A cancelled event needs a reason; visitors see it on the event page."),
            },
        ),
        (
            _("Venue"),
            {
                "fields": [
                    "site",
                    "venue_name_zh",
                    "venue_name_en",
                    "address_zh",
                    "address_en",
                    "district",
                    "latitude",
                    "longitude",
                    "coordinates_approximate",
                ],
                "description": _("Choose a site, or name the place, its district and its coordinates."),
            },
        ),
        (_("Audiences"), {"fields": ["for_study_tours", "for_families", "for_seniors", "for_general"]}),
        (
            _("Tickets"),
            {
                "fields": [
                    "organiser_zh",
                    "organiser_en",
                    "admission_free",
                    "admission_price",
                    "admission_note_zh",
                    "admission_note_en",
                    "booking_required",
                    "booking_url",
                ]
            },
        ),
        (_("History"), {"fields": ["published_at", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(first_start=Min("occurrences__starts_at"))  # the number of dates is stored (date_count)
            .prefetch_related(Prefetch("photos", queryset=EventPhoto.objects.order_by("position", "id")))
        )

    @admin.display(description=_("photo"))
    def thumbnail(self, event):
        return thumbnail_column(event)

    @admin.display(description=_("venue"))
    def venue(self, event):
        return event.place_name

    @admin.display(description=_("first date"), ordering="first_start")
    def first_date(self, event):
        return timezone.localtime(event.first_start).strftime("%Y-%m-%d %H:%M") if event.first_start else "—"

    @admin.display(description=_("dates"), ordering="date_count")
    def dates(self, event):
        return event.date_count

    def get_urls(self):
        urls = [
            path(
                "<int:event_id>/series/",
                self.admin_site.admin_view(self.series_view),
                name="events_event_series",
            )
        ]
        return urls + super().get_urls()

    def series_view(self, request, event_id):
        """Staff generate many dates from a weekly pattern; existing dates are kept, so it can be rerun."""
        event = get_object_or_404(Event, pk=event_id)
        if not self.has_change_permission(request, event):
            return redirect("admin:index")
        form = SeriesForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                created = generate_series(event=event, **form.cleaned_data)
            except SeriesError as error:
                form.add_error(None, str(error))
            else:
                skipped = len(form.times) - len(created)
                message = ngettext("Added %(count)d date.", "Added %(count)d dates.", len(created)) % {
                    "count": len(created)
                }
                if skipped:
                    message += " " + ngettext(
                        "%(count)d date already existed and was kept.",
                        "%(count)d dates already existed and were kept.",
                        skipped,
                    ) % {"count": skipped}
                self.message_user(request, message, messages.SUCCESS)
                return redirect(reverse("admin:events_event_change", args=[event.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": event,
            "form": form,
            "title": _("Add a weekly series of dates"),
        }
        return render(request, "admin/events/event/series.html", context)


class OccurrenceWhenFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("To come")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.upcoming()
        if self.value() == "past":
            return queryset.past()
        return queryset


@admin.register(Occurrence)
class OccurrenceAdmin(ScopedHistoryAdmin):
    list_display = ["event", "starts_at", "ends_at", "cancelled", "note_zh"]
    list_filter = [OccurrenceWhenFilter, "cancelled", "event__kind"]
    list_select_related = ["event"]
    search_fields = ["event__title_zh", "event__title_en", "note_zh"]
    autocomplete_fields = ["event"]
    date_hierarchy = "starts_at"
    ordering = ["starts_at"]
    actions = ["cancel_dates", "restore_dates"]
    show_full_result_count = False

    @admin.action(description=_("Cancel the selected dates"))
    def cancel_dates(self, request, queryset):
        with transaction.atomic():
            count = queryset.filter(cancelled=False).update(cancelled=True)
            refresh_next_dates(Event.objects.filter(pk__in=queryset.values("event_id")))
        self.message_user(request, ngettext("Cancelled %d date.", "Cancelled %d dates.", count) % count)

    @admin.action(description=_("Restore the selected dates"))
    def restore_dates(self, request, queryset):
        with transaction.atomic():
            count = queryset.filter(cancelled=True).update(cancelled=False)
            refresh_next_dates(Event.objects.filter(pk__in=queryset.values("event_id")))
        self.message_user(request, ngettext("Restored %d date.", "Restored %d dates.", count) % count)
