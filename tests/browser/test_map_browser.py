"""The map page in a browser: the map shows only when JavaScript can draw it, it loads what is in view as the
visitor pans and zooms, a count zooms in, and a place's popup opens in view."""

import random
from urllib.parse import parse_qs, urlparse

import pytest

from sites import mapgrid
from sites.models import Site
from tests.browser.conftest import OUTSIDE, PHONE
from tests.factories import make_heritage, make_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_NAME = "西北角的老机车修理厂旧址与工业博物馆及其配套展示中心"


@pytest.fixture
def corners():
    """Two places at opposite corners: once the map fits them, the north-western one sits by the zoom buttons."""
    # A long name: the popup is tall enough to reach the buttons above its place.
    make_site(name_zh=LONG_NAME, slug="north-west", district="shifeng", latitude="28.1", longitude="112.9")
    make_heritage(name_zh="东南角遗址", slug="south-east", district="liling", latitude="27.5", longitude="113.6")


def test_without_javascript_there_is_no_empty_map_box_only_the_lists(live_server, browser, corners):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN", **PHONE)
    context.route(OUTSIDE, lambda route: route.abort())
    page = context.new_page()
    try:
        for path in ("/map/", "/sites/north-west/"):
            page.goto(live_server.url + path)
            assert page.locator(".big-map, .mini-map").count() == 1
            assert not page.locator(".big-map, .mini-map").is_visible(), path
        page.goto(live_server.url + "/map/")
        assert not page.locator(".map-kinds").is_visible()
        page.locator(".district-nav a", has_text="石峰区").click()
        assert page.locator(".map-list a", has_text=LONG_NAME).is_visible()
        page.locator(".district-nav a", has_text="醴陵市").click()
        page.locator(".kind-nav a", has_text="工业遗产").click()
        assert page.locator(".map-list a", has_text="东南角遗址").is_visible()
    finally:
        context.close()


def _overlap(a, b):
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and (b["y"] < a["y"] + a["height"])
    )


def test_a_popup_opens_clear_of_the_zoom_buttons(live_server, phone, corners):
    page = phone
    page.goto(live_server.url + "/map/")
    assert page.locator(".big-map").is_visible() and page.locator(".map-kinds").is_visible()
    markers = page.locator("path.leaflet-interactive")
    markers.first.wait_for()
    page.wait_for_load_state("networkidle")
    boxes = [marker.bounding_box() for marker in markers.all()]
    markers.nth(min(range(len(boxes)), key=lambda n: boxes[n]["x"] + boxes[n]["y"])).click(force=True)
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    page.wait_for_timeout(600)  # the map pans the popup into view
    assert LONG_NAME in popup.inner_text()
    assert not _overlap(popup.bounding_box(), page.locator(".leaflet-control-zoom").bounding_box())
    assert page.problems == []


@pytest.fixture
def crowd(monkeypatch):
    """120 sites around Zhuzhou's centre, with views of more than 20 places shown as counts."""
    monkeypatch.setattr(mapgrid, "MAX_PLACES", 20)
    rng = random.Random(5)
    Site.objects.bulk_create(
        Site(
            name_zh=f"密集工厂{n}",
            slug=f"crowd-{n}",
            industry="rail",
            district="shifeng",
            latitude=f"{27.85 + rng.uniform(-0.08, 0.08):.6f}",
            longitude=f"{113.13 + rng.uniform(-0.08, 0.08):.6f}",
            published=True,
        )
        for n in range(120)
    )
    mapgrid.rebuild_map_cells()


def _view(response):
    query = parse_qs(urlparse(response.url).query)
    return int(query["zoom"][0]), query["bbox"][0]


def test_the_map_loads_what_is_in_view_and_a_count_zooms_in(live_server, desktop, crowd, screenshot):
    page = desktop
    with page.expect_response(lambda r: "places.geojson" in r.url) as first:
        page.goto(live_server.url + "/map/")
    zoom, bbox = _view(first.value)
    clusters = page.locator(".map-cluster")
    clusters.first.wait_for()
    assert "120" in page.locator(".map-status").inner_text()
    assert page.locator("path.leaflet-interactive").count() == 0  # counts, not places
    screenshot(page, "map-clusters-desktop", full_page=False)

    # A count is a button: it zooms in, and the map asks for the smaller area.
    biggest = max(clusters.all(), key=lambda c: int(c.inner_text().replace(",", "")))
    assert biggest.get_attribute("role") == "button"
    assert biggest.get_attribute("aria-label") == f"此处有 {biggest.inner_text()} 处地点：点击放大"
    with page.expect_response(lambda r: "places.geojson" in r.url) as closer:
        biggest.click()
    closer_zoom, _ = _view(closer.value)
    assert closer_zoom == zoom + 2

    # Zoom in further until the places themselves show; each opens a popup with its name.
    while page.locator("path.leaflet-interactive").count() == 0:
        with page.expect_response(lambda r: "places.geojson" in r.url):
            page.locator(".map-cluster").first.click()
    page.locator("path.leaflet-interactive").first.click(force=True)
    assert "密集工厂" in page.locator(".leaflet-popup-content").inner_text()

    # Panning asks for the new area at the same zoom.
    box = page.locator(".big-map").bounding_box()
    with page.expect_response(lambda r: "places.geojson" in r.url) as panned:
        page.mouse.move(box["x"] + 300, box["y"] + 200)
        page.mouse.down()
        page.mouse.move(box["x"] + 100, box["y"] + 100, steps=5)
        page.mouse.up()
    assert _view(panned.value)[1] != _view(closer.value)[1]
    assert page.problems == []


def test_the_kind_boxes_ask_for_sites_or_heritage_only(live_server, desktop, corners, screenshot):
    page = desktop
    page.goto(live_server.url + "/map/?district=shifeng")
    page.locator("path.leaflet-interactive").nth(1).wait_for()
    screenshot(page, "map-desktop")
    with page.expect_response(lambda r: "places.geojson" in r.url) as answer:
        page.get_by_label("工业遗产", exact=True).uncheck()
    assert "kind=site" in answer.value.url
    page.wait_for_function("document.querySelectorAll('path.leaflet-interactive').length === 1")
    assert page.problems == []


def test_the_map_on_a_phone(live_server, phone, crowd, screenshot):
    phone.goto(live_server.url + "/map/")
    phone.locator(".map-cluster").first.wait_for()
    screenshot(phone, "map-phone")
    assert phone.problems == []
