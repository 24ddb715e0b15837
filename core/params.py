"""Values from query strings that the database or the calendar would choke on: odd digits ("²" passes isdigit()
but not int()), numbers wider than a column, dates whose move to UTC overflows. Checked here so that a bad value
is a message or ignored, never a 500."""

import datetime

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Dates far outside these overflow when moved to UTC; nobody plans a visit there.
FIRST_DATE, LAST_DATE = datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)
DATE_VALIDATORS = [
    MinValueValidator(FIRST_DATE, _("Choose a date from 2000 on.")),
    MaxValueValidator(LAST_DATE, _("Choose a date before 2101.")),
]
_BIGGEST_ID = 2**63 - 1
_NUMBER_LOOKUPS = {"", "exact", "in", "gt", "gte", "lt", "lte", "id", "pk", "id__exact", "pk__exact", "id__in"}


def row_id(value):
    """`value` as a primary key (a positive decimal number a bigint column holds), or None."""
    value = str(value).strip()
    if not (value.isascii() and value.isdecimal()):
        return None
    number = int(value)
    return number if 0 < number <= _BIGGEST_ID else None


def _integer_in_range(field, value):
    value = str(value).strip()
    digits = value.removeprefix("-")
    if not (digits.isascii() and digits.isdecimal()):
        return False
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return (low is None or int(value) >= low) and (high is None or int(value) <= high)


def _field_and_lookup(model, param):
    """The field a changelist parameter filters on (the target of a relation) and the rest of it."""
    parts = param.split("__")
    field = None
    for index, part in enumerate(parts):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return field, "__".join(parts[index:])
        if field.is_relation and field.related_model is not None:
            model = field.related_model
            field = field.target_field if hasattr(field, "target_field") else model._meta.pk
    return field, ""


def _is_integer_field(field):
    internal = field.get_internal_type()
    return internal.endswith("IntegerField") or internal.endswith("AutoField")


def _bad_number(model, param, value):
    field, lookup = _field_and_lookup(model, param)
    if field is None or not _is_integer_field(field) or lookup not in _NUMBER_LOOKUPS:
        return False
    values = value.split(",") if lookup.endswith("in") else [value]
    return not all(_integer_in_range(field, item) for item in values)


def _bad_date_part(date_hierarchy, params):
    """The date-hierarchy parameters that make no day between FIRST_DATE and LAST_DATE."""
    names = [f"{date_hierarchy}__{part}" for part in ("year", "month", "day")]
    given = [params.get(name) for name in names]
    if not any(given):
        return []
    numbers = [row_id(value) if value else 1 for value in given]
    try:
        day = datetime.date(*numbers)
    except (TypeError, ValueError, OverflowError):
        return [name for name in names if name in params]
    return [] if FIRST_DATE <= day <= LAST_DATE else [name for name in names if name in params]


def say_ignored(request, name, value):
    messages.warning(
        request,
        gettext("The filter “%(name)s” with the value “%(value)s” was ignored: no such value.")
        % {"name": name, "value": value[:30]},
    )


class SafeChangelistParams:
    """A ModelAdmin mixin: changelist parameters that would crash the query (a filter on a number or a relation
    with a value that is not a number the column holds, a date hierarchy outside 2000–2100) are dropped with a
    message; initial values for relations on the add form that name no row are left out."""

    def changelist_view(self, request, extra_context=None):
        bad = [param for param, value in request.GET.items() if _bad_number(self.model, param, value)]
        if self.date_hierarchy:
            bad += _bad_date_part(self.date_hierarchy, request.GET)
        if bad:
            request.GET = request.GET.copy()
            for param in bad:
                say_ignored(request, param, request.GET.pop(param)[0])
        return super().changelist_view(request, extra_context)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.is_relation and field.related_model is not None:
                ids = [row_id(item) for item in (value if isinstance(value, list) else str(value).split(","))]
                if None in ids or not field.related_model._default_manager.filter(pk__in=ids).exists():
                    del initial[name]
        return initial
