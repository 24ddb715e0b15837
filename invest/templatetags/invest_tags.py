from django import template

from invest import money
from invest.models import InvestmentProject

register = template.Library()

SITE_COUNT = 4


@register.filter
def yuan(value):
    """A financing need in the reader's units (invest.money)."""
    return money.amount(value)


@register.inclusion_tag("invest/tags/site_projects.html")
def site_projects(site):
    """ "What is being built here": the published projects at a site, for its page. One query."""
    projects = (
        InvestmentProject.objects.published()
        .select_related("site")
        .filter(site=site)
        .order_by("-featured", "name_zh")[:SITE_COUNT]
    )
    return {"projects": list(projects)}
