"""A tourist on a phone finds what is on in the calendar, filters it and opens an event; it all works without JS."""

import re
from unittest import mock

import pytest

from tests.browser.conftest import PHONE
from tests.conftest import at
from tests.factories import make_site
from tests.test_events import _series, add_date, make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOW = at(2027, 7, 10, 12)


@pytest.fixture
def summer():
    """A league on Friday and Saturday evenings, a four-day expo and a show with one date called off."""
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        league = make_event(
            title_zh="厂BA篮球联赛", title_en="Factory Basketball League", kind="sports", slug="chang-ba"
        )
        _series(league, "2027-07-02", "2027-07-31", weekdays=[4, 5], starts="19:30", ends="21:30")
        valley = make_site(name_zh="中国陶瓷谷", district="liling")
        expo = make_event(title_zh="瓷博会", kind="expo", site=valley, venue_name_zh="", slug="ci-bo-hui")
        add_date(expo, at(2027, 7, 15, 9), hours=3 * 24 + 8)
        show = make_event(title_zh="国彩醴陵", kind="show", admission_free=False, admission_price=98, slug="guocai")
        add_date(show, at(2027, 7, 17, 20), cancelled=True, note_zh="暴雨停演")
        add_date(show, at(2027, 8, 7, 20))
        yield


def _no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_phone_lists_only_the_days_with_events_and_filters_them(live_server, phone, screenshot, summer):
    phone.goto(f"{live_server.url}/events/calendar/?month=2027-07")

    days = phone.locator(".cal-day.has-events:not(.is-out)")
    assert days.count() == 12  # 10 league evenings, 2 of them during the expo, and the expo's 2 other days
    assert phone.locator(".cal-day:not(.has-events)").first.is_hidden()
    assert days.first.locator(".cal-long").inner_text().startswith("7月2日")
    assert phone.locator(".cal-event.is-off").count() == 1
    assert _no_sideways_scroll(phone)
    screenshot(phone, "events-calendar-phone")

    phone.locator(".cal-filters summary").click()
    phone.locator("select[name=kind]").select_option("expo")
    phone.locator(".cal-filters button[type=submit]").click()

    assert "kind=expo" in phone.url
    assert phone.locator(".cal-day.has-events:not(.is-out)").count() == 4
    phone.locator("a[rel~=next]").click()
    assert "month=2027-08" in phone.url and "kind=expo" in phone.url
    assert phone.locator(".cal-empty").is_visible()
    assert phone.problems == []


def test_a_phone_opens_an_event_from_the_calendar_and_sees_its_dates(live_server, phone, screenshot, summer):
    phone.goto(f"{live_server.url}/events/calendar/?month=2027-07")
    phone.locator(".cal-day.has-events").filter(has_text="7月17日").get_by_role(
        "link", name=re.compile("国彩醴陵")
    ).click()

    assert phone.url.endswith("/events/guocai/")
    assert phone.locator(".event-quick").is_visible()
    assert "98" in phone.locator(".event-quick").inner_text()
    cancelled = phone.locator(".date-grid li.is-off")
    assert cancelled.count() == 1 and "暴雨停演" in cancelled.inner_text()
    assert phone.locator("a[href$='/events/guocai/event.ics']").is_visible()
    assert _no_sideways_scroll(phone)
    screenshot(phone, "events-detail-phone")
    assert phone.problems == []


def test_the_calendar_and_filters_work_without_javascript(live_server, browser, summer):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN", **PHONE)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/events/calendar/?month=2027-07&kind=sports")
        assert page.locator(".cal-day.has-events:not(.is-out)").count() == 10
        page.goto(f"{live_server.url}/events/?free=1")
        titles = page.locator(".occ-title").all_inner_texts()
        assert titles and not any("国彩醴陵" in title for title in titles)
    finally:
        context.close()


def test_a_desktop_calendar_is_a_seven_day_grid(live_server, desktop, screenshot, summer):
    desktop.goto(f"{live_server.url}/events/calendar/?month=2027-07")
    first_week = desktop.locator(".cal-day").all()[:7]
    tops = {round(day.bounding_box()["y"]) for day in first_week}
    assert len(tops) == 1
    assert desktop.locator(".cal-weekdays").is_visible()
    screenshot(desktop, "events-calendar-desktop")
    assert desktop.problems == []
