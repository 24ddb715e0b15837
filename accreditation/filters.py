import django_filters
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accreditation.models import Decision
from core.models import rank_by
from sites.filters import LEVEL_CHOICES, LEVEL_ORDER
from sites.models import DemonstrationLevel, Site


def accredited_points():
    """Published sites with a demonstration level, each with its current city accreditation's end date (one
    subquery, so the page makes the same number of queries whatever it lists)."""
    current = Decision.objects.current(timezone.localdate()).filter(application__site=OuterRef("pk"))
    return (
        Site.objects.published()
        .exclude(level=DemonstrationLevel.NONE)
        .annotate(valid_until=Subquery(current.order_by("-decided_at").values("valid_until")[:1]))
    )


class PointFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("Level"), choices=LEVEL_CHOICES, empty_label=_("Any level"))
    year = django_filters.NumberFilter(field_name="level_year", label=_("Year awarded"), min_value=1990, max_value=2100)

    class Meta:
        model = Site
        fields = ["level", "year"]

    def filter_queryset(self, queryset):
        return (
            super()
            .filter_queryset(queryset)
            .order_by(
                # Points without a year last on every database (PostgreSQL sorts NULL first when descending).
                rank_by("level", LEVEL_ORDER),
                F("level_year").desc(nulls_last=True),
                "name_zh",
            )
        )
