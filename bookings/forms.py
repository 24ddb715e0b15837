import datetime
import re

from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from bookings.models import MAX_STAFF_PER_GROUP, GradeBand, phone_validator, pupils_field
from core.params import row_id

MAX_PUPILS_PER_BAND = 500
MAX_TEACHERS = 200


class BookingForm(forms.Form):
    """The booking request. The rules that need the slot's live state are checked again, locked, by the service."""

    slot = forms.CharField(label=_("Date and time"), max_length=20)
    school = forms.CharField(label=_("School"), max_length=120)
    organiser_name = forms.CharField(label=_("Your name"), max_length=60)
    organiser_phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    organiser_email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("We send the link to your booking here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    teachers = forms.IntegerField(label=_("Teachers"), min_value=1, max_value=MAX_TEACHERS)
    special_needs = forms.CharField(
        label=_("Special needs (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For the group as a whole, e.g. “two wheelchair users”. Do not enter pupils' names or health details."
        ),
    )
    submission_key = forms.CharField(
        required=False,
        widget=forms.HiddenInput,
        validators=[RegexValidator(r"^[A-Za-z0-9_-]{16,64}$", _("The form was damaged. Reload the page."))],
    )

    def __init__(self, *args, programme, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["slot"].widget = forms.Select(choices=[("", _("Choose a date"))] + [_slot_choice(s) for s in slots])
        self.band_fields = []
        for band in programme.grade_bands():
            name = pupils_field(band)
            self.fields[name] = forms.IntegerField(
                label=band.label,
                min_value=0,
                max_value=MAX_PUPILS_PER_BAND,
                required=False,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )
            self.band_fields.append(name)
        # Safety officers and tutors are asked for only where the programme requires them (LB/T 054).
        self.staff_fields = ["teachers"]
        for name, label, needed in [
            ("safety_officers", _("Safety officers"), programme.safety_officers_per_group),
            ("tutors", _("Tutors"), programme.tutors_per_group),
        ]:
            if needed:
                self.fields[name] = forms.IntegerField(
                    label=label, min_value=0, max_value=MAX_STAFF_PER_GROUP, initial=needed
                )
                self.staff_fields.append(name)
        # Keep the pupils' fields together, after the slot and before the teachers.
        order = ["slot", *self.band_fields, *self.staff_fields, "school", "organiser_name", "organiser_phone"]
        self.order_fields(order + ["organiser_email", "special_needs", "submission_key"])

    def band_bound_fields(self):
        return [self[name] for name in self.band_fields]

    def staff_bound_fields(self):
        return [self[name] for name in self.staff_fields]

    def staff(self):
        """(teachers, safety officers, tutors) as entered; 0 for a field the programme does not ask for."""
        return tuple(self.cleaned_data.get(name) or 0 for name in ("teachers", "safety_officers", "tutors"))

    def clean_slot(self):
        pk = row_id(self.cleaned_data["slot"])
        slot = self.programme.slots.filter(pk=pk).first() if pk else None
        if slot is None:
            raise forms.ValidationError(
                _("This time slot does not exist for this programme. Choose one from the list.")
            )
        return slot.pk

    def clean_organiser_phone(self):
        phone = re.sub(r"[\s\-()（）]", "", self.cleaned_data["organiser_phone"])
        phone_validator(phone)
        return phone

    def pupils(self):
        return {band: self.cleaned_data.get(pupils_field(band)) or 0 for band in GradeBand}

    def clean(self):
        cleaned = super().clean()
        if self.errors or not all(name in cleaned for name in ("slot", "teachers")):
            return cleaned
        pupils = self.pupils()
        if sum(pupils.values()) == 0:
            raise forms.ValidationError(_("Enter how many pupils are coming, per grade."))
        for field, message in self.programme.group_errors(pupils, *self.staff()).items():
            self.add_error(field if field in self.fields else None, message)
        return cleaned


def _slot_choice(slot):
    start, end = timezone.localtime(slot.start), timezone.localtime(slot.end)
    label = f"{date_format(start, 'DATE_FORMAT')} ({date_format(start, 'D')}) {start:%H:%M}–{end:%H:%M}"
    left = slot.places_for_a_group()
    if left:
        label += " · " + str(_("%(n)d places left") % {"n": left})
    else:
        label += " · " + str(_("full"))
    return (str(slot.pk), label)


class CancelForm(forms.Form):
    """One tap must not cancel a school's visit: the organiser ticks a box first, which works without JavaScript."""

    confirm = forms.BooleanField(label=_("Yes, cancel this booking"))


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the organiser"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class ExportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The end date is before the start date."))
            if (end - start).days > 366:
                raise forms.ValidationError(_("Export at most a year at a time."))
        return cleaned


WEEKDAY_CHOICES = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class GenerateSlotsForm(forms.Form):
    first_day = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    last_day = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"), choices=WEEKDAY_CHOICES, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    times = forms.CharField(
        label=_("Start times"), max_length=200, help_text=_("24-hour times separated by commas, e.g. 09:00, 14:00")
    )
    capacity = forms.IntegerField(label=_("Capacity (persons)"), min_value=1, max_value=1000)

    def clean_times(self):
        times = []
        for part in re.split(r"[,，\s]+", self.cleaned_data["times"].strip()):
            if not part:
                continue
            try:
                times.append(datetime.datetime.strptime(part, "%H:%M").time())
            except ValueError:
                raise forms.ValidationError(_("“%(value)s” is not a time like 09:30.") % {"value": part[:10]}) from None
        if not times:
            raise forms.ValidationError(_("Give at least one start time."))
        return sorted(set(times))
