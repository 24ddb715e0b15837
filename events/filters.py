import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.choices import Audience, District
from core.models import audience_q
from core.params import DATE_VALIDATORS
from core.publishing import published_q
from events.models import CountedRows, Event, EventKind, Occurrence, local_midnight


class FlagInput(forms.CheckboxInput):
    """A checkbox that reads `free=1`, `free=true` or `free=on` as ticked and anything else as not."""

    def value_from_datadict(self, data, files, name):
        return str(data.get(name, "")).strip().lower() in {"1", "true", "on", "yes"}


ONE_DAY = datetime.timedelta(days=1)


class FlagFilter(django_filters.BooleanFilter):
    field_class = forms.BooleanField


class OccurrenceFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            # On the field, so only that filter is dropped and the notice names it.
            self.add_error("date_to", _("The end date comes before the start date."))
        return data


def _on_events(qs, q):
    """Filter events, or the dates of the events, by an Event lookup `q`."""
    return qs.filter(q if qs.model is Event else _event_q(q))


def _event_q(q):
    """Prefix every lookup of an Event filter so it applies to occurrences."""
    if isinstance(q, Q):
        children = [_event_q(child) for child in q.children]
        return Q(*children, _connector=q.connector, _negated=q.negated)
    key, value = q
    return (f"event__{key}", value)


class OccurrenceFilter(django_filters.FilterSet):
    """Filters shared by the upcoming list, the archive and the calendar (which leaves out the dates)."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=EventKind.choices, empty_label=_("Any kind"), method="filter_kind"
    )
    audience = django_filters.ChoiceFilter(
        label=_("Good for"), choices=Audience.choices, empty_label=_("Everyone"), method="filter_audience"
    )
    district = django_filters.ChoiceFilter(
        label=_("District"), choices=District.choices, empty_label=_("Anywhere"), method="filter_district"
    )
    date_from = django_filters.DateFilter(
        label=_("From"),
        method="filter_date_from",
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=DATE_VALIDATORS,
    )
    date_to = django_filters.DateFilter(
        label=_("Until"),
        method="filter_date_to",
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=DATE_VALIDATORS,
    )
    free = FlagFilter(label=_("Free admission only"), method="filter_free", widget=FlagInput)

    class Meta:
        model = Occurrence
        form = OccurrenceFilterForm
        fields = ["kind", "audience", "district", "date_from", "date_to", "free"]

    def __init__(self, *args, dates=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not dates:
            del self.filters["date_from"], self.filters["date_to"]

    # Each Event filter applies to dates and, for the upcoming list, to events (UpcomingFilter).
    def filter_kind(self, qs, name, value):
        return _on_events(qs, Q(kind=value))

    def filter_audience(self, qs, name, value):
        return _on_events(qs, audience_q(value))

    def filter_district(self, qs, name, value):
        return _on_events(qs, Q(site__district=value) | Q(site__isnull=True, district=value))

    def filter_date_from(self, qs, name, value):
        return qs.filter(ends_at__gt=local_midnight(value))

    def filter_date_to(self, qs, name, value):
        return qs.filter(starts_at__lt=local_midnight(value + ONE_DAY))

    def filter_free(self, qs, name, value):
        return _on_events(qs, Q(admission_free=True)) if value else qs

    def chosen_events(self, now=None):
        """The events published at `now` that the chosen filters keep, or None with a date filter (which picks
        dates)."""
        chosen = self.form.cleaned_data if self.is_bound else {}
        if chosen.get("date_from") or chosen.get("date_to"):
            return None
        events = Event.objects.filter(published_q(now=now))
        for name, value in chosen.items():
            events = self.filters[name].filter(events, value)
        return events


class DatesAtFilter(OccurrenceFilter):
    """The dates' filters as seen at `now`, the time the page is for."""

    def __init__(self, *args, now, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now


class UpcomingFilter(DatesAtFilter):
    """The upcoming list: each event once, at its next date inside the filters (OccurrenceQuerySet.next_per_event).

    Without a date filter the events and their order come from their stored next date (Event.next_start), an
    index scan; with one, from the dates inside it."""

    @property
    def qs(self):
        # Unbound (no filters) too, so not in filter_queryset(), which django-filter then skips.
        if not hasattr(self, "_next_per_event"):
            dates = super().qs
            events = self.chosen_events(self.now)
            if events is None:
                self._next_per_event = dates.next_per_event()
            else:
                self._next_per_event = dates.next_per_event(events.filter(next_end__gte=self.now))
        return self._next_per_event


class ArchiveFilter(DatesAtFilter):
    """The archive: past dates, latest first. Without a date filter their count comes from the events' stored
    dates (CountedRows, EventQuerySet.count_past_dates); with one, from the dates inside it."""

    @property
    def qs(self):
        if not hasattr(self, "_past_dates"):
            dates = super().qs
            events = self.chosen_events()  # published now, as Occurrence.objects.visible() reads
            if events is None:
                self._past_dates = dates
            else:
                self._past_dates = CountedRows(dates, lambda: events.count_past_dates(self.now))
        return self._past_dates
