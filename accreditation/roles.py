"""Who does what in accreditation. The groups are made by office.roles on migrate (it sits above this app and keeps
every role in one place); what each role may do with this app's models is listed here."""

from core.permissions import is_bureau

ASSESSOR = "Assessor"

MANAGE_PERMISSION = "accreditation.manage_applications"
SCORE_PERMISSION = "accreditation.score_application"
DECIDE_PERMISSION = "accreditation.decide_application"
APPLY_PERMISSION = "accreditation.add_application"

# Site operators open and answer applications for their own sites.
OPERATOR_CODENAMES = ["add_application", "change_application", "view_application"]
# Assessors see the applications assigned to them and score them.
ASSESSOR_CODENAMES = ["score_application", "view_application"]
# Bureau editors keep schemes and calls and assign assessors; only the administrator decides.
EDITOR_CODENAMES = [
    "manage_applications",
    "view_application",
    *[
        f"{verb}_{model}"
        for model in ["scheme", "section", "criterion", "call"]
        for verb in ["add", "change", "delete", "view"]
    ],
    "view_decision",
]


def is_bureau_staff(user):
    return user.is_active and (is_bureau(user) or user.has_perm(MANAGE_PERMISSION))


def may_decide(user):
    return user.is_active and user.has_perm(DECIDE_PERMISSION)
