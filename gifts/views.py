from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.listing import listing_context
from core.pagecache import CATALOGUE, cache_public_page
from core.publishing import detail_object, preview_context
from gifts.filters import GiftFilter
from gifts.models import Gift


@require_safe
@cache_public_page
def gift_list(request):
    def filterset():
        return GiftFilter(request.GET, queryset=Gift.objects.published().for_listing())

    context = listing_context(request, GiftFilter, filterset, "gifts", parts=[CATALOGUE])
    return render(request, "gifts/gift_list.html", context)


@require_safe
@cache_public_page
def gift_detail(request, slug):
    gift = detail_object(request, Gift, slug, timezone.localdate())
    parents = [gift.site] if gift.site_id else []
    return render(request, "gifts/gift_detail.html", {"gift": gift, **preview_context(gift, *parents)})
