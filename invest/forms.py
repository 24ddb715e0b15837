from django import forms
from django.utils.translation import gettext_lazy as _

from bookings.models import phone_validator
from invest.models import Interest


class EnquiryForm(forms.Form):
    """An investor's enquiry. Nothing but what the bureau needs to answer: the company, a person, a way back."""

    company = forms.CharField(
        label=_("Company"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "organization"})
    )
    contact_name = forms.CharField(
        label=_("Contact person"), max_length=80, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email"), max_length=254, required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    interest = forms.ChoiceField(label=_("Your interest"), choices=[("", _("Choose one")), *Interest.choices])
    message = forms.CharField(
        label=_("Message (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you would like to know: scale, timing, conditions. Please do not send documents here."),
    )

    def clean_phone(self):
        # People write 0731-2888 8888 or +86 138…; the number is its digits (and a leading +).
        phone = "".join(ch for ch in self.cleaned_data["phone"] if ch not in " -()")
        if phone:
            phone_validator(phone)
        return phone

    def clean(self):
        cleaned = super().clean()
        # Said beside any other mistake, so that one more try is enough; not when a given number is just mistyped.
        mistyped = "phone" in self.errors or "email" in self.errors
        if not mistyped and not cleaned.get("phone") and not cleaned.get("email"):
            raise forms.ValidationError(_("Give a phone number or an email address, so that the bureau can answer."))
        return cleaned
