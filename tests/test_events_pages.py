"""The public events pages: the upcoming list and its filters, the archive, the calendar, the event page."""

import datetime
import json
import re
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.models import EventStatus
from tests.conftest import at
from tests.factories import make_site
from tests.test_events import add_date, add_photo_to_event, make_event

pytestmark = pytest.mark.django_db

NOW = at(2027, 7, 10, 12)


@pytest.fixture(autouse=True)
def _fixed_now():
    # Pages are in Chinese unless a test asks for /en/; an earlier request must not leave English active.
    with mock.patch("django.utils.timezone.now", return_value=NOW), translation.override("zh-hans"):
        yield


def _text(response):
    assert response.status_code == 200
    return response.content.decode()


def _titles(response):
    return [o.event.title_zh for o in response.context["page"].object_list]


# The upcoming list ---------------------------------------------------------------------------------


def test_the_list_shows_dates_to_come_and_running_now_soonest_first(client):
    league = make_event(title_zh="厂BA", kind="sports")
    add_date(league, at(2027, 7, 3, 19, 30))  # last week
    add_date(league, at(2027, 7, 17, 19, 30))
    expo = make_event(title_zh="轨博会", kind="expo")
    add_date(expo, at(2027, 7, 9, 9), hours=3 * 24)  # running now
    hidden = make_event(title_zh="草稿活动", published=False)
    add_date(hidden, at(2027, 7, 12, 9))

    response = client.get("/events/")

    assert _titles(response) == ["轨博会", "厂BA"]
    assert "草稿活动" not in _text(response)


def test_a_weekly_show_is_listed_once_with_its_next_date_and_how_many_more(client):
    show = make_event(title_zh="国彩醴陵", kind="show")
    for week in range(30):
        add_date(show, at(2027, 7, 10, 19, 30) + datetime.timedelta(weeks=week))  # tonight, then every Saturday
    expo = make_event(title_zh="瓷博会", kind="expo")
    add_date(expo, at(2027, 10, 15, 9))

    response = client.get("/en/events/")

    assert _titles(response) == ["国彩醴陵", "瓷博会"]
    (show_date, expo_date) = response.context["page"].object_list
    assert show_date.starts_at == at(2027, 7, 10, 19, 30)
    html = _text(response)
    assert "29 more dates" in html and "1 more date" not in html
    assert "2 events" in html


def test_the_next_date_skips_a_cancelled_one_and_more_dates_count_only_those_that_will_happen(client):
    show = make_event(title_zh="国彩醴陵", kind="show")
    add_date(show, at(2027, 7, 17, 19, 30), cancelled=True)
    add_date(show, at(2027, 7, 24, 19, 30))
    add_date(show, at(2027, 7, 31, 19, 30))
    add_date(show, at(2027, 8, 7, 19, 30), cancelled=True)
    response = client.get("/en/events/")
    assert [o.starts_at for o in response.context["page"].object_list] == [at(2027, 7, 24, 19, 30)]
    assert "1 more date" in _text(response)


def test_one_event_a_row_keeps_filters_and_pages(client):
    for n in range(14):
        show = make_event(title_zh=f"演出{n:02}", kind="show")
        for week in range(5):
            add_date(show, at(2027, 7, 11 + n, 19, 30) + datetime.timedelta(weeks=week))
    add_date(make_event(title_zh="厂BA", kind="sports"), at(2027, 7, 12, 19, 30))

    first, second = client.get("/events/", {"kind": "show"}), client.get("/events/", {"kind": "show", "page": 2})
    assert _titles(first) + _titles(second) == [f"演出{n:02}" for n in range(14)]
    assert first.context["page"].paginator.count == 14
    # The date filters choose the dates: the next one inside them, and how many more inside them.
    narrowed = client.get("/en/events/", {"kind": "show", "date_from": "2027-08-01", "date_to": "2027-08-03"})
    shown = {o.event.title_zh: o.starts_at for o in narrowed.context["page"].object_list}
    assert shown["演出00"] == at(2027, 8, 1, 19, 30) and len(shown) == 6
    assert "more date" not in _text(narrowed)


def test_a_cancelled_date_stays_listed_and_says_so(client):
    event = make_event(title_zh="国彩醴陵")
    add_date(event, at(2027, 7, 17, 19, 30), cancelled=True)
    html = _text(client.get("/events/"))
    assert "国彩醴陵" in html
    assert 'class="tag tag-cancelled"' in html


def test_filters_by_kind_audience_and_free_admission(client):
    league = make_event(title_zh="厂BA", kind="sports", for_families=True)
    show = make_event(title_zh="国彩醴陵", kind="show", admission_free=False, admission_price=98)
    for event in (league, show):
        add_date(event, at(2027, 7, 17, 19, 30))

    assert _titles(client.get("/events/", {"kind": "sports"})) == ["厂BA"]
    assert _titles(client.get("/events/", {"audience": "family"})) == ["厂BA"]
    assert _titles(client.get("/events/", {"free": "1"})) == ["厂BA"]
    assert sorted(_titles(client.get("/events/", {"free": ""}))) == ["厂BA", "国彩醴陵"]


def test_the_district_filter_uses_the_site_district_or_the_named_place(client):
    at_site = make_event(title_zh="瓷博会", site=make_site(district="liling"), venue_name_zh="", district="")
    named = make_event(title_zh="炒粉节", venue_name_zh="醴陵美食街", district="liling")
    elsewhere = make_event(title_zh="轨博会", district="tianyuan")
    for event in (at_site, named, elsewhere):
        add_date(event, at(2027, 7, 17, 9))
    assert sorted(_titles(client.get("/events/", {"district": "liling"}))) == ["炒粉节", "瓷博会"]


def test_the_date_filters_keep_dates_touching_the_chosen_days(client):
    expo = make_event(title_zh="瓷博会")
    add_date(expo, at(2027, 7, 15, 9), hours=4 * 24)  # 15 to 19 July
    show = make_event(title_zh="国彩醴陵")
    add_date(show, at(2027, 7, 24, 20))
    assert _titles(client.get("/events/", {"date_from": "2027-07-18", "date_to": "2027-07-20"})) == ["瓷博会"]
    assert _titles(client.get("/events/", {"date_from": "2027-07-20"})) == ["国彩醴陵"]
    assert _titles(client.get("/events/", {"date_to": "2027-07-15"})) == ["瓷博会"]


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"date_from": "2024-02-31"}, "Enter a valid date"),
        ({"date_to": "9999-12-31"}, "before 2101"),
        ({"date_from": "0001-01-01"}, "from 2000"),
        ({"date_from": "2027-07-01", "date_to": "2027-06-01"}, "end date comes before"),
        ({"kind": "rocket"}, "not one of the available choices"),
        ({"district": "beijing"}, "not one of the available choices"),
        ({"page": "999"}, "no page"),
    ],
)
def test_bad_filters_are_ignored_with_a_notice(client, params, notice):
    add_date(make_event(title_zh="厂BA"), at(2027, 7, 17, 19, 30))
    response = client.get("/en/events/", params)
    assert notice in " ".join(response.context["notices"])
    assert _titles(response) == ["厂BA"]


def test_nonsense_in_the_free_flag_is_read_as_unticked(client):
    add_date(make_event(admission_free=False, admission_price=20), at(2027, 7, 17, 19, 30))
    response = client.get("/events/", {"free": "<script>"})
    assert len(_titles(response)) == 1
    assert "<script>" not in _text(response)


def test_the_archive_lists_past_dates_latest_first(client):
    event = make_event(title_zh="航空嘉年华")
    add_date(event, at(2026, 9, 19, 9))
    add_date(event, at(2027, 7, 1, 9))
    add_date(event, at(2027, 9, 18, 9))
    response = client.get("/events/past/")
    dates = [o.starts_at for o in response.context["page"].object_list]
    assert dates == [at(2027, 7, 1, 9), at(2026, 9, 19, 9)]


def test_an_empty_archive_without_filters_says_there_are_no_past_events_yet(client):
    add_date(make_event(title_zh="厂BA"), at(2027, 7, 17, 19, 30))
    page = _text(client.get("/en/events/past/"))
    assert "No past events yet." in page
    assert "matches these filters" not in page and "Clear the filters" not in page
    filtered = _text(client.get("/en/events/past/", {"kind": "expo"}))
    assert "No past event matches these filters." in filtered and "Clear the filters" in filtered


def test_an_empty_list_without_filters_says_nothing_is_announced_yet(client):
    page = _text(client.get("/en/events/"))
    assert "No upcoming events are announced yet." in page
    assert "matches these filters" not in page


def test_the_pages_answer_in_english_with_the_english_title(client):
    add_date(make_event(title_zh="厂BA", title_en="Factory Basketball League"), at(2027, 7, 17, 19, 30))
    for path in ("/en/events/", "/en/events/calendar/"):
        assert "Factory Basketball League" in _text(client.get(path))


# The calendar --------------------------------------------------------------------------------------


def _calendar_days(response):
    """{day of month: [titles]} for the days of the shown month."""
    return {
        day.date.day: [o.event.title_zh for o in day.occurrences]
        for week in response.context["grid"]["weeks"]
        for day in week
        if day.in_month
    }


def test_the_calendar_shows_the_current_month_by_default(client):
    add_date(make_event(title_zh="厂BA"), at(2027, 7, 16, 19, 30))
    response = client.get("/events/calendar/")
    assert response.context["month"].isoformat() == "2027-07-01"
    assert _calendar_days(response)[16] == ["厂BA"]


def test_the_calendar_puts_a_multi_day_expo_on_each_of_its_days(client):
    add_date(make_event(title_zh="瓷博会"), at(2026, 10, 15, 9), hours=4 * 24 + 8)
    days = _calendar_days(client.get("/events/calendar/", {"month": "2026-10"}))
    assert [day for day, titles in days.items() if titles] == [15, 16, 17, 18, 19]


def test_calendar_weeks_start_on_monday_and_cover_the_whole_month(client):
    response = client.get("/events/calendar/", {"month": "2027-02"})  # 1 February 2027 is a Monday
    weeks = response.context["grid"]["weeks"]
    assert [len(week) for week in weeks] == [7, 7, 7, 7]
    assert weeks[0][0].date.isoformat() == "2027-02-01"
    assert weeks[-1][-1].date.isoformat() == "2027-02-28"


def test_the_calendar_links_to_the_neighbouring_months_across_the_year_end(client):
    html = _text(client.get("/events/calendar/", {"month": "2026-12", "kind": "show"}))
    assert "?month=2026-11&amp;kind=show" in html
    assert "?month=2027-01&amp;kind=show" in html


def test_the_calendar_filters_by_kind(client):
    add_date(make_event(title_zh="厂BA", kind="sports"), at(2027, 7, 16, 19, 30))
    add_date(make_event(title_zh="国彩醴陵", kind="show"), at(2027, 7, 16, 20))
    days = _calendar_days(client.get("/events/calendar/", {"kind": "show"}))
    assert days[16] == ["国彩醴陵"]


@pytest.mark.parametrize("month", ["13", "2027-13", "2027-00", "2027", "July", "99999-01", "1899-12", "2027-07-01"])
def test_an_impossible_month_shows_this_month_with_a_notice(client, month):
    response = client.get("/en/events/calendar/", {"month": month})
    assert response.context["month"].isoformat() == "2027-07-01"
    assert "There is no month" in " ".join(response.context["notices"])


def test_the_calendar_works_without_javascript(client):
    html = _text(client.get("/events/calendar/"))
    assert "<script" not in html.split("<main", 1)[1]
    assert 'type="month"' in html


# The event page ------------------------------------------------------------------------------------


def _jsonld(html):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


def test_the_event_page_lists_every_date_and_folds_the_past_ones(client):
    event = make_event(title_zh="厂BA", kind="sports")
    add_date(event, at(2027, 7, 3, 19, 30))
    add_date(event, at(2027, 7, 17, 19, 30), note_zh="半决赛")
    add_date(event, at(2027, 7, 24, 19, 30), cancelled=True)
    response = client.get(event.get_absolute_url())
    html = _text(response)
    assert len(response.context["upcoming"]) == 2
    assert len(response.context["past"]) == 1
    assert "半决赛" in html
    assert '<details class="past-dates">' in html
    assert response.context["next"].starts_at == at(2027, 7, 17, 19, 30)


def test_the_event_page_has_json_ld_with_dates_status_place_and_offer(client):
    site = make_site(name_zh="芦淞航空小镇", district="lusong", latitude="27.800000", longitude="113.170000")
    event = make_event(
        title_zh="航空嘉年华", kind="carnival", site=site, venue_name_zh="", district="",
        admission_free=False, admission_price=60, organiser_zh="芦淞区",
    )  # fmt: skip
    add_date(event, at(2027, 9, 18, 9), hours=8)
    add_date(event, at(2027, 9, 19, 9), hours=8, cancelled=True)
    data = _jsonld(_text(client.get(event.get_absolute_url())))
    first, second = data["@graph"]
    assert first["@type"] == "Festival"
    assert first["startDate"] == "2027-09-18T09:00:00+08:00"
    assert first["endDate"] == "2027-09-18T17:00:00+08:00"
    assert first["eventStatus"] == "https://schema.org/EventScheduled"
    assert second["eventStatus"] == "https://schema.org/EventCancelled"
    assert first["location"]["name"] == "芦淞航空小镇"
    assert first["location"]["geo"]["latitude"] == 27.8
    assert first["offers"] == {"@type": "Offer", "price": "60.00", "priceCurrency": "CNY", "url": mock.ANY}
    assert first["organizer"]["name"] == "芦淞区"


def test_a_cancelled_event_says_why_on_its_page_and_in_json_ld(client):
    event = make_event(status=EventStatus.CANCELLED, status_reason_zh="因台风取消")
    add_date(event, at(2027, 7, 20, 9))
    html = _text(client.get(event.get_absolute_url()))
    assert "因台风取消" in html
    assert _jsonld(html)["@graph"][0]["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_past_event_keeps_its_page_and_describes_its_last_date(client):
    event = make_event()
    add_date(event, at(2026, 9, 1, 9))
    add_date(event, at(2027, 6, 1, 9))
    html = _text(client.get("/en" + event.get_absolute_url()))
    assert "past events archive" in html
    assert _jsonld(html)["@graph"][0]["startDate"].startswith("2027-06-01")


def test_an_unpublished_event_is_not_found(client):
    event = make_event(published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(event.get_absolute_url() + "event.ics").status_code == 404


def test_the_event_page_links_its_published_site_only(client):
    shown = make_event(site=make_site(name_zh="中国陶瓷谷"), venue_name_zh="")
    hidden = make_event(site=make_site(name_zh="未发布景点", published=False), venue_name_zh="")
    for event in (shown, hidden):
        add_date(event, at(2027, 7, 20, 9))
    assert shown.site.get_absolute_url() in _text(client.get(shown.get_absolute_url()))
    assert hidden.site.get_absolute_url() not in _text(client.get(hidden.get_absolute_url()))


# What's on: the home page and site pages -----------------------------------------------------------


def test_the_home_page_shows_what_is_on_in_the_next_weeks_once_per_event(client):
    league = make_event(title_zh="厂BA", title_en="Chang BA")
    for day in (17, 18, 24):
        add_date(league, at(2027, 7, day, 19, 30))
    add_date(make_event(title_zh="瓷博会", title_en="Ceramics Expo"), at(2027, 10, 15, 9))  # too far ahead
    called_off = make_event(title_en="Called Off", status=EventStatus.CANCELLED, status_reason_zh="取消")
    add_date(called_off, at(2027, 7, 20, 9))
    html = _text(client.get("/en/"))
    assert html.count("Chang BA") == 1
    assert "and 2 more dates" in html
    assert "Ceramics Expo" not in html
    assert "Called Off" not in html


def test_what_is_on_follows_the_dates_that_will_happen_as_they_change(client):
    moved = make_event(title_en="Moved")
    first = add_date(moved, at(2027, 7, 12, 19))
    add_date(moved, at(2027, 7, 20, 19))
    running = make_event(title_en="Running")
    add_date(running, at(2027, 7, 9, 9), hours=72)  # began yesterday, ends tomorrow
    called_off = make_event(title_en="Called Off Here")
    only = add_date(called_off, at(2027, 7, 15, 19))
    add_date(called_off, at(2027, 10, 15, 19))  # after the window
    all_off = make_event(title_en="All Off")
    add_date(all_off, at(2027, 7, 14, 19), cancelled=True)  # its stored next date, though it will not happen
    first.cancelled = True
    first.save()
    only.cancelled = True
    only.save()

    with mock.patch("events.templatetags.event_tags.WHATS_ON_COUNT", 2):  # no place taken by one not happening
        html = _text(client.get("/en/"))
    assert -1 < html.find("Running") < html.find("Moved") and "20 July" in html and "12 July" not in html
    assert "Called Off Here" not in html and "All Off" not in html
    only.cancelled = False
    only.save()
    assert "Called Off Here" in _text(client.get("/en/"))
    only.delete()
    assert "Called Off Here" not in _text(client.get("/en/"))


def test_a_site_page_shows_its_upcoming_events(client):
    site = make_site(name_zh="中国陶瓷谷")
    add_date(make_event(title_zh="瓷博会", site=site, venue_name_zh=""), at(2027, 10, 15, 9))
    add_date(make_event(title_zh="往届瓷博会", site=site, venue_name_zh=""), at(2026, 10, 15, 9))
    html = _text(client.get(site.get_absolute_url()))
    assert "瓷博会" in html
    assert "往届瓷博会" not in html


# Query counts --------------------------------------------------------------------------------------


def _events_with_dates(count, start_day=11):
    for n in range(count):
        event = make_event(site=make_site(), venue_name_zh="") if n % 2 else make_event()
        add_photo_to_event(event)
        add_date(event, at(2027, 7, start_day + n % 15, 19))
        add_date(event, at(2027, 7, start_day + n % 15 + 1, 19))


@pytest.mark.parametrize("size", [2, 8])
def test_the_event_list_makes_the_same_queries_at_any_size(client, django_assert_num_queries, size):
    _events_with_dates(size)
    # count, the page of each event's next date (with its event, site and number of other dates), the photos
    with django_assert_num_queries(3):
        response = client.get("/events/")
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 8])
def test_the_calendar_makes_the_same_queries_at_any_size(client, django_assert_num_queries, size):
    _events_with_dates(size)
    # 1 how many dates start on each day, 1 the first few of each day with their events and sites
    with django_assert_num_queries(2):
        response = client.get("/events/calendar/")
    assert sum(len(day.occurrences) for week in response.context["grid"]["weeks"] for day in week) >= 2 * size


@pytest.mark.parametrize("size", [2, 8])
def test_the_event_page_makes_the_same_queries_at_any_number_of_dates(client, django_assert_num_queries, size):
    event = make_event(site=make_site(), venue_name_zh="")
    add_photo_to_event(event)
    for n in range(size):
        add_date(event, at(2027, 8, 1 + n, 19))
    # the event with its site, its photos, its dates, and the themed routes tied to it (itineraries)
    with django_assert_num_queries(4):
        response = client.get(event.get_absolute_url())
    assert len(response.context["upcoming"]) == size


def test_what_is_on_keeps_the_home_page_queries_constant():
    def home_queries():
        with CaptureQueriesContext(connection) as context:
            assert Client().get("/").status_code == 200
        return [query["sql"] for query in context.captured_queries]

    _events_with_dates(2)
    small = home_queries()
    _events_with_dates(8)
    large = home_queries()
    assert len(small) == len(large)
    # What is on adds two: the soonest public events with a date in the window (chosen by their stored next date
    # in a subquery) with their sites and next dates, then their photos; no query reads the dates alone.
    dates = [sum(sql.startswith('SELECT "events_occurrence') for sql in queries) for queries in (small, large)]
    assert dates == [0, 0]
    assert sum('FROM "events_event' in sql for sql in large) == 2


def test_a_photo_on_an_event_shows_as_renditions(client):
    event = make_event()
    add_photo_to_event(event)
    add_date(event, at(2027, 7, 20, 9))
    html = _text(client.get("/events/"))
    assert 'alt="活动现场"' in html
    assert ".webp" in html


def test_the_sitemap_lists_published_events_in_both_languages(client):
    make_event(slug="chang-ba")
    make_event(slug="draft-event", published=False)
    xml = _text(client.get("/sitemap.xml"))
    assert "/events/chang-ba/" in xml
    assert "/en/events/chang-ba/" in xml
    assert "draft-event" not in xml


def test_the_event_page_counts_only_dates_that_will_happen(client):
    event = make_event(title_zh="国彩醴陵")
    add_date(event, at(2027, 7, 17, 19, 30))
    add_date(event, at(2027, 7, 24, 19, 30), cancelled=True)
    add_date(event, at(2027, 7, 31, 19, 30))
    heading = _text(client.get(event.get_absolute_url())).split('id="dates-title"')[1].split("</h2>")[0]
    assert "即将举行 2 场" in heading  # the cancelled date stays listed, but it will not happen
