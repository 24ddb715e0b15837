"""Each event's stored ends and number of dates (Event.first_end, last_end, date_count): the archive counts its
dates from them and the open data API its events ahead, so every write path must keep them right, and the counts
must be those of the dates listed."""

import datetime
import io
import random
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from demo.loaders import events as demo_events
from demo.scale import events as scale_events
from demo.scale import sites as scale_sites
from events.models import Event, Occurrence
from tests.conftest import EVENTS_NOW, at
from tests.factories import jpeg_bytes
from tests.test_events import _series, add_date, make_event
from tests.test_events_admin import _change_data

pytestmark = pytest.mark.django_db


def _expected(event):
    dates = sorted(event.occurrences.all(), key=lambda o: (o.starts_at, o.pk))
    ends = [o.ends_at for o in dates]
    ahead = [o for o in dates if o.ends_at >= timezone.now()][:1]  # the clock's
    first = (ahead[0].starts_at, ahead[0].ends_at) if ahead else (None, None)
    return (min(ends), max(ends), len(ends), *first) if ends else (None, None, 0, None, None)


def _stale(events=None):
    """The events whose stored ends, number of dates or first date ahead do not match their dates."""
    return [
        event.slug
        for event in events or Event.objects.all()
        if (event.first_end, event.last_end, event.date_count, event.ahead_start, event.ahead_end) != _expected(event)
    ]


def _archive_count(client):
    response = client.get("/events/past/")
    assert response.status_code == 200
    return response.context["page"].paginator.count


def _past_dates(now):
    return Occurrence.objects.visible().past(now).count()


def test_adding_moving_and_deleting_dates_keeps_the_stored_ends(clock):
    show = make_event()
    assert _stale() == []
    first = add_date(show, at(2027, 7, 1, 19))
    last = add_date(show, at(2027, 7, 20, 19))
    assert _stale() == []
    last.ends_at = at(2027, 7, 21, 23)
    last.save()
    assert _stale() == []
    first.delete()
    show.refresh_from_db()
    assert (show.first_end, show.last_end, show.date_count) == (at(2027, 7, 21, 23), at(2027, 7, 21, 23), 1)
    last.delete()
    assert _stale() == []


def test_dates_added_and_cancelled_in_the_admin_keep_the_stored_ends(clock, admin_client):
    event = make_event()
    with translation.override("en"):
        url = reverse("admin:events_event_change", args=[event.pk])
        dates = [(("2027-07-02", "19:30"), ("2027-07-02", "21:30")), (("2027-07-16", "19:30"), ("2027-07-16", "21:30"))]
        assert admin_client.post(url, _change_data(event, dates)).status_code == 302
        assert _stale() == []
        dropped = event.occurrences.first()
        changelist = reverse("admin:events_occurrence_changelist")
        for action in ("cancel_dates", "restore_dates"):
            admin_client.post(changelist, {"action": action, "_selected_action": [dropped.pk]}, follow=True)
            assert _stale() == []
    event.refresh_from_db()
    assert event.date_count == 2


def test_a_generated_series_stores_its_ends(clock):
    show = make_event()
    _series(show, "2027-07-01", "2027-07-31", [5])
    assert _stale() == []
    assert Event.objects.get(pk=show.pk).date_count == 5


def test_the_demo_and_scale_loaders_store_every_event_s_ends(clock):
    with mock.patch("demo.photos.industrial_placeholder", return_value=jpeg_bytes(800, 500)):
        demo_events.load(io.StringIO())
    photos = [("p.jpg", 800, 500)]
    scale_sites.generate(sites=5, heritage=0, rng=random.Random(1), photos=photos, stdout=io.StringIO())
    scale_events.generate(events=20, rng=random.Random(1), photos=photos, stdout=io.StringIO())
    assert Event.objects.count() > 20
    assert _stale() == []


def test_the_archive_counts_every_past_date_as_time_passes(clock, client, tmp_path, settings):
    settings.PAGE_CACHE_VERSION_FILE = tmp_path / "version"
    league = make_event(title_zh="厂BA")
    for day in (1, 8, 15, 22):
        add_date(league, at(2027, 7, day, 19))
    expo = make_event(title_zh="轨博会", kind="expo")
    add_date(expo, at(2027, 7, 2, 9), hours=24 * 3)  # over on the 5th
    add_date(expo, at(2027, 7, 9, 9), hours=48)  # running now
    add_date(make_event(published=False), at(2027, 7, 3, 9))  # a draft: not counted
    add_date(make_event(publish_until=at(2027, 7, 12, 0)), at(2027, 7, 4, 9))  # until the 12th
    assert _archive_count(client) == _past_dates(EVENTS_NOW) == 2 + 1 + 1

    for now in (at(2027, 7, 11, 9, 1), at(2027, 7, 16, 0), at(2027, 7, 30, 0)):
        clock.return_value = now
        call_command("publish_scheduled", stdout=io.StringIO())
        assert _archive_count(client) == _past_dates(now)
    assert _archive_count(client) == 4 + 2  # the league and the expo are over; the other window has closed
    assert client.get("/events/past/", {"kind": "expo"}).context["page"].paginator.count == 2


def test_a_date_filter_counts_the_dates_inside_it(clock, client):
    league = make_event()
    for day in (1, 3, 8):
        add_date(league, at(2027, 7, day, 19))
    response = client.get("/events/past/", {"date_from": "2027-07-02"})
    assert response.context["page"].paginator.count == 2
    assert [o.starts_at for o in response.context["page"].object_list] == [at(2027, 7, 8, 19), at(2027, 7, 3, 19)]


@pytest.mark.parametrize("size", [2, 8])
def test_the_archive_makes_the_same_queries_at_any_size(clock, client, django_assert_num_queries, size):
    for n in range(size):
        event = make_event(kind="expo")
        add_date(event, at(2027, 7, 1 + n, 9))
        add_date(event, at(2027, 7, 20, 9) + datetime.timedelta(days=n))  # still to come: counted from its dates
    # count (from the events' stored ends), the page of dates with events and venues, photos
    with django_assert_num_queries(3):
        response = client.get("/events/past/", {"kind": "expo"})
    assert response.context["page"].paginator.count == size


def test_the_api_lists_each_event_at_its_first_date_ahead_a_cancelled_one_too(clock, client, tmp_path, settings):
    settings.PAGE_CACHE_VERSION_FILE = tmp_path / "version"
    league = make_event(kind="sports")
    add_date(league, at(2027, 7, 11, 19), cancelled=True)  # listed at it, as the dates inside the filters begin
    add_date(league, at(2027, 7, 25, 19))
    expo = make_event(kind="expo")
    add_date(expo, at(2027, 7, 9, 9), hours=48)  # running now, over on the 11th at 9:00
    add_date(expo, at(2027, 7, 18, 9))
    over = make_event(kind="expo")
    add_date(over, at(2027, 7, 2, 9))
    add_date(make_event(kind="expo", published=False), at(2027, 7, 20, 9))  # a draft

    def listed(**params):
        answer = client.get("/api/v1/events/", params).json()
        assert answer["count"] == len(answer["results"])
        return [event["slug"] for event in answer["results"]]

    assert listed() == [expo.slug, league.slug] and listed(kind="expo") == [expo.slug]
    for now, order in ((at(2027, 7, 12, 9), [expo.slug, league.slug]), (at(2027, 7, 19, 9), [league.slug])):
        clock.return_value = now
        call_command("publish_scheduled", stdout=io.StringIO())  # every minute: both move on from the 11th
        assert _stale() == []
        assert listed() == order
    # A date filter groups the dates inside it, past ones too.
    assert listed(date_from="2027-07-01") == [over.slug, expo.slug, league.slug]
