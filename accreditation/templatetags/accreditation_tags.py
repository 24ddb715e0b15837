from django import template
from django.utils import timezone

from accreditation.models import Call, Decision

register = template.Library()

CITY_LEVELS = {value for value, _label in Call._meta.get_field("level").choices}


@register.inclusion_tag("accreditation/tags/site_accreditation.html")
def site_accreditation(site):
    """The city's current accreditation of a site, for its page. One query for a level the city awards (municipal);
    none for the others, which the city does not accredit."""
    decision = None
    if site.level in CITY_LEVELS:
        decision = (
            Decision.objects.current(timezone.localdate())
            .filter(application__site=site, level=site.level, year=site.level_year)
            .select_related("application__call__scheme")
            .first()
        )
    return {"site": site, "decision": decision}
