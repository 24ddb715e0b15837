"""Background work on Django's tasks framework (settings.TASKS): enqueueing that follows the transaction, retries
with backoff, and the photo renditions task. Mail tasks live with what they are about (bookings.mail)."""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from core import images

logger = logging.getLogger(__name__)


def _in_the_database(backend):
    """True for django-tasks-db: enqueueing writes a row through the ORM, so the task commits or rolls back with
    the rows it is about, and nothing is lost in a crash between the commit and the enqueue."""
    return backend.__class__.__module__.startswith("django_tasks_db.")


def enqueue_on_commit(task_, *args, **kwargs):
    """Queue `task_` for when the surrounding transaction commits; a rollback queues nothing. With the database
    backend the task row is written in the transaction itself; with any other (the immediate backend of the tests,
    a broker) it is enqueued by transaction.on_commit, so that it never runs before its rows are visible."""
    backend = task_.get_backend()
    if _in_the_database(backend):
        task_.enqueue(*args, **kwargs)
    else:
        # robust: a queue that is down is logged, and never turns a saved booking into an error page.
        transaction.on_commit(partial(task_.enqueue, *args, **kwargs), robust=True)


def retry_delay(attempt):
    """Seconds to wait before attempt `attempt + 1`, or None when `attempt` was the last."""
    delays = settings.TASK_RETRY_DELAYS
    return delays[attempt - 1] if attempt <= len(delays) else None


def retry_later(task_, *args, attempt, **kwargs):
    """Enqueue the next attempt of `task_` after its backoff delay; False when the attempts are used up. A backend
    that cannot defer (the immediate one of the tests) runs the next attempt at once."""
    delay = retry_delay(attempt)
    if delay is None:
        return False
    if task_.get_backend().supports_defer:
        task_ = task_.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
    task_.enqueue(*args, attempt=attempt + 1, **kwargs)
    return True


@task(queue_name="photos")
def make_photo_renditions(image_name, attempt=1):
    """Every rendition of a stored photo. A photo deleted in the meantime has nothing to render; any other
    failure is retried, and until a rendition exists its first request makes it (core.media)."""
    try:
        images.make_renditions(image_name)
    except FileNotFoundError:
        logger.info("Photo %s is gone; no renditions made", image_name)
    except Exception:
        if not retry_later(make_photo_renditions, image_name, attempt=attempt):
            raise
        logger.warning("Renditions of %s failed (attempt %s); retrying", image_name, attempt, exc_info=True)
