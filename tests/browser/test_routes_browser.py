"""A tourist on a phone picks a route, follows it on the map and prints it; without JavaScript the list is the plan."""

import re

import pytest

from itineraries.models import Itinerary, Stop
from tests.browser.conftest import OUTSIDE, PHONE
from tests.conftest import at
from tests.factories import add_illustrated_photo, make_heritage, make_site
from tests.test_routes import add_date, make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ceramics_route(served_media):
    valley = make_site(
        name_zh="中国陶瓷谷",
        name_en="China Ceramic Valley",
        slug="zhongguo-taoci-gu",
        industry="ceramics",
        district="liling",
        latitude="27.665000",
        longitude="113.515000",
        address_zh="醴陵市陶瓷谷",
    )
    add_illustrated_photo(valley, alt_zh="陶瓷谷外景", alt_en="China Ceramic Valley, outside")
    kiln = make_heritage(
        name_zh="醴陵窑遗址", slug="liling-yao-yizhi", district="liling", latitude="27.629000", longitude="113.471000"
    )
    show = make_event(
        title_zh="《国彩醴陵》演出", title_en="Guocai Liling show", slug="guocai-liling", site=valley, kind="show"
    )
    add_date(show, at(2030, 7, 6, 19, 30), hours=1)
    route = Itinerary.objects.create(
        title_zh="千年瓷都之旅",
        title_en="A Thousand Years of Porcelain",
        slug="qian-nian-ci-du-zhi-lv",
        theme="ceramics",
        summary_zh="在醴陵住一晚。",
        tips_zh="《国彩醴陵》需购票。",
        for_families=True,
        published=True,
    )
    Stop.objects.create(
        itinerary=route,
        day=1,
        position=1,
        site=valley,
        visit_minutes=180,
        next_mode="taxi",
        next_minutes=15,
        next_directions_zh="打车约15分钟。",
    )
    Stop.objects.create(itinerary=route, day=1, position=2, event=show, visit_minutes=90)
    Stop.objects.create(itinerary=route, day=2, position=1, heritage=kiln, visit_minutes=120)
    return route


def test_a_tourist_on_a_phone_follows_a_route_on_the_map_and_prints_it(live_server, phone, ceramics_route, screenshot):
    page = phone
    page.goto(live_server.url + "/routes/")
    assert page.locator(".main-nav a[aria-current='page']").get_attribute("href") == "/routes/"
    page.locator(".filter-box summary").click()
    page.locator("#id_days").select_option("2")
    page.locator(".filters button[type='submit']").click()
    page.wait_for_url(re.compile(r"[?&]days=2"))
    cards = page.locator(".card-route")
    assert cards.count() == 1
    _fits_the_screen(page)
    screenshot(page, "routes-phone-1-list")

    cards.first.locator("a").click()
    page.wait_for_url(re.compile(r"/routes/qian-nian-ci-du-zhi-lv/$"))
    assert page.locator("h1").inner_text() == "千年瓷都之旅"
    assert page.locator(".route-day").count() == 2
    assert page.locator(".stop-name").all_inner_texts() == ["中国陶瓷谷", "《国彩醴陵》演出", "醴陵窑遗址"]

    # The script draws the stops, numbered as in the plan, joined by a line in their order.
    route_map = page.locator("#route-map")
    route_map.scroll_into_view_if_needed()
    assert route_map.is_visible()
    markers = page.locator(".route-marker")
    assert markers.count() == 3
    assert [markers.nth(n).inner_text() for n in range(3)] == ["1", "2", "3"]
    assert page.locator("#route-map path.leaflet-interactive").count() == 1
    assert page.locator(".js-print").is_visible() and not page.locator(".js-print-hint").is_visible()
    _fits_the_screen(page)
    screenshot(page, "routes-phone-2-route")

    markers.nth(0).click()
    popup_link = page.locator(".leaflet-popup-content a")
    assert popup_link.inner_text() == "1. 中国陶瓷谷"

    # The print layout a teacher takes along: the plan and a notes area, no map, no site chrome.
    page.emulate_media(media="print")
    assert not page.locator(".route-map-panel").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert page.locator(".print-notes").is_visible()
    assert page.locator(".stop").count() == 3
    screenshot(page, "routes-phone-3-print")
    page.emulate_media(media="screen")

    page.locator(".stop-name a", has_text="醴陵窑遗址").click()
    page.wait_for_url(re.compile(r"/heritage/liling-yao-yizhi/$"))
    assert page.problems == []


def test_without_javascript_the_ordered_list_is_the_plan(live_server, browser, ceramics_route, screenshot):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN", timezone_id="Asia/Shanghai", **PHONE)
    context.route(OUTSIDE, lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(live_server.url + "/en/routes/qian-nian-ci-du-zhi-lv/")
        assert page.locator("ol.stops").count() == 2
        assert page.locator(".stop-number").all_inner_texts() == ["1", "2", "3"]
        assert "Taxi or car, about 15 min" in page.locator(".leg").first.inner_text()
        assert not page.locator("#route-map").is_visible()
        assert not page.locator(".js-print").is_visible()
        assert page.locator(".js-print-hint").is_visible()
        _fits_the_screen(page)
        screenshot(page, "routes-phone-4-no-javascript")
    finally:
        context.close()


def test_the_route_page_on_a_desktop(live_server, desktop, ceramics_route, screenshot):
    page = desktop
    page.goto(live_server.url + "/en/routes/qian-nian-ci-du-zhi-lv/")
    assert page.locator("h1").inner_text() == "A Thousand Years of Porcelain"
    assert page.locator(".route-marker").count() == 3
    # The map sits beside the plan on a wide screen.
    plan, side = page.locator(".route-plan").bounding_box(), page.locator(".route-map-panel").bounding_box()
    assert side["x"] > plan["x"] + plan["width"] - 1
    _fits_the_screen(page)
    screenshot(page, "routes-desktop-1-route")
    assert page.problems == []


def _fits_the_screen(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"
