"""A visitor on a phone: home page, directory, a filter, a site, then the same site in English."""

import re

import pytest

from tests.factories import add_illustrated_photo, add_weekly_hours, make_heritage, make_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(served_media):
    works = make_site(
        name_zh="中车株洲电力机车",
        name_en="CRRC Zhuzhou Electric Locomotive Works",
        slug="zhongche-zhuzhou",
        summary_zh="在1936年的联合厂房里看电力机车总装。",
        summary_en="Watch electric locomotives being assembled in the 1936 joint workshop.",
        level="national",
        level_year=2021,
        featured=True,
        booking_required=True,
        for_study_tours=True,
    )
    valley = make_site(
        name_zh="醴陵中国陶瓷谷",
        name_en="China Ceramic Valley, Liling",
        slug="liling-taoci-gu",
        summary_zh="醴陵陶瓷博物馆、窑炉和捡瓷活动。",
        summary_en="Ceramics museums, kilns and the pick-porcelain events.",
        industry="ceramics",
        district="liling",
        level="provincial",
        featured=True,
        latitude="27.650000",
        longitude="113.500000",
    )
    circuit = make_site(name_zh="株洲国际赛车场", name_en="Zhuzhou International Circuit", industry="motorsport")
    for site in (works, valley, circuit):
        add_illustrated_photo(site, alt_zh=f"{site.name_zh}外景", alt_en=f"{site.name_en}, outside")
        add_weekly_hours(site)
    make_heritage(name_zh="粤汉铁路株洲总机厂联合厂房", name_en="Joint Workshop of the Canton–Hankou Works", site=works)
    return {"works": works, "valley": valley, "circuit": circuit}


def test_a_visitor_on_a_phone_filters_the_directory_opens_a_site_and_switches_to_english(
    live_server, phone, catalogue, screenshot
):
    page = phone
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.locator(".hero h1").is_visible()
    assert page.locator(".figure-list strong").first.inner_text() == "1"  # one national base
    _fits_the_screen(page)
    screenshot(page, "phone-1-home")

    page.locator(".main-nav a[href='/sites/']").click()
    page.wait_for_url(re.compile(r"/sites/$"))
    cards = page.locator(".list-results .card")
    assert cards.count() == 3
    # Results come first on a phone: the filters are folded until asked for.
    industry = page.locator("#id_industry")
    assert not industry.is_visible()
    page.locator(".filter-box summary").click()
    industry.select_option("ceramics")
    page.locator(".filter-actions button[type=submit]").click()
    page.wait_for_url(re.compile(r"[?&]industry=ceramics"))
    assert cards.count() == 1
    assert "醴陵中国陶瓷谷" in cards.first.inner_text()
    assert page.locator(".filter-box").get_attribute("open") is not None  # active filters stay in view
    _fits_the_screen(page)
    screenshot(page, "phone-2-directory-filtered")

    cards.first.locator("a").click()
    page.wait_for_url(re.compile(r"/sites/liling-taoci-gu/$"))
    assert page.locator("h1").inner_text() == "醴陵中国陶瓷谷"
    assert page.locator(".hours").is_visible()
    _fits_the_screen(page)
    screenshot(page, "phone-3-site")

    page.locator(".lang-switch a[hreflang='en']").click()
    page.wait_for_url(re.compile(r"/en/sites/liling-taoci-gu/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "China Ceramic Valley, Liling"
    assert page.locator(".main-nav a[href='/en/sites/']").inner_text() == "Sites"
    _fits_the_screen(page)
    screenshot(page, "phone-4-site-english")

    assert page.problems == []


def test_the_home_page_and_a_missing_page_look_right_on_a_desktop(live_server, desktop, catalogue, screenshot):
    page = desktop
    page.goto(live_server.url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".card-grid-feature .card").count() == 2
    _fits_the_screen(page)
    screenshot(page, "desktop-1-home-english")
    assert page.problems == []

    response = page.goto(live_server.url + "/sites/no-such-site/")
    assert response.status == 404
    assert page.locator("h1").is_visible()
    assert page.locator(".error-search input").is_visible()
    screenshot(page, "desktop-2-not-found")
    # Chromium reports the page's own 404 status as a console error; nothing else may fail.
    assert [p for p in page.problems if "/sites/no-such-site/" not in p] == []


def _fits_the_screen(page):
    """Nothing sticks out sideways: a page that scrolls horizontally on a phone is broken."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"
