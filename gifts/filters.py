import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.choices import Industry
from gifts.models import Collection, Gift
from sites.models import Site


class _NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name  # in the page's language


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _NamedChoiceField


def _collections(request):
    return Collection.objects.shown()


def _sites(request):
    return Site.objects.published().filter(gifts__published=True).distinct().order_by("name_zh")


class GiftFilter(django_filters.FilterSet):
    collection = NamedChoiceFilter(
        label=_("Collection"),
        queryset=_collections,
        to_field_name="slug",
        field_name="collections",
        empty_label=_("All collections"),
    )
    industry = django_filters.ChoiceFilter(label=_("Industry"), choices=Industry.choices, empty_label=_("Any industry"))
    site = NamedChoiceFilter(
        label=_("Site"), queryset=_sites, to_field_name="slug", empty_label=_("Any site"), method="filter_site"
    )

    class Meta:
        model = Gift
        fields = ["collection", "industry", "site"]

    def filter_site(self, queryset, name, value):
        return queryset.drawing_on_sites([value])
