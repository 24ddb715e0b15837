"""The map's data for one view (an area and a zoom level): the places themselves when there are few, otherwise how
many lie in each cell of a grid, with their centre. No response carries the whole catalogue.

The grid is in degrees: at zoom z a cell is CELL_PX screen pixels of longitude wide (Web Mercator tiles, 256 px a
tile), and as many degrees of latitude tall (about 90 px at Zhuzhou's latitude). Each cell of zoom z is four cells of
zoom z + 1, so cells add up from the finest level. Counting 20,000 places by cell takes 15–25 ms of SQL at the
zoomed-out levels, where a view holds most of them; those levels come from MapCell, rebuilt from the places after
every change (rebuild_map_cells, a task queued by sites.tasks). Closer in, a view holds at most a few thousand
places, counted from the places table through its coordinates index.
"""

import math
from dataclasses import dataclass
from functools import partial

from django.db import connection, transaction
from django.db.models import Avg, Count, FloatField, Q
from django.db.models.functions import Cast, Floor

from core.pagecache import CATALOGUE, bump_content_version
from sites.models import HeritageAsset, MapCell, Site

TILE_PX = 256
CELL_PX = 80
BUBBLE_PX = 52  # the widest count map.js draws
MAX_ZOOM = 18
SUMMARY_MAX_ZOOM = 14  # MapCell holds zoom levels 0 to this; beyond, cells are counted from the places
MAX_PLACES = 300  # a view with more places than this shows cells
MAX_VIEW_PX = 3000  # the widest and tallest area one request may ask for, in screen pixels at its zoom
KINDS = {"site": Site, "heritage": HeritageAsset}
# The area shown when a request names none: Zhuzhou and its counties.
DEFAULT_BBOX = (112.8, 26.0, 114.1, 28.2)
DEFAULT_ZOOM = 9
_LOCK = 72_001  # PostgreSQL advisory lock: one rebuild at a time


def cell_degrees(zoom):
    return CELL_PX * 360 / (TILE_PX * 2**zoom)


def cell_of(latitude, longitude, zoom):
    size = cell_degrees(zoom)
    return math.floor(longitude / size), math.floor(latitude / size)


def view_pixels(bbox, zoom):
    """The width and height of `bbox` (west, south, east, north) on screen at `zoom`, about."""
    west, south, east, north = bbox
    per_degree = TILE_PX * 2**zoom / 360
    return (east - west) * per_degree, (north - south) * per_degree


@dataclass(frozen=True)
class MapView:
    bbox: tuple  # west, south, east, north in WGS-84 degrees
    zoom: int
    kinds: tuple = tuple(KINDS)


def _in_area(model, bbox):
    west, south, east, north = bbox
    rows = model.objects.published().filter(latitude__range=(south, north), longitude__range=(west, east))
    return rows.order_by()  # any rows: sorting them all would cost more than the rest


def view_data(view):
    """("places", [(kind, slug, name_zh, name_en, level, latitude, longitude)]) when the view holds at most
    MAX_PLACES places, else ("cells", [{x, y, site, heritage, latitude, longitude}])."""
    places = []
    for kind in view.kinds:
        rows = _in_area(KINDS[kind], view.bbox).values_list(
            "slug", "name_zh", "name_en", "level", "latitude", "longitude"
        )[: MAX_PLACES + 1 - len(places)]
        places += [(kind, *row) for row in rows]
        if len(places) > MAX_PLACES:
            cells = _summary_cells(view) if view.zoom <= SUMMARY_MAX_ZOOM else _counted_cells(view)
            return "cells", sorted(cells.values(), key=lambda cell: (cell["y"], cell["x"]))
    return "places", sorted(places, key=lambda place: (place[0], place[2], place[1]))


def _add(cells, key, kind, count, latitude, longitude):
    cell = cells.setdefault(key, {"x": key[0], "y": key[1], "site": 0, "heritage": 0, "lat": 0.0, "lng": 0.0})
    cell[kind] += count
    cell["lat"] += latitude * count  # sums until _centres() divides them
    cell["lng"] += longitude * count


def _centres(cells, zoom):
    """The centre of each cell's places, kept BUBBLE_PX / 2 inside the cell so that neighbours' counts never
    overlap on screen."""
    size = cell_degrees(zoom)
    margin = min(BUBBLE_PX / 2 * size / CELL_PX, size / 2)
    for cell in cells.values():
        total = cell["site"] + cell["heritage"]
        latitude, longitude = cell.pop("lat") / total, cell.pop("lng") / total
        cell["latitude"] = min(max(latitude, cell["y"] * size + margin), (cell["y"] + 1) * size - margin)
        cell["longitude"] = min(max(longitude, cell["x"] * size + margin), (cell["x"] + 1) * size - margin)
    return cells


def _cell_range(view):
    west, south, east, north = view.bbox
    (x0, y0), (x1, y1) = cell_of(south, west, view.zoom), cell_of(north, east, view.zoom)
    return (x0, x1), (y0, y1)


def _summary_cells(view):
    xs, ys = _cell_range(view)
    cells = {}
    rows = MapCell.objects.filter(zoom=view.zoom, kind__in=view.kinds, x__range=xs, y__range=ys).values_list(
        "kind", "x", "y", "count", "latitude", "longitude"
    )
    for kind, x, y, count, latitude, longitude in rows:
        _add(cells, (x, y), kind, count, latitude, longitude)
    # MapCell leaves out places with a publish window: whether they show depends on the hour.
    scheduled = Q(publish_from__isnull=False) | Q(publish_until__isnull=False)
    for kind in view.kinds:
        for latitude, longitude in (
            _in_area(KINDS[kind], view.bbox).filter(scheduled).values_list("latitude", "longitude")
        ):
            latitude, longitude = float(latitude), float(longitude)
            _add(cells, cell_of(latitude, longitude, view.zoom), kind, 1, latitude, longitude)
    return _centres(cells, view.zoom)


def _counted_cells(view):
    size = cell_degrees(view.zoom)
    cells = {}
    for kind in view.kinds:
        rows = (
            _in_area(KINDS[kind], view.bbox)
            .values(x=Floor(Cast("longitude", FloatField()) / size), y=Floor(Cast("latitude", FloatField()) / size))
            .annotate(n=Count("id"), lat=Avg(Cast("latitude", FloatField())), lng=Avg(Cast("longitude", FloatField())))
            .order_by()
            .values_list("x", "y", "n", "lat", "lng")
        )
        for x, y, count, latitude, longitude in rows:
            _add(cells, (int(x), int(y)), kind, count, latitude, longitude)
    return _centres(cells, view.zoom)


def grid_cells(kind, points):
    """The MapCell fields for `points` ((latitude, longitude) pairs) of one kind at every summary zoom level:
    counted at the finest, added up four by four for each coarser one."""
    level = {}
    for latitude, longitude in points:
        count, lat_sum, lng_sum = level.get(key := cell_of(latitude, longitude, SUMMARY_MAX_ZOOM), (0, 0.0, 0.0))
        level[key] = (count + 1, lat_sum + latitude, lng_sum + longitude)
    rows = []
    for zoom in range(SUMMARY_MAX_ZOOM, -1, -1):
        coarser = {}
        for (x, y), (count, lat_sum, lng_sum) in level.items():
            rows.append(
                {"zoom": zoom, "kind": kind, "x": x, "y": y, "count": count}
                | {"latitude": lat_sum / count, "longitude": lng_sum / count}
            )
            # >> is floor division by two for negative cells too.
            total = coarser.get((x >> 1, y >> 1), (0, 0.0, 0.0))
            coarser[(x >> 1, y >> 1)] = (total[0] + count, total[1] + lat_sum, total[2] + lng_sum)
        level = coarser
    return rows


def summary_points(model):
    """The places MapCell counts: published, with no publish window, on the map."""
    rows = model.objects.filter(
        published=True, publish_from__isnull=True, publish_until__isnull=True, latitude__isnull=False
    ).values_list("latitude", "longitude")
    return ((float(latitude), float(longitude)) for latitude, longitude in rows)


def rebuild_map_cells(kinds=KINDS, cell_model=MapCell):
    """Counts the places into MapCell afresh, in one transaction (`kinds` and `cell_model` are the historical
    models in a migration). Two rebuilds at once on PostgreSQL would each delete the rows they see and add theirs:
    a lock makes the second wait and then read what the first committed."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
        rows = [cell_model(**row) for kind, model in kinds.items() for row in grid_cells(kind, summary_points(model))]
        # A raw DELETE: the ORM's would fetch every row to send post_delete, which the cache signals listen to.
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(cell_model._meta.db_table)}")
        cell_model.objects.bulk_create(rows, batch_size=2000)
    # The map data kept in the data cache was built from the old counts, and rows written this way send no signal:
    # a new version now and at the commit (a request in between would keep the old counts under the first).
    bump_content_version((CATALOGUE,))
    transaction.on_commit(partial(bump_content_version, (CATALOGUE,)))
