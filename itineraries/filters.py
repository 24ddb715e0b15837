import django_filters
from django.utils.translation import gettext_lazy as _

from core.choices import Audience
from core.models import audience_q
from itineraries.models import Itinerary, Theme

LONG_ROUTE_DAYS = 3

DAYS_CHOICES = [
    ("1", _("One day")),
    ("2", _("Two days")),
    (str(LONG_ROUTE_DAYS), _("Three days or more")),
]


class RouteFilter(django_filters.FilterSet):
    theme = django_filters.ChoiceFilter(label=_("Theme"), choices=Theme.choices, empty_label=_("Any theme"))
    audience = django_filters.ChoiceFilter(
        label=_("Good for"), choices=Audience.choices, empty_label=_("Everyone"), method="filter_audience"
    )
    days = django_filters.ChoiceFilter(
        label=_("Length"), choices=DAYS_CHOICES, empty_label=_("Any length"), method="filter_days"
    )

    class Meta:
        model = Itinerary
        fields = ["theme", "audience", "days"]

    def filter_audience(self, qs, name, value):
        return qs.filter(audience_q(value))

    def filter_days(self, qs, name, value):
        days = int(value)
        # The number of days is derived from the stops (with_days), never typed in.
        return qs.filter(num_days__gte=days) if days >= LONG_ROUTE_DAYS else qs.filter(num_days=days)
