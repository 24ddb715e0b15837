"""Who may see and manage which sites: the one place that answers it.

Bureau staff (superusers, and the administrator and editor roles, who may publish) and staff with the bookings
permission see every site. A site operator sees only the sites assigned to them (Site.operators). Every admin
queryset, form choice, inline, action, export and staff page asks here.
"""

from django.db.models import Q

from core.roles import is_bureau
from sites.models import Site

MANAGE_PERMISSION = "bookings.manage_bookings"


def _staff(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def sites_for(user):
    """The sites whose listing, programmes, slots and bookings `user` may see and manage. Working copies of
    published listings waiting for review (core.revisions) are not sites of their own: see listings_for()."""
    if not _staff(user):
        return Site.objects.none()
    sites = Site.objects.filter(draft_of__isnull=True)
    if is_bureau(user) or user.has_perm(MANAGE_PERMISSION):
        return sites
    return sites.filter(operators=user)


def listings_for(user):
    """The site rows `user` may open in the back office: their sites and the working copies of them."""
    sites = sites_for(user)
    return Site.objects.filter(Q(pk__in=sites) | Q(draft_of__in=sites))


def sees_all_sites(user):
    return _staff(user) and (is_bureau(user) or user.has_perm(MANAGE_PERMISSION))


def can_manage(user, site):
    return sites_for(user).filter(pk=site.pk).exists()
