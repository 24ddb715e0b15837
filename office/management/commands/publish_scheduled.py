"""Run from cron every minute: `python manage.py publish_scheduled`.

Content becomes public (publish_from) or stops being public (publish_until) without anybody saving it, so no
signal bumps the page cache's content version. This command does, when a boundary passed since its last run, so no
cached page outlives a publish window by more than a minute plus the cron delay.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from core.pagecache import bump_content_version, bump_rows, row_tag
from core.registry import publishable_models
from events.models import refresh_ended_next_dates


def boundaries_between(start, end):
    """How many publish windows opened or closed in (start, end]."""
    return len(rows_crossing(start, end))


def rows_crossing(start, end):
    """The tags of the rows whose publish window opened or closed in (start, end] (core.pagecache.row_tag)."""
    crossed = Q(publish_from__gt=start, publish_from__lte=end) | Q(publish_until__gt=start, publish_until__lte=end)
    return [
        row_tag(model, pk)
        for model in publishable_models()
        for pk in model.objects.filter(crossed, published=True).values_list("pk", flat=True)
    ]


def _state_file():
    return Path(f"{settings.PAGE_CACHE_VERSION_FILE}.scheduled")


class Command(BaseCommand):
    help = "Refresh cached pages when scheduled content has been published or withdrawn since the last run."

    def handle(self, *args, **options):
        now = timezone.now()
        state = _state_file()
        try:
            last = datetime.datetime.fromisoformat(state.read_text().strip())
        except (FileNotFoundError, ValueError):
            last = now - datetime.timedelta(days=1)
        rows = rows_crossing(last, now)
        # Events whose next date ended move on to their following one (or leave the upcoming list). Lists follow
        # the time already (their cache keys carry the minute), so no version needs bumping for this.
        moved = refresh_ended_next_dates(now)
        if rows:
            bump_content_version()
            bump_rows(rows)  # the pages that showed them (their own among them)
        crossed = len(rows)
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(now.isoformat())
        self.stdout.write(
            f"{crossed} publish window boundaries passed since {last:%Y-%m-%d %H:%M}; "
            f"{moved} events moved on to their next date."
        )
