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
    """ "What is being built here": the published projects at a site, for its page. One query, none when the site
    was read with none (Site.may_show())."""
    if not site.may_show("invest"):
        return {"projects": []}
    projects = list(
        InvestmentProject.objects.published().filter(site=site).order_by("-featured", "name_zh")[:SITE_COUNT]
    )
    for project in projects:
        project.site = site  # the page's own site: its row is not read again
    return {"projects": projects}
