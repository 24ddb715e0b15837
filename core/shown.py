"""A stored value as staff read it in the back office: a dash for nothing, yes/no, times in the current time zone."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _


def shown(value):
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def same_text(old, new):
    """Equal once a browser's \\r\\n and an empty None are set aside: no change an editor should be shown."""
    if isinstance(old, str | None) and isinstance(new, str | None):
        return (old or "").replace("\r\n", "\n").strip() == (new or "").replace("\r\n", "\n").strip()
    return old == new
