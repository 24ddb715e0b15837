"""Events and their dates: the rules on the models and the weekly series generator.

The small builders here (`make_event`, `add_date`) are shared by the other test_events_* modules.
"""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import translation

from events.models import Event, EventPhoto, EventStatus, Occurrence
from events.services import SeriesError, generate_series
from tests.conftest import SHANGHAI, at
from tests.factories import jpeg_bytes, make_site

pytestmark = pytest.mark.django_db

_counter = itertools.count(1)


def make_event(**fields):
    n = next(_counter)
    defaults = {
        "title_zh": f"测试活动{n}",
        "title_en": f"Test Event {n}",
        "slug": f"test-event-{n}",
        "kind": "festival",
        "summary_zh": "一个活动。",
        "venue_name_zh": "市民广场",
        "venue_name_en": "Citizens' Square",
        "district": "tianyuan",
        "published": True,
    }
    defaults.update(fields)
    return Event.objects.create(**defaults)


def add_date(event, start, hours=2, **fields):
    return Occurrence.objects.create(
        event=event, starts_at=start, ends_at=start + datetime.timedelta(hours=hours), **fields
    )


def add_photo_to_event(event):
    photo = EventPhoto(event=event, alt_zh="活动现场")
    photo.image.save(f"event-{event.pk}.jpg", ContentFile(jpeg_bytes(800, 500)), save=False)
    photo.save()
    return photo


def _series(event, first, last, weekdays, starts="19:30", ends="21:00"):
    return generate_series(
        event=event,
        first_day=datetime.date.fromisoformat(first),
        last_day=datetime.date.fromisoformat(last),
        weekdays=weekdays,
        starts=datetime.time.fromisoformat(starts),
        ends=datetime.time.fromisoformat(ends),
    )


@pytest.fixture(autouse=True)
def _english():
    # Messages for staff are compared in English.
    with translation.override("en"):
        yield


# Series generation ---------------------------------------------------------------------------------


def test_series_makes_a_date_on_each_chosen_weekday_through_a_month_end():
    event = make_event()
    created = _series(event, "2027-01-25", "2027-02-07", weekdays=[4, 5])  # Fridays and Saturdays
    days = [o.starts_at.astimezone(SHANGHAI).date().isoformat() for o in created]
    assert days == ["2027-01-29", "2027-01-30", "2027-02-05", "2027-02-06"]


def test_series_includes_the_29th_of_february_in_a_leap_year():
    event = make_event()
    created = _series(event, "2028-02-28", "2028-03-01", weekdays=range(7))
    assert [o.starts_at.astimezone(SHANGHAI).day for o in created] == [28, 29, 1]


def test_a_season_crossing_the_new_year_keeps_beijing_time_on_both_sides():
    event = make_event()
    _series(event, "2026-12-26", "2027-01-09", weekdays=[5], starts="19:30", ends="20:40")
    dates = list(event.occurrences.order_by("starts_at"))
    assert [o.starts_at for o in dates] == [at(2026, 12, 26, 19, 30), at(2027, 1, 2, 19, 30), at(2027, 1, 9, 19, 30)]
    assert all(o.ends_at - o.starts_at == datetime.timedelta(minutes=70) for o in dates)


def test_running_a_series_again_keeps_the_edited_and_cancelled_dates():
    event = make_event()
    _series(event, "2027-07-01", "2027-07-31", weekdays=[5])
    first = event.occurrences.order_by("starts_at").first()
    first.cancelled = True
    first.note_zh = "暴雨停赛"
    first.save()

    again = _series(event, "2027-07-01", "2027-08-07", weekdays=[5])

    assert len(again) == 1  # only 7 August is new
    first.refresh_from_db()
    assert first.cancelled and first.note_zh == "暴雨停赛"
    assert event.occurrences.count() == 6


@pytest.mark.parametrize(
    ("first", "last", "weekdays", "starts", "ends", "message"),
    [
        ("2027-07-01", "2027-07-31", [], "19:30", "21:00", "weekday"),
        ("2027-07-31", "2027-07-01", [5], "19:30", "21:00", "before the first"),
        ("2027-07-01", "2027-07-31", [5], "21:00", "19:30", "end after"),
        ("2027-07-01", "2027-07-31", [5], "19:30", "19:30", "end after"),
        ("2027-07-01", "2029-07-31", [5], "19:30", "21:00", "at most"),
        ("2027-07-05", "2027-07-08", [5, 6], "19:30", "21:00", "None of the chosen weekdays"),
        ("2027-07-01", "2027-07-31", [7], "19:30", "21:00", "Monday"),
    ],
)
def test_a_series_that_cannot_make_dates_is_refused_and_saves_nothing(first, last, weekdays, starts, ends, message):
    event = make_event()
    with pytest.raises(SeriesError, match=message):
        _series(event, first, last, weekdays, starts, ends)
    assert not event.occurrences.exists()


# Occurrences ---------------------------------------------------------------------------------------


def test_a_date_ending_before_it_starts_is_refused_by_the_database():
    event = make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        Occurrence.objects.create(event=event, starts_at=at(2027, 7, 1, 20), ends_at=at(2027, 7, 1, 19))


def test_a_date_ending_before_it_starts_gets_a_clear_message_in_forms():
    occurrence = Occurrence(event=make_event(), starts_at=at(2027, 7, 1, 20), ends_at=at(2027, 7, 1, 19))
    with pytest.raises(ValidationError, match="must end after it starts"):
        occurrence.full_clean()


def test_upcoming_includes_a_date_running_now_and_past_takes_the_rest():
    event = make_event()
    finished = add_date(event, at(2027, 7, 1, 9), hours=3)
    running = add_date(event, at(2027, 7, 2, 9), hours=8)
    later = add_date(event, at(2027, 7, 3, 9))
    now = at(2027, 7, 2, 12)
    assert list(Occurrence.objects.upcoming(now).order_by("starts_at")) == [running, later]
    assert list(Occurrence.objects.past(now)) == [finished]
    assert not event.is_past(now)
    assert event.is_past(at(2027, 7, 3, 11, 1))


def test_a_four_day_expo_touches_each_of_its_days_once():
    occurrence = add_date(make_event(kind="expo"), at(2027, 10, 15, 9), hours=3 * 24 + 8)
    assert [day.day for day in occurrence.days()] == [15, 16, 17, 18]
    assert occurrence.is_multi_day


def test_an_evening_ending_at_midnight_stays_on_its_own_day():
    occurrence = add_date(make_event(), at(2027, 7, 1, 20), hours=4)
    assert occurrence.days() == [datetime.date(2027, 7, 1)]
    assert not occurrence.is_multi_day


def test_between_finds_dates_touching_the_days_in_shanghai_not_utc():
    event = make_event()
    early = add_date(event, at(2027, 7, 1, 6))  # 22:00 UTC on 30 June
    add_date(event, at(2027, 6, 30, 20))
    found = Occurrence.objects.between(datetime.date(2027, 7, 1), datetime.date(2027, 7, 31))
    assert list(found) == [early]


# Events --------------------------------------------------------------------------------------------


def test_an_event_needs_a_site_or_a_named_place():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(venue_name_zh="", site=None)


def test_an_event_at_a_site_takes_its_place_and_district_from_the_site():
    site = make_site(name_zh="中国陶瓷谷", district="liling")
    event = make_event(site=site, venue_name_zh="", district="")
    with translation.override("zh-hans"):
        assert event.place_name == "中国陶瓷谷"
    assert event.place_district == "liling"


def test_a_cancelled_event_needs_a_reason():
    event = make_event()
    event.status = EventStatus.CANCELLED
    with pytest.raises(ValidationError, match="Say why"):
        event.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


def test_a_price_is_given_unless_admission_is_free():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(admission_free=False, admission_price=None)


def test_a_named_place_needs_its_district():
    event = make_event(district="")
    with pytest.raises(ValidationError, match="district"):
        event.full_clean()


def test_a_published_event_keeps_its_slug():
    event = make_event(slug="chang-ba")
    event.slug = "chang-ba-2027"
    with pytest.raises(ValidationError, match="slug cannot change"):
        event.full_clean()


def test_slugs_that_would_hide_the_calendar_and_archive_are_refused():
    event = make_event(published=False, slug="calendar")
    with pytest.raises(ValidationError, match="another slug"):
        event.full_clean()


def test_publishing_stamps_the_first_publication_time_once():
    event = make_event(published=False)
    assert event.published_at is None
    event.published = True
    event.save()
    stamped = event.published_at
    event.title_en = "Renamed"
    event.save()
    assert event.published_at == stamped


def test_a_chinese_title_gives_a_pinyin_slug():
    event = make_event(title_zh="醴陵炒粉节", slug="")
    assert event.slug == "li-ling-chao-fen-jie"


def test_schema_type_follows_the_kind():
    assert make_event(kind="sports").schema_type == "SportsEvent"
    assert make_event(kind="expo").schema_type == "ExhibitionEvent"
    assert make_event(kind="open_day").schema_type == "Event"


# How dates read --------------------------------------------------------------------------------------


def test_dates_read_in_local_time_with_midnight_as_24_00():
    from events.templatetags.event_tags import when

    event = make_event()
    evening = add_date(event, at(2027, 7, 1, 20), hours=4)
    expo = add_date(event, at(2027, 10, 15, 9), hours=4 * 24 + 8)
    with translation.override("zh-hans"):
        assert when(evening) == "7月1日 星期四 20:00–24:00"
        assert when(evening, "day") == "1日 星期四 20:00–24:00"
        assert when(evening, "time") == "20:00–24:00"
        assert when(expo, "time") == "10月15日 09:00 – 10月19日 17:00"
    assert when(evening) == "Thu 1 July 20:00–24:00"
