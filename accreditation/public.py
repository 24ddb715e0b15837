"""The public list of demonstration points, by level and year."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from accreditation.filters import PointFilter, accredited_points
from core.listing import listing_context
from core.pagecache import CATALOGUE, cache_public_page

PAGE_SIZE = 40


@require_safe
@cache_public_page
def point_list(request):
    context = listing_context(
        request,
        PointFilter,
        lambda: PointFilter(request.GET, queryset=accredited_points().select_related(None)),
        "points",
        page_size=PAGE_SIZE,
        parts=[CATALOGUE],
    )
    return render(request, "accreditation/point_list.html", context)
