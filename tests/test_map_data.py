"""The map data (`/map/places.geojson?bbox=west,south,east,north&zoom=z`): the places in view when there are few,
counts per grid cell when there are many, never the whole catalogue; bad queries are a JSON 400."""

import gzip
import json
import random

import pytest
from django.db import transaction
from django.utils import timezone, translation

from sites import mapgrid
from sites.models import HeritageAsset, MapCell, Site
from tests.factories import make_heritage, make_site

pytestmark = pytest.mark.django_db

ZHUZHOU = "112.8,26.0,114.1,28.2"


@pytest.fixture(autouse=True)
def _chinese_outside_requests():
    translation.activate("zh-hans")
    yield
    translation.deactivate()


def data(client, query="", status=200, **headers):
    response = client.get(f"/map/places.geojson?{query}", headers=headers)
    assert response.status_code == status, response.content[:300]
    assert "json" in response["Content-Type"]
    return response.json()


def features(client, query=""):
    return data(client, query)["features"]


def urls(client, query=""):
    return {f["properties"]["url"] for f in features(client, query)}


def test_a_view_gives_the_places_inside_it(client):
    make_site(slug="in-town", latitude="27.870000", longitude="113.090000")
    make_site(slug="in-liling", latitude="27.650000", longitude="113.500000")
    make_heritage(slug="old-kiln", latitude="27.860000", longitude="113.100000")
    assert urls(client, "bbox=113.0,27.8,113.2,27.9&zoom=13") == {"/sites/in-town/", "/heritage/old-kiln/"}
    assert urls(client, "bbox=113.4,27.6,113.6,27.7&zoom=13") == {"/sites/in-liling/"}
    assert urls(client, "bbox=110,20,111,21&zoom=9") == set()


def test_without_a_view_the_data_is_zhuzhou_at_zoom_9(client):
    make_site(slug="in-town", latitude="27.870000", longitude="113.090000")
    make_site(slug="in-beijing", latitude="39.900000", longitude="116.400000")
    assert urls(client) == urls(client, f"bbox={ZHUZHOU}&zoom=9") == {"/sites/in-town/"}


def test_kind_shows_only_sites_or_only_heritage(client):
    make_site(slug="works")
    make_heritage(slug="kiln")
    assert urls(client, "kind=site") == {"/sites/works/"}
    assert urls(client, "kind=heritage") == {"/heritage/kiln/"}


def test_places_carry_what_the_popup_shows_and_no_html_is_made_of_names(client):
    make_site(name_zh="<img src=x onerror=alert(1)>", slug="hostile", level="national")
    (feature,) = features(client)
    assert feature["properties"] == {
        "name": "<img src=x onerror=alert(1)>",  # text in JSON; places-map.js sets it as textContent
        "url": "/sites/hostile/",
        "kind": "site",
        "level": "national",
        "label": "国家工业旅游示范基地",
    }


def crowd(n, lat=27.85, lng=113.12, spread=0.05, seed=1):
    """`n` published sites around a point, bulk-created, and MapCell counted afresh."""
    rng = random.Random(seed)
    Site.objects.bulk_create(
        Site(
            name_zh=f"工厂{i}",
            slug=f"crowd-{seed}-{i}",
            industry="rail",
            district="shifeng",
            level="none",
            latitude=f"{lat + rng.uniform(-spread, spread):.6f}",
            longitude=f"{lng + rng.uniform(-spread, spread):.6f}",
            published=True,
        )
        for i in range(n)
    )
    mapgrid.rebuild_map_cells()


def test_a_crowded_view_gives_counts_per_cell_that_add_up(client, monkeypatch):
    monkeypatch.setattr(mapgrid, "MAX_PLACES", 20)
    make_heritage(slug="kiln", latitude="27.850000", longitude="113.120000")
    crowd(60)  # counts MapCell afresh
    cells = features(client, "bbox=113.0,27.7,113.3,27.95&zoom=11")
    assert all(cell["properties"]["cluster"] for cell in cells)
    assert sum(cell["properties"]["count"] for cell in cells) == 61
    assert sum(cell["properties"]["sites"] for cell in cells) == 60
    assert sum(cell["properties"]["heritage"] for cell in cells) == 1
    for cell in cells:
        lng, lat = cell["geometry"]["coordinates"]
        assert 27.79 < lat < 27.91 and 113.06 < lng < 113.18  # the centre of places, not of the cell


def test_closer_in_the_same_crowd_shows_as_places(client, monkeypatch):
    monkeypatch.setattr(mapgrid, "MAX_PLACES", 20)
    crowd(60, spread=0.05)
    close = features(client, "bbox=113.119,27.849,113.121,27.851&zoom=18")
    assert not any(f["properties"].get("cluster") for f in close)


@pytest.mark.parametrize("zoom", [9, 12, 14, 15, 16])
def test_counted_cells_and_stored_cells_agree(client, monkeypatch, zoom):
    """Zoomed out the counts come from MapCell, closer in from the places table: the same grid either way."""
    monkeypatch.setattr(mapgrid, "MAX_PLACES", 5)
    crowd(80, spread=0.01)
    bbox = "113.10,27.83,113.14,27.87"
    west, south, east, north = map(float, bbox.split(","))
    view = mapgrid.MapView((west, south, east, north), zoom)
    stored = {(c["x"], c["y"]): c["site"] for c in mapgrid._summary_cells(view).values()} if zoom <= 14 else None
    counted = {(c["x"], c["y"]): c["site"] for c in mapgrid._counted_cells(view).values()}
    if stored is not None:
        # The stored cells count the places of whole cells; the counted ones only those inside the view.
        assert set(counted) <= set(stored) and all(counted[key] <= stored[key] for key in counted)
    assert sum(f["properties"]["count"] for f in features(client, f"bbox={bbox}&zoom={zoom}")) >= 80 - 1


@pytest.mark.django_db(transaction=True)
def test_the_stored_counts_follow_new_changed_and_deleted_places():
    def stored():
        return sum(MapCell.objects.filter(zoom=0).values_list("count", flat=True))

    with transaction.atomic():
        site = make_site(slug="works")
        make_heritage(slug="kiln")
        assert stored() == 0  # counted once, when the transaction commits
    assert stored() == 2
    site.published = False
    site.save()
    assert stored() == 1
    HeritageAsset.objects.get(slug="kiln").delete()
    assert stored() == 0


def test_places_with_a_publish_window_are_counted_while_it_is_open(client, monkeypatch):
    monkeypatch.setattr(mapgrid, "MAX_PLACES", 2)
    crowd(5, spread=0.001)
    now = timezone.now()
    hour = timezone.timedelta(hours=1)
    make_site(slug="open-now", latitude="27.850000", longitude="113.120000", publish_until=now + hour)
    make_site(slug="opens-later", latitude="27.850000", longitude="113.120000", publish_from=now + hour)
    mapgrid.rebuild_map_cells()
    assert MapCell.objects.filter(zoom=0).get().count == 5  # windows are left to request time
    cells = features(client, "bbox=113.0,27.8,113.2,27.9&zoom=10")
    assert sum(cell["properties"]["count"] for cell in cells) == 6


def test_the_data_comes_gzipped_when_asked_and_answers_not_modified(client):
    make_site(slug="works")
    packed = client.get("/map/places.geojson", headers={"accept-encoding": "gzip, br"})
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert json.loads(gzip.decompress(packed.content))["features"]
    again = client.get("/map/places.geojson", headers={"if-none-match": client.get("/map/places.geojson")["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize(
    "query, field",
    [
        ("bbox=abc", "bbox"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=1,2,3,4,5", "bbox"),
        ("bbox=nan,27,113,28", "bbox"),
        ("bbox=113,27,inf,28", "bbox"),
        ("bbox=113.2,27.8,113.0,27.9", "bbox"),  # west of its west
        ("bbox=113,28,113.2,27", "bbox"),
        ("bbox=170,27,200,28", "bbox"),
        ("bbox=113,-100,113.2,27", "bbox"),
        ("bbox=100,20,120,40&zoom=14", "bbox"),  # far more than a screen at that zoom
        ("bbox=" + "1" * 300, "bbox"),
        ("zoom=x", "zoom"),
        ("zoom=-1", "zoom"),
        ("zoom=19", "zoom"),
        ("zoom=²", "zoom"),
        ("zoom=99999999999999999999999", "zoom"),
        ("kind=castle", "kind"),
    ],
)
def test_a_bad_query_is_a_json_400_that_says_what_is_wrong(client, query, field):
    answer = data(client, query, status=400)
    assert answer["error"] == "地图无法读取这个请求。"
    assert list(answer["fields"]) == [field] and answer["fields"][field][0]


def test_the_reasons_come_in_english_too(client):
    response = client.get("/en/map/places.geojson?bbox=100,20,120,40&zoom=14")
    assert response.status_code == 400
    assert response.json()["fields"]["bbox"] == [
        "This area is too large for zoom 14: zoom in or ask for a smaller area."
    ]


def province_of_places():
    """20,000 places in nine dense squares, as the scale data spreads them."""
    from demo.scale.sites import DISTRICT_CENTRES

    rng = random.Random(13)
    centres = list(DISTRICT_CENTRES.values())

    def point():
        lat, lng, _weight = rng.choice(centres)
        return f"{lat + rng.uniform(-0.12, 0.12):.6f}", f"{lng + rng.uniform(-0.12, 0.12):.6f}"

    def site(n):
        lat, lng = point()
        return Site(
            name_zh=f"株洲市第{n}号工业旅游示范点",
            name_en=f"Zhuzhou Industrial Tourism Point No. {n}",
            slug=f"scale-site-{n}",
            industry="rail",
            district="shifeng",
            level="municipal",
            latitude=lat,
            longitude=lng,
            published=True,
        )

    def heritage(n):
        lat, lng = point()
        return HeritageAsset(
            name_zh=f"株洲第{n}号工业遗产厂房",
            name_en=f"Zhuzhou Industrial Heritage Workshop No. {n}",
            slug=f"scale-heritage-{n}",
            level="municipal",
            state="museum",
            district="shifeng",
            latitude=lat,
            longitude=lng,
            published=True,
        )

    Site.objects.bulk_create((site(n) for n in range(10_000)), batch_size=2000)
    HeritageAsset.objects.bulk_create((heritage(n) for n in range(10_000)), batch_size=2000)
    mapgrid.rebuild_map_cells()
    return [(lat, lng) for lat, lng, _weight in centres]


def test_no_view_of_20000_places_weighs_over_150_kb_compressed(client):
    centres = province_of_places()
    largest = {}
    for zoom in range(0, mapgrid.MAX_ZOOM + 1):
        # The widest area allowed at this zoom, and a laptop screen's, around the busiest spots.
        for width_px, height_px in ((mapgrid.MAX_VIEW_PX, mapgrid.MAX_VIEW_PX), (1440, 800)):
            half_w = width_px / 2 * 360 / (256 * 2**zoom) * 0.999
            half_h = height_px / 2 * 360 / (256 * 2**zoom) * 0.999
            for lat, lng in centres[:3]:
                bbox = f"{max(lng - half_w, -180):.6f},{max(lat - half_h, -90):.6f},"
                bbox += f"{min(lng + half_w, 180):.6f},{min(lat + half_h, 90):.6f}"
                response = client.get(
                    f"/map/places.geojson?bbox={bbox}&zoom={zoom}", headers={"accept-encoding": "gzip"}
                )
                assert response.status_code == 200, (zoom, response.content)
                largest[zoom] = max(largest.get(zoom, 0), len(response.content))
    print({zoom: f"{size / 1000:.0f} KB" for zoom, size in largest.items()})
    assert max(largest.values()) <= 150_000
    assert largest[6] < 2_000  # the whole city is a handful of counts


@pytest.mark.parametrize("size", [30, 90])
def test_a_crowded_view_makes_the_same_queries_at_any_size(client, monkeypatch, django_assert_num_queries, size):
    monkeypatch.setattr(mapgrid, "MAX_PLACES", 20)
    crowd(size)
    # Zoomed out: the first MAX_PLACES + 1 sites in view (too many), the stored cells in view, and for each kind
    # the places with a publish window.
    with django_assert_num_queries(4):
        zoomed_out = features(client, "bbox=112.9,27.6,113.4,28.1&zoom=10")
    # Closer in: the sites again, then the cells of each kind counted by the database.
    with django_assert_num_queries(3):
        closer = features(client, "bbox=113.07,27.80,113.17,27.90&zoom=15")
    assert sum(f["properties"]["count"] for f in zoomed_out) == size
    assert all(f["properties"]["cluster"] for f in closer)


def test_neighbouring_counts_sit_apart_on_screen(client, monkeypatch):
    """Two crowds either side of a cell border: their counts stay half a bubble inside their cells."""
    monkeypatch.setattr(mapgrid, "MAX_PLACES", 5)
    size = mapgrid.cell_degrees(10)
    border = (113.12 // size + 1) * size
    crowd(10, lat=27.85, lng=border - 0.0001, spread=0.00005, seed=1)
    crowd(10, lat=27.85, lng=border + 0.0001, spread=0.00005, seed=2)
    cells = features(client, "bbox=113.0,27.8,113.3,27.9&zoom=10")
    (west, _), (east, _) = sorted(cell["geometry"]["coordinates"] for cell in cells)
    pixels = (east - west) * 256 * 2**10 / 360
    assert pixels >= mapgrid.BUBBLE_PX


def test_rebuild_map_cells_counts_places_written_without_signals():
    """bulk_create sends no signal, so the stored counts miss its places until the command counts them again."""
    from io import StringIO

    from django.core.management import call_command

    Site.objects.bulk_create([Site(slug="quiet", name_zh="静厂", published=True, latitude=27.8, longitude=113.1)])
    assert sum(MapCell.objects.filter(zoom=0).values_list("count", flat=True)) == 0
    out = StringIO()
    call_command("rebuild_map_cells", stdout=out)
    assert sum(MapCell.objects.filter(zoom=0).values_list("count", flat=True)) == 1
    assert "Map cells rebuilt" in out.getvalue()


def test_a_change_to_places_queues_one_recount_for_the_worker(settings, django_capture_on_commit_callbacks):
    """The editor's save does not wait for the recount (0.6 s at 20,000 places): it is one task, however many
    places the transaction changed."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["mail", "photos", "maps"]}}
    with django_capture_on_commit_callbacks(execute=True):
        make_site(slug="first")
        make_heritage(slug="second")
    assert DBTaskResult.objects.filter(queue_name="maps").count() == 1
    assert not MapCell.objects.exists()  # counted by the worker, not by the save


def test_a_view_seen_before_comes_from_the_data_cache_until_the_counts_change(
    client, monkeypatch, django_assert_num_queries
):
    """The same view of the same content is built once; a recount of the stored cells (the worker's task, or the
    command after writes without signals) makes the next request build it again, so no view shows old counts."""
    monkeypatch.setattr(mapgrid, "MAX_PLACES", 20)
    crowd(30)
    view = "bbox=113.0,27.7,113.3,27.95&zoom=11"
    assert sum(cell["properties"]["count"] for cell in features(client, view)) == 30
    with django_assert_num_queries(0):
        assert sum(cell["properties"]["count"] for cell in features(client, view)) == 30
    crowd(5, seed=2)  # bulk_create: no signal; then the recount
    assert sum(cell["properties"]["count"] for cell in features(client, view)) == 35
