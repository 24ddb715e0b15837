"""The map page in a browser: the map shows only when JavaScript can draw it, and a place's popup opens in view."""

import pytest

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
        assert not page.locator(".map-legend").is_visible()
        assert page.locator(".map-lists a", has_text=LONG_NAME).is_visible()
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
    assert page.locator(".big-map").is_visible() and page.locator(".map-legend").is_visible()
    markers = page.locator("path.leaflet-interactive")
    markers.first.wait_for()
    boxes = [marker.bounding_box() for marker in markers.all()]
    markers.nth(min(range(len(boxes)), key=lambda n: boxes[n]["x"] + boxes[n]["y"])).click(force=True)
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    page.wait_for_timeout(600)  # the map pans the popup into view
    assert LONG_NAME in popup.inner_text()
    assert not _overlap(popup.bounding_box(), page.locator(".leaflet-control-zoom").bounding_box())
    assert page.problems == []
