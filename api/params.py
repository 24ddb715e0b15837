"""What a request may ask for besides the filters: the language, the page, nothing unknown.

A bad value is a 400 in the one error shape (api.errors), never a silent default, so that a partner's typo
(`distict=liling`) does not quietly return the whole catalogue.
"""

from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django_filters import BooleanFilter
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.utils.urls import remove_query_param, replace_query_param

from api.fields import BOTH, LANGUAGE_CODES
from core.links import absolute_url

LANGUAGES = (*LANGUAGE_CODES, BOTH)


def choose_language(request):
    """`lang` if given (zh, en or all), else the first of Chinese or English in Accept-Language, else Chinese."""
    raw = request.query_params.get("lang")
    if raw is not None:
        if raw not in LANGUAGES:
            raise ValidationError({"lang": [_("Choose zh, en or all.")]})
        return raw
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")[:255]):
        if code.startswith("en"):
            return "en"
        if code.startswith("zh") or code == "*":
            return "zh"
    return "zh"


def refuse_unknown(request, allowed):
    unknown = sorted(set(request.query_params) - set(allowed))
    if unknown:
        message = _("Unknown parameter. This address takes: %(names)s.") % {"names": ", ".join(sorted(allowed))}
        raise ValidationError({name[:40]: [message] for name in unknown[:10]})


def refuse_loose_values(request, filterset_class, allowed):
    """What the pages' forms let pass as "any" (an empty choice) or "no" (a checkbox's odd value), a partner's
    program should hear of: an empty value (but for the keywords) and a yes-or-no other than true or false."""
    empty = [name for name, values in request.query_params.lists() if name != "q" and "" in values]
    if empty:
        raise ValidationError({name: [_("Give a value, or leave the parameter out.")] for name in empty[:10]})
    flags = (filterset_class.base_filters if filterset_class else {}).items()
    for name, field in flags:
        values = request.query_params.getlist(name)
        if name in allowed and isinstance(field, BooleanFilter) and any(v not in ("true", "false") for v in values):
            raise ValidationError({name: [_("Choose true or false.")]})


def _number(request, name, highest=None):
    raw = request.query_params.get(name)
    if raw is None:
        return None
    # isdecimal and isascii: "²" and "٣" are digits int() would refuse or read differently.
    if raw.isascii() and raw.isdecimal() and len(raw) < 10 and 1 <= int(raw) <= (highest or int(raw)):
        return int(raw)
    if highest:
        raise ValidationError({name: [_("Give a whole number from 1 to %(n)d.") % {"n": highest}]})
    raise ValidationError({name: [_("Give a whole number from 1.")]})


class Pages(PageNumberPagination):
    """Pages of a list in a stable order (every list ends its order with the primary key). Links to other pages
    start with the portal's public address (SITE_URL), whatever host the request came in on."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = "Page number, from 1. 页码。"
    page_size_query_description = "Results per page (default 20, at most 100). 每页条数。"

    def get_page_size(self, request):
        return _number(request, self.page_size_query_param, self.max_page_size) or self.page_size

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        number = _number(request, self.page_query_param) or 1
        if number > max(paginator.num_pages, 1):
            raise NotFound(
                _("There is no page %(page)d: the last page is %(last)d.")
                % {"page": number, "last": max(paginator.num_pages, 1)}
            )
        self.page = paginator.page(number)
        return list(self.page)

    def _here(self):
        return absolute_url(self.request.get_full_path())

    def get_next_link(self):
        if not self.page.has_next():
            return None
        return replace_query_param(self._here(), self.page_query_param, self.page.next_page_number())

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        number = self.page.previous_page_number()
        if number == 1:
            return remove_query_param(self._here(), self.page_query_param)
        return replace_query_param(self._here(), self.page_query_param, number)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        parameters[0]["schema"]["minimum"] = 1
        parameters[1]["schema"].update(minimum=1, maximum=self.max_page_size)
        return parameters

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["count", "next", "previous", "results"]
        for link in ("next", "previous"):
            response["properties"][link].pop("nullable", None)
            response["properties"][link]["type"] = ["string", "null"]
            number = 4 if link == "next" else 2
            response["properties"][link]["example"] = f"https://gy.zhuzhou.example/api/v1/sites/?page={number}"
        response["properties"]["count"]["description"] = "Results on all pages. 结果总数。"
        return response
