"""Who may see and manage which sites: the one place that answers it.

Bureau staff (superusers, and the administrator and editor roles, who may publish) and staff with the bookings
permission see every site. A site operator sees only the sites assigned to them (Site.operators). Every admin
queryset, form choice, inline, action, export and staff page asks here.
"""

from core.roles import is_bureau
from sites.models import Site

MANAGE_PERMISSION = "bookings.manage_bookings"


def _staff(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def sites_for(user):
    """The sites whose listing, programmes, slots and bookings `user` may see and manage."""
    if not _staff(user):
        return Site.objects.none()
    if is_bureau(user) or user.has_perm(MANAGE_PERMISSION):
        return Site.objects.all()
    return Site.objects.filter(operators=user)


def sees_all_sites(user):
    return _staff(user) and (is_bureau(user) or user.has_perm(MANAGE_PERMISSION))


def can_manage(user, site):
    return sites_for(user).filter(pk=site.pk).exists()
