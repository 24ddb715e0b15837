"""iCalendar files parsed back with the icalendar package, and the Atom feed of new events."""

import datetime
import xml.etree.ElementTree as ET
from unittest import mock
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import translation

from events.models import EventStatus
from tests.conftest import at
from tests.factories import make_site
from tests.test_events import _series, add_date, make_event

pytestmark = pytest.mark.django_db

NOW = at(2027, 7, 10, 12)


@pytest.fixture(autouse=True)
def _fixed_now():
    # Pages are in Chinese unless a test asks for /en/; an earlier request must not leave English active.
    with mock.patch("django.utils.timezone.now", return_value=NOW), translation.override("zh-hans"):
        yield


def _calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_an_event_file_holds_every_date_in_shanghai_time_with_its_time_zone(client):
    event = make_event(title_zh="国彩醴陵", kind="show")
    _series(event, "2026-12-26", "2027-01-09", weekdays=[5], starts="19:30", ends="20:40")
    cal = _calendar(client.get(f"/events/{event.slug}/event.ics"))

    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"]
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    vevents = cal.walk("VEVENT")
    starts = [vevent.start for vevent in vevents]
    # Past dates are in the event's own file too: it is the event's whole history.
    assert starts == [at(2026, 12, 26, 19, 30), at(2027, 1, 2, 19, 30), at(2027, 1, 9, 19, 30)]
    assert all(start.tzinfo == ZoneInfo("Asia/Shanghai") for start in starts)
    assert all(v.end - v.start == datetime.timedelta(minutes=70) for v in vevents)
    assert b"DTSTART;TZID=Asia/Shanghai:20261226T193000" in client.get(f"/events/{event.slug}/event.ics").content
    assert all(v["SUMMARY"] == "国彩醴陵" and v["STATUS"] == "CONFIRMED" for v in vevents)
    assert len({str(v["UID"]) for v in vevents}) == 3
    assert b"DTSTAMP:20270710T040000Z" in client.get(f"/events/{event.slug}/event.ics").content


def test_each_date_keeps_its_uid_so_calendar_apps_update_it_in_place(client):
    event = make_event()
    add_date(event, at(2027, 7, 20, 9))
    first = _calendar(client.get(f"/events/{event.slug}/event.ics")).walk("VEVENT")[0]["UID"]
    again = _calendar(client.get(f"/events/{event.slug}/event.ics")).walk("VEVENT")[0]["UID"]
    assert first == again


def test_cancelled_dates_and_events_are_marked_cancelled_and_postponed_ones_tentative(client):
    event = make_event()
    add_date(event, at(2027, 7, 20, 9), cancelled=True, note_zh="暴雨停赛")
    add_date(event, at(2027, 7, 21, 9))
    vevents = _calendar(client.get(f"/events/{event.slug}/event.ics")).walk("VEVENT")
    assert [v["STATUS"] for v in vevents] == ["CANCELLED", "CONFIRMED"]
    assert vevents[0]["SUMMARY"].endswith("暴雨停赛")

    event.status, event.status_reason_zh = EventStatus.POSTPONED, "场馆维修"
    event.save()
    vevents = _calendar(client.get(f"/events/{event.slug}/event.ics")).walk("VEVENT")
    assert [v["STATUS"] for v in vevents] == ["CANCELLED", "TENTATIVE"]
    assert "场馆维修" in vevents[1]["DESCRIPTION"]


def test_an_event_file_says_where_with_the_site_address_and_coordinates(client):
    site = make_site(name_zh="中国陶瓷谷", address_zh="醴陵市", latitude="27.670000", longitude="113.520000")
    event = make_event(site=site, venue_name_zh="")
    add_date(event, at(2027, 10, 15, 9), hours=4 * 24 + 8)
    vevent = _calendar(client.get(f"/events/{event.slug}/event.ics")).walk("VEVENT")[0]
    assert vevent["LOCATION"] == "中国陶瓷谷, 醴陵市"
    assert (vevent["GEO"].latitude, vevent["GEO"].longitude) == (27.67, 113.52)
    assert vevent["URL"] == f"http://testserver/events/{event.slug}/"
    assert vevent.end == at(2027, 10, 19, 17)


def test_the_feed_holds_all_upcoming_dates_of_published_events_only(client):
    league = make_event(title_zh="厂BA")
    add_date(league, at(2027, 7, 3, 19, 30))  # past
    add_date(league, at(2027, 7, 17, 19, 30))
    add_date(make_event(title_zh="轨博会"), at(2027, 8, 28, 9))
    add_date(make_event(title_zh="草稿", published=False), at(2027, 8, 1, 9))

    vevents = _calendar(client.get("/events/feed.ics")).walk("VEVENT")

    assert [(str(v["SUMMARY"]), v.start) for v in vevents] == [
        ("厂BA", at(2027, 7, 17, 19, 30)),
        ("轨博会", at(2027, 8, 28, 9)),
    ]


def test_an_empty_feed_is_still_a_valid_calendar(client):
    cal = _calendar(client.get("/events/feed.ics"))
    assert cal.walk("VEVENT") == []
    assert cal["VERSION"] == "2.0"


@pytest.mark.parametrize("size", [2, 8])
def test_the_feed_makes_the_same_queries_at_any_size(client, django_assert_num_queries, size):
    for n in range(size):
        add_date(make_event(site=make_site(), venue_name_zh=""), at(2027, 7, 11 + n, 9))
    # the upcoming occurrences with their events and sites
    with django_assert_num_queries(1):
        response = client.get("/events/feed.ics")
    assert len(_calendar(response).walk("VEVENT")) == size


ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_atom_feed_lists_newly_published_events_first(client):
    older = make_event(title_zh="瓷博会", published=False)
    newer = make_event(title_zh="轨博会", published=False)
    make_event(title_zh="草稿", published=False)
    for event, moment in ((older, at(2027, 5, 1)), (newer, at(2027, 6, 1))):
        with mock.patch("django.utils.timezone.now", return_value=moment):
            event.published = True
            event.save()
    older.title_en = "Edited later"
    older.save()  # an edit does not bring an event back to the top

    response = client.get("/events/feed.atom")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["轨博会", "瓷博会"]
    assert entries[0].find(f"{ATOM}link").get("href") == f"http://testserver/events/{newer.slug}/"
