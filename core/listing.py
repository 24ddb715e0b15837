"""What every filtered, paginated public list does: filter, collect messages, paginate.

At scale the count of a filtered list and the rendering of its cards cost far more than the rest of the page, and
they change only with content: both are kept in the data cache (core.pagecache), the count here and the cards by
the template (`{% cachedcontent … list_key page.number %}`). On a cache hit the FilterSet is never even built.
"""

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.pagecache import EVERYTHING, cached_for_content, vary_key

PAGE_SIZE = 12


class KnownCountPaginator(Paginator):
    """A paginator told its count, whose pages fetch their rows only when a template reads them.

    `keys_first`: a page finds its rows' keys, then reads those rows, in one query. Where an index covers the
    list's order and filters (core/migrations/0006), the keys come from the index alone at any depth, and only the
    page's rows are read from the table, not every row its OFFSET skips."""

    def __init__(self, object_list, per_page, count, keys_first=False):
        super().__init__(object_list, per_page)
        self.known_count = count
        self.keys_first = keys_first

    @cached_property
    def count(self):
        return self.known_count

    def _check_object_list_is_ordered(self):
        pass  # every list orders its queryset; checking would build it

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(SimpleLazyObject(lambda: self._rows(bottom, top)), number, self)

    def _rows(self, bottom, top):
        rows = self.object_list
        if self.keys_first:
            return rows.filter(pk__in=rows.values("pk")[bottom:top])
        return rows[bottom:top]


def listing_context(
    request, filterset_class, make_filterset, name, page_size=PAGE_SIZE, parts=EVERYTHING, keys_first=False
):
    """The template context of a filtered list. Bad parameters are dropped with a message, never a 500.

    `make_filterset()` builds the FilterSet, only when the count or the page is not in the data cache. `name`
    names the list's base queryset, and the minute for lists that depend on the time; `parts` the parts of the
    content version the list depends on (core.pagecache); `keys_first` see KnownCountPaginator."""
    filterset = SimpleLazyObject(make_filterset)
    typed = vary_key(
        request.path, sorted((field, request.GET.getlist(field)) for field in filterset_class.base_filters)
    )
    list_key = f"{name}:{typed}"
    count, notices = cached_for_content(
        f"count:{get_language()}:{list_key}", lambda: (filterset.qs.count(), filter_notices(filterset)), parts=parts
    )
    paginator = KnownCountPaginator(SimpleLazyObject(lambda: filterset.qs), page_size, count, keys_first)
    raw_page = request.GET.get("page")
    if raw_page not in (None, "") and not _is_page_number(raw_page, paginator):
        notices = [
            *notices,
            _("There is no page “%(page)s”; showing the nearest page instead.") % {"page": raw_page[:20]},
        ]
    return {
        "filter": filterset,
        "page": paginator.get_page(raw_page),
        "notices": notices,
        "query": query_without_page(request),
        "filtered": any(value for key, value in request.GET.items() if key != "page"),
        # The typed values of the filters (and the path): what the rendered form and the cards depend on.
        "list_key": list_key,
        "form_key": typed,
    }


def filter_notices(filterset):
    if not filterset.is_bound or filterset.form.is_valid():
        return []
    return [
        _("%(field)s: %(error)s The filter was ignored.")
        % {
            "field": filterset.form.fields[field].label if field in filterset.form.fields else field,
            "error": " ".join(errors),
        }
        for field, errors in filterset.form.errors.items()
    ]


def _is_page_number(raw, paginator):
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    return raw.isdecimal() and 1 <= int(raw) <= max(paginator.num_pages, 1)


def query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
