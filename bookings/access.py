"""Who may see and manage which sites' study tours: the one place that answers it.

For now staff with the bookings permission (and superusers) manage every site. The back-office issue adds
site-scoped operators here, and every admin page, export and service follows.
"""

from sites.models import Site

MANAGE_PERMISSION = "bookings.manage_bookings"


def sites_for(user):
    """The sites whose programmes, slots and bookings `user` may see and manage."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return Site.objects.none()
    if user.is_superuser or user.has_perm(MANAGE_PERMISSION):
        return Site.objects.all()
    return Site.objects.none()


def can_manage(user, site):
    return sites_for(user).filter(pk=site.pk).exists()
