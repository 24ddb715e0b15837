"""The three back-office roles, as groups that exist after `migrate` (kept in step on every migrate).

Accounts are given a role in the admin (user → groups); a site operator is also assigned their sites on the site's
page. What a role may *see* is scoped by Site.objects.managed_by() (sites.access); the groups grant the permissions.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

ADMINISTRATOR = "Bureau administrator"
EDITOR = "Bureau editor"
OPERATOR = "Site operator"

CONTENT_APPS = ["sites", "events", "itineraries", "bookings"]

# A site operator keeps their own listing, its photos and hours, programmes, slots and bookings.
OPERATOR_PERMISSIONS = {
    "sites": ["view_site", "change_site"]
    + [
        f"{verb}_{model}"
        for model in ["sitephoto", "openingperiod", "openingexception"]
        for verb in ["add", "change", "delete", "view"]
    ],
    "bookings": [
        "add_studyprogramme",
        "change_studyprogramme",
        "view_studyprogramme",
        "add_timeslot",
        "change_timeslot",
        "view_timeslot",
        "change_booking",
        "view_booking",
    ],
}


def _operator_permissions():
    query = Q()
    for app, codenames in OPERATOR_PERMISSIONS.items():
        query |= Q(content_type__app_label=app, codename__in=codenames)
    return Permission.objects.filter(query)


def ensure_roles(**kwargs):
    """post_migrate: create the groups and give them their permissions (idempotent)."""
    content = Permission.objects.filter(
        Q(content_type__app_label__in=CONTENT_APPS) | Q(content_type__app_label="core", codename="publish_content")
    )
    Group.objects.get_or_create(name=ADMINISTRATOR)[0].permissions.set(Permission.objects.all())
    Group.objects.get_or_create(name=EDITOR)[0].permissions.set(content)
    Group.objects.get_or_create(name=OPERATOR)[0].permissions.set(_operator_permissions())
