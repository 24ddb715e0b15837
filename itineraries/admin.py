from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from core.admin import PublicationFilter, PublishingAdmin
from itineraries.models import Itinerary, Stop


class StopFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        days = {
            form.cleaned_data["day"]
            for form in self.forms
            if form.cleaned_data.get("day") and not form.cleaned_data.get("DELETE")
        }
        missing = sorted(set(range(1, max(days, default=0) + 1)) - days)
        if missing:
            raise ValidationError(
                _("Day %(days)s has no stop. Number the days without gaps.")
                % {"days": ", ".join(str(day) for day in missing)}
            )


class StopInline(admin.StackedInline):
    model = Stop
    formset = StopFormSet
    extra = 0
    autocomplete_fields = ["site", "heritage", "event"]
    fieldsets = [
        (
            None,
            {"fields": [("day", "position", "visit_minutes"), ("site", "heritage", "event"), ("note_zh", "note_en")]},
        ),
        (
            _("To the next stop"),
            {"fields": [("next_mode", "next_minutes"), ("next_directions_zh", "next_directions_en")]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("site", "heritage", "event")


class DaysFilter(admin.SimpleListFilter):
    title = _("length")
    parameter_name = "days"

    def lookups(self, request, model_admin):
        return [("0", _("No stops yet")), ("1", _("One day")), ("2", _("Several days"))]

    def queryset(self, request, queryset):
        if self.value() == "0":
            return queryset.filter(last_day__isnull=True)
        if self.value() == "1":
            return queryset.filter(last_day=1)
        if self.value() == "2":
            return queryset.filter(last_day__gte=2)
        return queryset


@admin.register(Itinerary)
class ItineraryAdmin(PublishingAdmin):
    list_display = ["title_zh", "title_en", "theme", "days", "stops", "related_event", "featured", "publication"]
    list_display_links = ["title_zh"]
    list_filter = [PublicationFilter, "featured", "theme", DaysFilter, "for_study_tours", "for_families", "for_seniors"]
    list_editable = ["featured"]
    list_select_related = ["related_event"]
    search_fields = ["title_zh", "title_en", "slug"]
    autocomplete_fields = ["related_event"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [StopInline]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["title_zh", "title_en", "slug", "theme", "featured"]}),
        (_("Publication"), {"fields": ["published", "in_review", "publish_from", "publish_until"]}),
        (_("Description"), {"fields": ["summary_zh", "summary_en", "description_zh", "description_en"]}),
        (_("Before you go"), {"fields": ["tips_zh", "tips_en"]}),
        (_("Audiences"), {"fields": ["for_study_tours", "for_families", "for_seniors", "for_general"]}),
        (_("Follow the expo"), {"fields": ["related_event"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        # Staff see every stop here, published or not: the numbers are about the route as entered.
        return super().get_queryset(request).annotate(last_day=Max("stops__day"), stop_total=Count("stops"))

    @admin.display(description=_("days"), ordering="last_day")
    def days(self, route):
        return route.last_day or 0

    @admin.display(description=_("stops"), ordering="stop_total")
    def stops(self, route):
        return route.stop_total
