"""Forms of the workflow. They check what a field can check; the rules that span rows (deadlines, who may, all
scores in) are the services', whose errors the views show on the form."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accreditation import evidence, roles
from accreditation.models import Call, Outcome
from sites.models import Site

MAX_FILES_PER_POST = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files at once, each checked by content (accreditation.evidence); cleans to [(name, CheckedFile)]."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES_PER_POST:
            raise ValidationError(_("Upload at most %(count)s files at a time.") % {"count": MAX_FILES_PER_POST})
        checked, errors = [], []
        for upload in files:
            upload = super().clean(upload, initial)
            try:
                checked.append((upload.name, evidence.check_upload(upload)))
            except ValidationError as error:
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return checked


class StartForm(forms.Form):
    call = forms.ModelChoiceField(label=_("Call for applications"), queryset=Call.objects.none())
    site = forms.ModelChoiceField(label=_("Site"), queryset=Site.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = Call.objects.open()
        self.fields["site"].queryset = Site.objects.managed_by(user).order_by("name_zh")
        if not self.is_bound:  # one call or one site: chosen already
            for name in ["call", "site"]:
                choices = list(self.fields[name].queryset[:2])
                if len(choices) == 1:
                    self.initial[name] = choices[0].pk


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    files = EvidenceField(
        label=_("Add evidence"),
        required=False,
        help_text=_("Photos (JPEG, PNG, WebP) or PDFs without scripts, up to 10 MB each."),
    )
    remove = forms.MultipleChoiceField(label=_("Remove"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, answer, **kwargs):
        super().__init__(*args, initial={"text": answer.text}, **kwargs)
        self.answer = answer
        self.fields["text"].label = _("Your answer on %(code)s") % {"code": answer.criterion.code}
        self.fields["remove"].choices = [(str(e.pk), e.original_name) for e in answer.evidence.all()]
        self.fields["files"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp,application/pdf"


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this site or its operator?"),
        choices=[("no", _("No: I have no interest in this site, its owner or its operator")), ("yes", _("Yes"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=_("For example: you work or worked for it, advise it, or are related to its managers."),
    )
    note = forms.CharField(
        label=_("Describe the conflict"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("has_conflict") and not data.get("note", "").strip():
            self.add_error("note", _("Describe the conflict of interest."))
        return data


class ScoreForm(forms.Form):
    points = forms.IntegerField(label=_("Points"), required=False, min_value=0)
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, criterion, **kwargs):
        super().__init__(*args, **kwargs)
        self.criterion = criterion
        self.fields["points"] = forms.IntegerField(
            label=_("Points (0–%(max)s)") % {"max": criterion.max_points},
            required=False,
            min_value=0,
            max_value=criterion.max_points,
        )


class AssignForm(forms.Form):
    assessors = forms.ModelMultipleChoiceField(
        label=_("Assessors"), queryset=get_user_model().objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        # The Assessor role's members; the administrator, who decides, is not offered (services refuse it too).
        self.fields["assessors"].queryset = (
            get_user_model()
            .objects.filter(groups__name=roles.ASSESSOR, is_active=True, is_staff=True)
            .exclude(pk__in=application.site.operators.values("pk"))
            .exclude(pk__in=application.assignments.values("assessor"))
            .distinct()
            .order_by("username")
        )
        self.fields["assessors"].label_from_instance = lambda user: user.get_full_name() or user.username


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect)
    reasons = forms.CharField(
        label=_("Reasons or requests"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed to defer or refuse: the operator receives them by mail."),
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") in (Outcome.DEFER, Outcome.REFUSE) and not data.get("reasons", "").strip():
            self.add_error("reasons", _("Give the reasons or the requests: the operator receives them."))
        return data


class AppealForm(forms.Form):
    grounds = forms.CharField(
        label=_("Grounds of the appeal"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
