import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from events.services import SeriesError, series_starts
from sites.models import Weekday

# Calendar pages outside these years are only ever reached by crawlers walking "next month".
MIN_YEAR, MAX_YEAR = 2000, 2100


class SeriesForm(forms.Form):
    """Staff describe a weekly pattern; events.services.generate_series turns it into dates."""

    weekdays = forms.TypedMultipleChoiceField(
        label=_("On these weekdays"),
        choices=Weekday.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one weekday.")},
    )
    first_day = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    last_day = forms.DateField(label=_("Until (inclusive)"), widget=forms.DateInput(attrs={"type": "date"}))
    starts = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(
        label=_("Ends at"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Same day, Beijing time (Asia/Shanghai)."),
    )
    note_zh = forms.CharField(label=_("note (Chinese)"), max_length=160, required=False)
    note_en = forms.CharField(label=_("note (English)"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                self.times = series_starts(
                    first_day=data["first_day"],
                    last_day=data["last_day"],
                    weekdays=data["weekdays"],
                    starts=data["starts"],
                    ends=data["ends"],
                )
            except SeriesError as error:
                raise forms.ValidationError(str(error)) from error
            if not self.times:
                raise forms.ValidationError(_("None of the chosen weekdays falls between those two days."))
        return data


class MonthField(forms.Field):
    """A calendar month written `2026-07`; cleans to the first day of that month."""

    default_error_messages = {"invalid": _("Give a month as year-month, for example 2026-07.")}

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        try:
            year, month = (int(part) for part in value.split("-"))
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise ValueError(year)
            return datetime.date(year, month, 1)
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error
