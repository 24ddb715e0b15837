"""What every filtered, paginated public list does: filter, collect messages, paginate."""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

PAGE_SIZE = 12


def listing_context(request, filterset, page_size=PAGE_SIZE):
    """The template context of a filtered list. Bad parameters are dropped with a message, never a 500."""
    notices = []
    if filterset.is_bound and not filterset.form.is_valid():
        for field, errors in filterset.form.errors.items():
            label = filterset.form.fields[field].label if field in filterset.form.fields else field
            notices.append(
                _("%(field)s: %(error)s The filter was ignored.") % {"field": label, "error": " ".join(errors)}
            )
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
    }


def _is_page_number(raw, paginator):
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    return raw.isdecimal() and 1 <= int(raw) <= max(paginator.num_pages, 1)


def query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
