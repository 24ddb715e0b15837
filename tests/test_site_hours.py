"""Opening hours at fixed times in Asia/Shanghai: weekly periods, holiday closures, special openings."""

import datetime
import re
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from sites.models import OpeningException, OpeningPeriod, Site
from tests.conftest import at
from tests.factories import add_weekly_hours, make_site

pytestmark = pytest.mark.django_db

# 2024-09-30 is a Monday; 2024-10-01 (National Day, a Tuesday) is a holiday closure in these tests.
MONDAY = datetime.date(2024, 9, 30)
NATIONAL_DAY = datetime.date(2024, 10, 1)


@pytest.fixture(autouse=True)
def _chinese_outside_requests():
    # A request through /en/ leaves English active in the thread; start every test in the default language.
    translation.activate("zh-hans")
    yield
    translation.deactivate()


def t(text):
    return datetime.time.fromisoformat(text)


@pytest.fixture
def works():
    """Open Monday to Saturday 09:00–12:00 and 14:00–17:30, closed on Sundays."""
    site = make_site(name_zh="中车株机", slug="zhong-che-zhu-ji")
    add_weekly_hours(site, weekdays=range(6), opens="09:00", closes="12:00")
    add_weekly_hours(site, weekdays=range(6), opens="14:00", closes="17:30")
    return site


def closed_on(site, day, note_zh="国庆闭馆", note_en="Closed for National Day"):
    return OpeningException.objects.create(site=site, date=day, closed=True, note_zh=note_zh, note_en=note_en)


def special_opening(site, day, opens, closes, note_zh="夜场开放", note_en="Evening opening"):
    return OpeningException.objects.create(
        site=site, date=day, closed=False, opens=t(opens), closes=t(closes), note_zh=note_zh, note_en=note_en
    )


def fresh(site):
    """The site as the detail page loads it; its exceptions are those from yesterday on, so fix today."""
    with patch("django.utils.timezone.now", return_value=at(2024, 9, 29)):
        return Site.objects.for_detail().get(pk=site.pk)


# is_open ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [(8, 59, False), (9, 0, True), (11, 59, True), (12, 0, False), (13, 0, False), (14, 0, True), (17, 29, True)]
    + [(17, 30, False), (23, 0, False)],
)
def test_is_open_follows_several_periods_a_day(works, hour, minute, expected):
    assert works.is_open(at(2024, 9, 30, hour, minute)) is expected


def test_a_site_is_closed_on_a_day_without_periods(works):
    assert not works.is_open(at(2024, 9, 29, 10))  # a Sunday


def test_is_open_reads_the_time_in_shanghai_whatever_the_zone_of_the_datetime(works):
    # 01:30 UTC on Monday is 09:30 in Zhuzhou; 23:30 UTC on Sunday is already Monday 07:30 there.
    assert works.is_open(datetime.datetime(2024, 9, 30, 1, 30, tzinfo=datetime.UTC))
    assert not works.is_open(datetime.datetime(2024, 9, 29, 23, 30, tzinfo=datetime.UTC))
    assert works.is_open(datetime.datetime(2024, 9, 30, 3, 0, tzinfo=ZoneInfo("Europe/Berlin")))


def test_a_holiday_closure_closes_an_ordinary_day(works):
    closed_on(works, NATIONAL_DAY)
    assert not works.is_open(at(2024, 10, 1, 10))
    assert works.is_open(at(2024, 10, 2, 10))


def test_a_special_opening_replaces_the_weekly_hours(works):
    special_opening(works, MONDAY, "19:00", "21:00")
    assert not works.is_open(at(2024, 9, 30, 10))
    assert works.is_open(at(2024, 9, 30, 20))
    assert not works.is_open(at(2024, 9, 30, 21))


def test_a_special_opening_on_a_closed_weekday_opens_the_site(works):
    special_opening(works, datetime.date(2024, 9, 29), "10:00", "16:00")
    assert works.is_open(at(2024, 9, 29, 15, 59))


# hours_on and week_hours ------------------------------------------------------------------------


def test_hours_on_lists_the_periods_of_the_day_in_order(works):
    assert works.hours_on(MONDAY) == [(t("09:00"), t("12:00")), (t("14:00"), t("17:30"))]
    assert works.hours_on(datetime.date(2024, 9, 29)) == []


def test_hours_on_gives_several_special_periods_in_order(works):
    special_opening(works, MONDAY, "19:00", "21:00")
    special_opening(works, MONDAY, "08:00", "10:00")
    assert fresh(works).hours_on(MONDAY) == [(t("08:00"), t("10:00")), (t("19:00"), t("21:00"))]


def test_a_closure_wins_over_a_special_opening_on_the_same_day(works):
    closed_on(works, NATIONAL_DAY)
    special_opening(works, NATIONAL_DAY, "19:00", "21:00")
    assert fresh(works).hours_on(NATIONAL_DAY) == []
    assert not Site.objects.open_on(NATIONAL_DAY).exists()


def test_week_hours_gives_seven_days_with_their_exceptions(works):
    closure = closed_on(works, NATIONAL_DAY)
    with patch("django.utils.timezone.now", return_value=at(2024, 9, 30, 8)):
        week = fresh(works).week_hours(MONDAY)
    assert [day for day, _periods, _exception in week] == [MONDAY + datetime.timedelta(days=n) for n in range(7)]
    assert week[0][1] == [(t("09:00"), t("12:00")), (t("14:00"), t("17:30"))]
    assert week[1] == (NATIONAL_DAY, [], closure)
    assert week[6][1] == []  # Sunday
    assert all(exception is None for _day, _periods, exception in week[2:])


def test_a_site_without_periods_has_no_hours():
    site = make_site()
    assert not site.has_hours
    assert not site.is_open(at(2024, 9, 30, 10))


# The open_on query ------------------------------------------------------------------------------


def test_open_on_agrees_with_hours_on_for_every_kind_of_day(works):
    sunday_only = make_site(slug="sunday-only")
    add_weekly_hours(sunday_only, weekdays=[6])
    closed_on(works, NATIONAL_DAY)
    special_opening(works, datetime.date(2024, 10, 6), "10:00", "12:00")  # a Sunday
    closed_on(sunday_only, datetime.date(2024, 10, 6))
    for offset in range(8):
        day = MONDAY + datetime.timedelta(days=offset)
        expected = {site.slug for site in Site.objects.all() if site.hours_on(day)}
        assert set(Site.objects.open_on(day).values_list("slug", flat=True)) == expected, day


def test_open_on_counts_each_site_once_with_several_periods(works):
    special_opening(works, MONDAY, "08:00", "10:00")
    special_opening(works, MONDAY, "19:00", "21:00")
    assert Site.objects.open_on(MONDAY).count() == 1
    assert Site.objects.open_on(MONDAY + datetime.timedelta(days=1)).count() == 1


def test_the_directory_filter_open_on_drops_sites_closed_that_day(client, works):
    closed_on(works, NATIONAL_DAY)
    sunday_only = make_site(name_zh="周日工坊", slug="sunday-only")
    add_weekly_hours(sunday_only, weekdays=[6])
    assert names(client, "2024-10-01") == set()
    assert names(client, "2024-10-02") == {"中车株机"}
    assert names(client, "2024-10-06") == {"周日工坊"}


def names(client, day):
    response = client.get("/sites/", {"open_on": day})
    assert response.status_code == 200
    return {site.name_zh for site in response.context["page"].object_list}


# The detail page --------------------------------------------------------------------------------


def text(response):
    """What the visitor reads: the page without its tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def detail_at(client, site, when, prefix=""):
    with patch("django.utils.timezone.now", return_value=when.astimezone(datetime.UTC)):
        return client.get(prefix + site.get_absolute_url())


def test_the_detail_page_says_open_now_during_opening_hours(client, works):
    page = detail_at(client, works, at(2024, 9, 30, 10), prefix="/en").content.decode()
    assert "is-open" in page and "Open now" in page


def test_the_detail_page_says_closed_at_lunchtime(client, works):
    page = detail_at(client, works, at(2024, 9, 30, 12, 30)).content.decode()
    assert "is-closed" in page


def test_the_detail_page_says_closed_on_a_holiday_and_gives_the_note(client, works):
    closed_on(works, NATIONAL_DAY)
    response = detail_at(client, works, at(2024, 10, 1, 10), prefix="/en")
    page = response.content.decode()
    assert "is-closed" in page
    assert "Closed for National Day" in page
    assert response.context["week"][0] == (NATIONAL_DAY, [], OpeningException.objects.get())


def test_the_detail_page_lists_the_week_from_today_in_shanghai(client, works):
    # 17:00 UTC on Monday is already Tuesday 01:00 in Zhuzhou.
    with patch("django.utils.timezone.now", return_value=datetime.datetime(2024, 9, 30, 17, tzinfo=datetime.UTC)):
        response = client.get("/en" + works.get_absolute_url())
    week = response.context["week"]
    assert week[0][0] == NATIONAL_DAY
    assert len(week) == 7
    assert "09:00–12:00, 14:00–17:30" in text(response)


def test_the_detail_page_shows_a_special_opening_in_the_week(client, works):
    special_opening(works, datetime.date(2024, 10, 6), "19:00", "21:30", note_en="Fireworks evening")
    page = text(detail_at(client, works, at(2024, 10, 2, 9), prefix="/en"))
    assert "19:00–21:30" in page
    assert "Fireworks evening" in page


def test_the_detail_page_without_hours_asks_visitors_to_check(client):
    site = make_site()
    page = client.get("/en" + site.get_absolute_url()).content.decode()
    assert "Opening hours are not published yet" in page


def test_weekly_periods_are_ordered_by_day_and_time(works):
    OpeningPeriod.objects.create(site=works, weekday=0, opens=t("07:00"), closes=t("08:00"))
    assert fresh(works).hours_on(MONDAY)[0] == (t("07:00"), t("08:00"))
