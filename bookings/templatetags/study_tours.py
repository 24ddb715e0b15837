import datetime

from django import template
from django.utils import timezone

from bookings.models import StudyProgramme, TimeSlot
from core.publishing import published_q

register = template.Library()

TEASER_COUNT = 4


@register.inclusion_tag("bookings/tags/site_programmes.html", takes_context=True)
def site_study_tours(context, site):
    """The published study tours of a site, for its page. One query."""
    programmes = StudyProgramme.objects.published().with_next_slot().filter(site=site).order_by("title_zh")
    return {"programmes": list(programmes), "site": site, "request": context.get("request")}


@register.inclusion_tag("bookings/tags/home_teaser.html", takes_context=True)
def study_tours_teaser(context):
    """Programmes with the soonest open dates, for the home page: the next week's slots (and the later ones when
    those hold too few), then the programmes."""
    starts = _soonest_programmes(timezone.now(), TEASER_COUNT)
    return {"programmes": _teaser_programmes(starts), "request": context.get("request")}


def _teaser_programmes(starts):
    """The programmes of `starts` ({id: next open slot's start}) with what the teaser shows, soonest first (ties by
    title). The starts are those with_next_slot() would work out again with a subquery per programme."""
    if not starts:
        return []
    programmes = list(
        StudyProgramme.objects.filter(pk__in=starts)
        .select_related("site")
        .only("slug", "title_zh", "title_en", "site__name_zh", "site__name_en")
        .order_by()  # sorted below, by the starts
    )
    for programme in programmes:
        programme.next_slot_start = starts[programme.pk]
    programmes.sort(key=lambda programme: (programme.next_slot_start, programme.title_zh))
    return programmes[:TEASER_COUNT]


FIRST_WEEKS = 1


def _soonest_programmes(now, count):
    """The public programmes with the `count` soonest slots open to a group (with any tied with the last of them:
    the caller orders by title), as {id: that slot's start}.

    Reads the slots of the next week first, and the rest only if those hold too few programmes: working out every
    programme's next slot and sorting them all took 38 ms for 500 programmes and 13,000 slots; this takes ~2 ms."""
    # bookable_from() asks that the programme be public; its site must be too (StudyProgramme.published()).
    slots = TimeSlot.objects.bookable_from(now).with_room_for_a_group(now).filter(published_q("programme__site__", now))
    until = now + datetime.timedelta(weeks=FIRST_WEEKS)
    found = {}  # public programme id: its first open slot's start
    for part in (slots.filter(start__lt=until), slots.filter(start__gte=until)):
        for programme, start in part.order_by("start", "pk").values_list("programme_id", "start"):
            found.setdefault(programme, start)
        if len(found) >= count:
            break
    if len(found) > count:
        cut = sorted(found.values())[count - 1]
        return {programme: start for programme, start in found.items() if start <= cut}
    return found
