import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bookings.models import GradeBand, StudyProgramme, TimeSlot
from core.choices import District
from sites.models import Site


def _sites_with_programmes(request):
    programmes = StudyProgramme.objects.published().filter(site=OuterRef("pk"))
    return Site.objects.published().filter(Exists(programmes)).only("slug", "name_zh", "name_en").order_by("name_zh")


class SiteChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name  # in the page's language, not the admin's Chinese __str__


class SiteFilter(django_filters.ModelChoiceFilter):
    field_class = SiteChoiceField


class ProgrammeFilter(django_filters.FilterSet):
    grade = django_filters.ChoiceFilter(
        label=_("Grade"), choices=GradeBand.choices, empty_label=_("All grades"), method="filter_grade"
    )
    district = django_filters.ChoiceFilter(
        label=_("District"), choices=District.choices, empty_label=_("Anywhere"), field_name="site__district"
    )
    # Hidden: a site's own link to its programmes sets it. As a list it named every site with a study tour
    # (450 at province scale), which weighed 30 KB and took longer to render than the rest of the page.
    site = SiteFilter(
        label=_("Site"),
        queryset=_sites_with_programmes,
        to_field_name="slug",
        empty_label=_("All sites"),
        widget=forms.HiddenInput,
    )
    date = django_filters.DateFilter(
        label=_("Date"), method="filter_date", widget=forms.DateInput(attrs={"type": "date"})
    )
    free = django_filters.BooleanFilter(label=_("Free only"), method="filter_free", widget=forms.CheckboxInput)

    class Meta:
        model = StudyProgramme
        fields = ["grade", "district", "site", "date", "free"]

    def filter_grade(self, queryset, name, value):
        return queryset.for_grade(value)

    def filter_date(self, queryset, name, value):
        slots = TimeSlot.objects.filter(programme=OuterRef("pk"), start__date=value).bookable_from(timezone.now())
        return queryset.filter(Exists(slots))

    def filter_free(self, queryset, name, value):
        return queryset.filter(price_per_pupil=0) if value else queryset
