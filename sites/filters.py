import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.choices import Audience, District, Industry
from core.models import audience_q, rank_by
from core.search import bigram_filter
from sites.models import HeritageAsset, HeritageLevel, HeritageState, Site

Q_MAX_LENGTH = 100
LEVEL_ORDER = ("national", "provincial", "municipal")

LEVEL_CHOICES = [
    ("national", _("National base")),
    ("provincial", _("Provincial point")),
    ("municipal", _("Municipal point")),
]


def keyword_q(value, fields):
    """Substring search: finds two-character Chinese words (陶瓷) on SQLite and PostgreSQL alike."""
    query = Q()
    for word in _words(value):
        word_q = Q()
        for field in fields:
            word_q |= Q(**{f"{field}__icontains": word})
        query &= word_q
    return query


def _words(value):
    return value.split()[:5]


class KeywordFilter(django_filters.CharFilter):
    def __init__(self, *args, search_fields=(), **kwargs):
        self.search_fields = search_fields
        kwargs.setdefault("max_length", Q_MAX_LENGTH)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        value = (value or "").strip()
        if not value:
            return qs
        for word in _words(value):
            # On PostgreSQL a two-character word first goes through the bigram index (core.search).
            if (narrowed := bigram_filter(qs.model, self.search_fields, word)) is not None:
                qs = qs.filter(narrowed)
        return qs.filter(keyword_q(value, self.search_fields))


class SiteFilter(django_filters.FilterSet):
    q = KeywordFilter(
        label=_("Keyword"),
        search_fields=("name_zh", "name_en", "summary_zh", "summary_en", "description_zh", "description_en"),
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Ceramics, locomotives, Liling…")}),
    )
    level = django_filters.ChoiceFilter(
        label=_("Demonstration level"), choices=LEVEL_CHOICES, empty_label=_("Any level")
    )
    industry = django_filters.ChoiceFilter(label=_("Industry"), choices=Industry.choices, empty_label=_("Any industry"))
    district = django_filters.ChoiceFilter(label=_("District"), choices=District.choices, empty_label=_("Anywhere"))
    audience = django_filters.ChoiceFilter(
        label=_("Good for"), choices=Audience.choices, empty_label=_("Everyone"), method="filter_audience"
    )
    open_on = django_filters.DateFilter(
        label=_("Open on"),
        method="filter_open_on",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        choices=[("name", _("Name")), ("level", _("Demonstration level")), ("-updated", _("Recently updated"))],
        fields={"name_zh": "name", "updated_at": "updated"},
        empty_label=_("Recommended"),
    )

    class Meta:
        model = Site
        fields = ["q", "level", "industry", "district", "audience", "open_on"]

    def filter_audience(self, qs, name, value):
        return qs.filter(audience_q(value))

    def filter_open_on(self, qs, name, value):
        return qs.open_on(value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        sort = self.form.cleaned_data.get("sort")
        if not sort or sort == ["level"]:
            # "Recommended" and "level": national bases first, then provincial, municipal, the rest.
            queryset = queryset.order_by(rank_by("level", LEVEL_ORDER), "-featured", "name_zh")
        return queryset


class HeritageFilter(django_filters.FilterSet):
    q = KeywordFilter(
        label=_("Keyword"),
        search_fields=("name_zh", "name_en", "summary_zh", "summary_en", "description_zh", "description_en"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    level = django_filters.ChoiceFilter(
        label=_("Heritage level"), choices=HeritageLevel.choices, empty_label=_("Any level")
    )
    state = django_filters.ChoiceFilter(label=_("State"), choices=HeritageState.choices, empty_label=_("Any state"))
    district = django_filters.ChoiceFilter(label=_("District"), choices=District.choices, empty_label=_("Anywhere"))

    class Meta:
        model = HeritageAsset
        fields = ["q", "level", "state", "district"]

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by(rank_by("level", LEVEL_ORDER), "name_zh")
