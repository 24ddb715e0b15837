"""The four back-office roles, as groups that exist after `migrate` (kept in step on every migrate).

Accounts are given a role in the admin (user → groups); a site operator is also assigned their sites on the site's
page. What a role may *see* is scoped by Site.objects.managed_by() (sites.access); the groups grant the permissions.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from accreditation import roles as accreditation_roles
from core.registry import content_apps

ADMINISTRATOR = "Bureau administrator"
EDITOR = "Bureau editor"
OPERATOR = "Site operator"
ASSESSOR = accreditation_roles.ASSESSOR


def _operator_permissions():
    """What each content app lets a site operator do with its models (AppConfig.operator_permissions)."""
    query = Q(pk__in=[])
    for config in content_apps():
        query |= Q(content_type__app_label=config.label, codename__in=config.operator_permissions)
    return Permission.objects.filter(query)


def _accreditation(codenames):
    return Permission.objects.filter(content_type__app_label="accreditation", codename__in=codenames)


def ensure_roles(**kwargs):
    """post_migrate: create the groups and give them their permissions (idempotent)."""
    content = Permission.objects.filter(
        Q(content_type__app_label__in=[config.label for config in content_apps()])
        | Q(content_type__app_label="core", codename="publish_content")
    )
    Group.objects.get_or_create(name=ADMINISTRATOR)[0].permissions.set(Permission.objects.all())
    editor = content | _accreditation(accreditation_roles.EDITOR_CODENAMES)
    Group.objects.get_or_create(name=EDITOR)[0].permissions.set(editor)
    operator = _operator_permissions() | _accreditation(accreditation_roles.OPERATOR_CODENAMES)
    Group.objects.get_or_create(name=OPERATOR)[0].permissions.set(operator)
    # Assessors score the applications assigned to them, and see nothing else of the back office.
    Group.objects.get_or_create(name=ASSESSOR)[0].permissions.set(
        _accreditation(accreditation_roles.ASSESSOR_CODENAMES)
    )
