import django_filters
from django.utils.translation import gettext_lazy as _

from core.choices import District, Industry
from invest.models import InvestmentProject, Stage


class ProjectFilter(django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=Stage.choices, empty_label=_("Any stage"))
    district = django_filters.ChoiceFilter(label=_("District"), choices=District.choices, empty_label=_("Anywhere"))
    industry = django_filters.ChoiceFilter(label=_("Industry"), choices=Industry.choices, empty_label=_("Any industry"))

    class Meta:
        model = InvestmentProject
        fields = ["stage", "district", "industry"]
