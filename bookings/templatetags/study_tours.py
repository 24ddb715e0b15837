from django import template

from bookings.models import StudyProgramme

register = template.Library()

TEASER_COUNT = 4


@register.inclusion_tag("bookings/tags/site_programmes.html", takes_context=True)
def site_study_tours(context, site):
    """The published study tours of a site, for its page. One query."""
    programmes = StudyProgramme.objects.published().with_next_slot().filter(site=site).order_by("title_zh")
    return {"programmes": list(programmes), "site": site, "request": context.get("request")}


@register.inclusion_tag("bookings/tags/home_teaser.html", takes_context=True)
def study_tours_teaser(context):
    """Programmes with the soonest open dates, for the home page. One query."""
    programmes = (
        StudyProgramme.objects.published()
        .for_listing()
        .filter(next_slot_start__isnull=False)
        .order_by("next_slot_start", "title_zh")[:TEASER_COUNT]
    )
    return {"programmes": list(programmes), "request": context.get("request")}
