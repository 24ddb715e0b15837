"""Background work of the sites app: the map's zoomed-out counts (sites.mapgrid.MapCell)."""

from django.db import transaction
from django.tasks import task

from sites.mapgrid import rebuild_map_cells


@task(queue_name="maps")
def recount_map_cells():
    rebuild_map_cells()


def _enqueue_recount():
    recount_map_cells.enqueue()


def recount_after_commit():
    """Queue one recount when the transaction that changed places commits, however many places it changed. A
    recount reads every place (0.6 s at 20,000): work for the worker, not for the editor's save. Robust: a queue
    that is down is logged and never turns a saved site into an error page; the next change recounts."""
    pending = transaction.get_connection().run_on_commit
    if not any(callback is _enqueue_recount for _savepoints, callback, _robust in pending):
        transaction.on_commit(_enqueue_recount, robust=True)
