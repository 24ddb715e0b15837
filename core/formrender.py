"""The form renderer: Django's, with its select and input widgets written out in Python.

Django renders a <select> through one template per option, each including `attrs.html`: the directories' filter
form (34 options) took 2.5–3.4 ms of a cold list page of about 18 ms; written out here it takes 1.1 ms. The markup
is the same byte for byte (tests/test_formrender.py compares the two) for selects and inputs that use Django's own
templates; everything else goes to the templates.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
# The widgets whose template is django/forms/widgets/input.html and nothing else.
INPUTS = {
    f"django/forms/widgets/{name}.html"
    for name in ("text", "search", "email", "url", "tel", "number", "password", "hidden", "date", "time", "checkbox")
}


def _text(value):
    """What `{{ value }}` prints with autoescape on."""
    return conditional_escape(value if isinstance(value, str) else localize(value))


def _attrs(attrs):
    """What django/forms/widgets/attrs.html prints."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{conditional_escape(f"{value}")}"'
        for name, value in attrs.items()
        if value is not False
    )


def render_select(widget):
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            value = conditional_escape(str(option["value"]))
            parts.append(f'\n  <option value="{value}"{_attrs(option["attrs"])}>{_text(option["label"])}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # every value above is escaped


def render_input(widget):
    """What django/forms/widgets/input.html prints."""
    value = widget["value"]
    shown = "" if value is None else f' value="{conditional_escape(f"{value}")}"'
    return mark_safe(
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'
    )


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUTS and context.get("widget"):
            return render_input(context["widget"])
        widget = context.get("widget") if template_name == SELECT else None
        if widget and all(option["template_name"] == OPTION for _n, opts, _i in widget["optgroups"] for option in opts):
            return render_select(widget)
        return super().render(template_name, context, request)
