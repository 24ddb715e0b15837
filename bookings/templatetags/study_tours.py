import datetime
from collections import namedtuple
from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from bookings.models import StudyProgramme, TimeSlot
from core.publishing import published_q
from core.translation import pick

register = template.Library()

TEASER_COUNT = 4

_SLOT_ROW = (
    '\n<li class="slot{}">\n  <span class="slot-date"><strong>{}</strong> <span class="muted">{}</span>'
    ' <span class="slot-time">{}–{}</span></span>\n  <span class="slot-left">{}</span>\n  {}\n</li>\n\n'
)
_BOOK = '<a class="button slot-book" href="{}?slot={}">{}<span class="visually-hidden"> {} {}</span></a>'


@register.simple_tag
def slot_row(slot, book_url):
    """A time slot on its programme's page: its date, its places left and a link to book it (the markup of the
    former bookings/slot_row.html, written in Python: a programme shows up to 60 slots, and the include with its
    date filters cost a quarter of a millisecond each)."""
    left = slot.places_for_a_group()
    start, end = timezone.localtime(slot.start), timezone.localtime(slot.end)
    day, weekday = _day_labels(start.date(), get_language())
    time = f"{start:%H:%M}"  # the time filter's "H:i"
    if left:
        places = mark_safe(ngettext("%(n)s place left", "%(n)s places left", left) % {"n": left})
        book = format_html(_BOOK, book_url, slot.pk, gettext("Book"), day, time)
    else:
        places, book = gettext("Full"), ""
    return format_html(_SLOT_ROW, "" if left else " is-full", day, weekday, time, f"{end:%H:%M}", places, book)


@lru_cache(maxsize=1024)
def _day_labels(day, language):
    """A day as the date filter prints it ("DATE_FORMAT" and "D"), the same for every slot that day: formatting it
    took most of a slot's row."""
    return date_format(day, "DATE_FORMAT"), date_format(day, "D")


@receiver(setting_changed)
def _forget_day_labels(**kwargs):
    _day_labels.cache_clear()  # tests change the formats and languages


@register.inclusion_tag("bookings/tags/site_programmes.html", takes_context=True)
def site_study_tours(context, site):
    """The published study tours of a site, for its page: one plain query, and one for their next dates when
    there are any. Most sites offer none, and the next-date query costs 2 ms to build."""
    programmes = StudyProgramme.objects.published().filter(site=site).order_by("title_zh")
    ids = list(programmes.values_list("pk", flat=True))
    found = list(programmes.with_next_slot().filter(pk__in=ids)) if ids else []
    return {"programmes": found, "site": site, "request": context.get("request")}


@register.inclusion_tag("bookings/tags/home_teaser.html", takes_context=True)
def study_tours_teaser(context):
    """Programmes with the soonest open dates, for the home page, read with the slots: those of the next week
    (and the later ones when those hold too few)."""
    return {"programmes": _soonest_programmes(timezone.now(), TEASER_COUNT), "request": context.get("request")}


# What the teaser shows of a programme at its first open slot, read with the slot (the programme and its site are
# joined already): a second query for the programmes cost 0.4 ms of SQL and more of Python.
Teaser = namedtuple("Teaser", "url title site_name next_slot_start")
TEASER_COLUMNS = (
    "programme_id",
    "start",
    "programme__slug",
    "programme__title_zh",
    "programme__title_en",
    "programme__site__name_zh",
    "programme__site__name_en",
)
FIRST_WEEKS = 1


def _soonest_programmes(now, count):
    """The `count` public programmes with the soonest slots open to a group, soonest first (ties by title).

    Reads the slots of the next week first, and the rest only if those hold too few programmes: working out every
    programme's next slot and sorting them all took 38 ms for 500 programmes and 13,000 slots; this takes ~2 ms."""
    # bookable_from() asks that the programme be public; its site must be too (StudyProgramme.published()).
    slots = TimeSlot.objects.bookable_from(now).with_room_for_a_group(now).filter(published_q("programme__site__", now))
    until = now + datetime.timedelta(weeks=FIRST_WEEKS)
    found = {}  # public programme id: its first open slot's row
    for part in (slots.filter(start__lt=until), slots.filter(start__gte=until)):
        for row in part.order_by("start", "pk").values_list(*TEASER_COLUMNS):
            found.setdefault(row[0], row)
        if len(found) >= count:
            break
    soonest = sorted(found.values(), key=lambda row: (row[1], row[3]))[:count]
    return [
        Teaser(
            reverse("bookings:programme-detail", kwargs={"slug": slug}),
            pick(title_zh, title_en),
            pick(site_zh, site_en),
            start,
        )
        for _pk, start, slug, title_zh, title_en, site_zh, site_en in soonest
    ]
