"""The form renderer writes selects byte for byte as Django's templates do (core.formrender)."""

from unittest import mock

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core import formrender
from core.formrender import FormRenderer
from sites.filters import SiteFilter


class Sample(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Any"), ("a", "A & <b>"), (3, 1234.5)], required=False)
    grouped = forms.ChoiceField(
        choices=[("Fruit", [("apple", "Apple"), ("pear", 'Pear "x"')]), ("none", "None")],
        widget=forms.Select(attrs={"class": "wide", "data-x": 'a"b', "disabled": True, "hidden": False}),
    )
    many = forms.MultipleChoiceField(choices=[("1", _("Free")), ("2", mark_safe("<i>safe</i>"))], required=False)
    nullable = forms.NullBooleanField()
    radio = forms.ChoiceField(choices=[("x", "X")], widget=forms.RadioSelect)


def _written_as_with_the_templates(form_class, data, language, writer):
    """Every field of `form_class` rendered by the Python renderer, compared with Django's templates; the form and
    how many fields went through `formrender.<writer>`."""
    with translation.override(language):
        fast = form_class(data, renderer=FormRenderer())
        slow = form_class(data, renderer=DjangoTemplates())
        with mock.patch.object(formrender, writer, wraps=getattr(formrender, writer)) as written:
            for name in fast.fields:
                assert str(fast[name]) == str(slow[name]), name
        return fast, written.call_count


@pytest.mark.parametrize("data", [None, {"plain": "3", "grouped": "pear", "many": ["1", "2"], "nullable": "true"}])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_selects_read_exactly_as_with_the_templates(data, language):
    form, written = _written_as_with_the_templates(Sample, data, language, "render_select")
    assert written == 4  # the four selects, not the radio buttons
    with translation.override(language):
        assert "selected>Pear &quot;x&quot;</option>" in str(form["grouped"]) or not data


@pytest.mark.django_db
def test_the_site_filters_read_exactly_as_with_the_templates():
    data = {"district": "liling", "industry": "ceramics", "q": "<script>"}
    fast = SiteFilter(data)
    fast.form.renderer = FormRenderer()
    slow = SiteFilter(data)
    slow.form.renderer = DjangoTemplates()
    for name in fast.form.fields:
        assert str(fast.form[name]) == str(slow.form[name]), name


def test_the_portal_renders_forms_with_it(settings):
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), FormRenderer)


class Inputs(forms.Form):
    text = forms.CharField(initial='A & <b> "c"', widget=forms.TextInput(attrs={"placeholder": "Liling…"}))
    search = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    number = forms.DecimalField(initial=1234.5)
    hidden = forms.CharField(initial="x", widget=forms.HiddenInput)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    flag = forms.BooleanField(initial=True)
    off = forms.BooleanField(required=False, disabled=True)
    email = forms.EmailField(required=False)


@pytest.mark.parametrize("data", [None, {"text": "<x>", "number": "12,5", "day": "2026-12-02", "flag": "on"}])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_inputs_read_exactly_as_with_the_templates(data, language):
    form, written = _written_as_with_the_templates(Inputs, data, language, "render_input")
    assert written == len(form.fields)
