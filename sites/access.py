"""Who may see and manage which sites: the one place that answers it (with SiteQuerySet.managed_by()).

Bureau staff (superusers, and the administrator and editor roles, who may publish) and staff with the bookings
permission see every site. A site operator sees only the sites assigned to them (Site.operators). Every admin
queryset, form choice, inline, action, export and staff page asks here or through Site.objects.managed_by().
"""

from core.permissions import is_bureau

# A permission of the bookings app, named here by string: staff who handle every site's bookings see every site.
MANAGE_PERMISSION = "bookings.manage_bookings"


def is_staff(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def sees_all_sites(user):
    return is_staff(user) and (is_bureau(user) or user.has_perm(MANAGE_PERMISSION))
