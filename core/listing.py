"""What every filtered, paginated public list does: filter, collect messages, paginate."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from core.pagecache import cached_for_content, vary_key

PAGE_SIZE = 12


class CachedCountPaginator(Paginator):
    """A paginator whose COUNT is kept in the data cache under `count_key` until content changes: at scale the
    count of a filtered list costs more than its page."""

    def __init__(self, object_list, per_page, count_key):
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self):
        return cached_for_content(f"count:{self.count_key}", lambda: Paginator.count.func(self))


def filter_key(filterset):
    """The filters a list is made with, as a cache key: the cleaned values, so `?district=liling&utm_source=x` and
    `?district=liling` share their count and cards. Invalid values are dropped like the filter drops them."""
    if not filterset.is_bound:
        return vary_key([])
    filterset.form.is_valid()  # cleans the form: invalid values stay out of cleaned_data
    return vary_key(sorted(filterset.form.cleaned_data.items()))


def form_key(request, filterset):
    """What the rendered filter form depends on: the raw values of its fields, as typed."""
    return vary_key(request.path, sorted((name, request.GET.getlist(name)) for name in filterset.form.fields))


def listing_context(request, filterset, page_size=PAGE_SIZE, name=None):
    """The template context of a filtered list. Bad parameters are dropped with a message, never a 500.

    `name` names the list's base queryset (and the minute, for lists that depend on the time): with it, the count
    is cached per set of filters and the context's `list_key` lets the template cache the rendered page."""
    notices = []
    if filterset.is_bound and not filterset.form.is_valid():
        for field, errors in filterset.form.errors.items():
            label = filterset.form.fields[field].label if field in filterset.form.fields else field
            notices.append(
                _("%(field)s: %(error)s The filter was ignored.") % {"field": label, "error": " ".join(errors)}
            )
    list_key = f"{name}:{filter_key(filterset)}" if name else None
    if list_key:
        paginator = CachedCountPaginator(filterset.qs, page_size, list_key)
    else:
        paginator = Paginator(filterset.qs, page_size)
    raw_page = request.GET.get("page")
    if raw_page not in (None, "") and not _is_page_number(raw_page, paginator):
        notices.append(_("There is no page “%(page)s”; showing the nearest page instead.") % {"page": raw_page[:20]})
    return {
        "filter": filterset,
        "page": paginator.get_page(raw_page),
        "notices": notices,
        "query": query_without_page(request),
        "filtered": any(value for key, value in request.GET.items() if key != "page"),
        "list_key": list_key,
        "form_key": form_key(request, filterset),
    }


def _is_page_number(raw, paginator):
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    return raw.isdecimal() and 1 <= int(raw) <= max(paginator.num_pages, 1)


def query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
