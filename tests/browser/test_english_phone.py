"""The portal and the back office in English on a 390 px phone: nothing cut, hidden or in the other language."""

import re

import pytest

from bookings.services import create_booking
from office import roles
from tests.browser.test_backoffice_browser import log_in
from tests.factories import make_site, person
from tests.test_bookings_helpers import make_programme, make_slot, service_kwargs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def demo():
    works = make_site(name_zh="中车株机工业旅游区", name_en="CRRC Zhuzhou Locomotive Works", level="national")
    create_booking(**service_kwargs(make_slot(make_programme(site=works))))
    make_site(name_zh="中国陶瓷谷", name_en="China Ceramic Valley", level="provincial", district="liling")


def _inside(box, outer):
    return box["x"] >= outer["x"] - 0.5 and box["x"] + box["width"] <= outer["x"] + outer["width"] + 0.5


def test_every_section_of_the_english_navigation_is_on_the_screen(live_server, phone, demo, screenshot):
    phone.goto(live_server.url + "/en/")
    screen = {"x": 0, "width": phone.viewport_size["width"]}
    links = phone.locator(".main-nav a")
    assert links.count() == 6
    for link in links.all():
        assert link.is_visible()
        assert _inside(link.bounding_box(), screen), f"{link.inner_text()} is off the screen"
    assert "Study tours" in phone.locator(".main-nav").inner_text()
    screenshot(phone, "english-phone-header", full_page=False)


def test_the_english_study_tour_filter_names_the_districts_in_english(live_server, phone, demo):
    phone.goto(live_server.url + "/en/study-tours/")
    options = phone.locator("#id_district option").all_text_contents()
    assert len(options) == 10 and "Liling City" in options
    assert not [name for name in options if CHINESE.search(name)]


def test_the_english_dashboard_shows_whole_labels_inside_its_charts(live_server, phone, demo, screenshot):
    person("chen", roles.EDITOR)
    log_in(phone, live_server.url, "chen")
    phone.goto(live_server.url + "/en/admin/")
    charts = phone.locator(".bo-chart").filter(has=phone.locator("svg"))
    assert charts.count() >= 2
    for chart in charts.all():
        svg = chart.locator("svg").bounding_box()
        figures = chart.locator(".bo-figures tbody th").all_inner_texts()
        labels = chart.locator(".bo-bar-label")
        assert labels.all_text_contents() == figures
        for label in labels.all():
            assert _inside(label.bounding_box(), svg), f"{label.text_content()} is cut off"
    screenshot(phone, "english-phone-dashboard")


def test_the_chinese_booking_list_names_every_column_and_filter_in_chinese(live_server, phone, demo):
    person("chen", roles.EDITOR)
    log_in(phone, live_server.url, "chen")
    phone.goto(live_server.url + "/admin/bookings/booking/")
    assert phone.locator("th.column-pupil_count").inner_text().strip() == "学生人数"
    phone.goto(live_server.url + "/admin/bookings/timeslot/")
    assert phone.locator("#date-hierarchy-label").inner_text() == "按开始时间筛选"
