from django import template
from django.utils import timezone

from accreditation.models import Decision

register = template.Library()


@register.inclusion_tag("accreditation/tags/site_accreditation.html")
def site_accreditation(site):
    """The city's current accreditation of a site, for its page. One query; none for a site without a level."""
    decision = None
    if site.level != "none":
        decision = (
            Decision.objects.current(timezone.localdate())
            .filter(application__site=site, level=site.level, year=site.level_year)
            .select_related("application__call__scheme")
            .first()
        )
    return {"site": site, "decision": decision}
