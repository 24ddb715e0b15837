"""Each event's stored next date (Event.next_start): the upcoming list reads it, so it must follow the dates."""

import io

import pytest
from django.core.management import call_command

from demo.scale import events as scale_events
from events.models import Event, refresh_ended_next_dates
from tests.conftest import EVENTS_NOW, at
from tests.test_events import _series, add_date, make_event

pytestmark = pytest.mark.django_db


def _listed(client):
    response = client.get("/events/")
    assert response.status_code == 200
    return [(o.event.title_zh, o.starts_at) for o in response.context["page"].object_list]


def test_an_event_whose_only_future_date_is_deleted_leaves_the_list_and_a_new_date_brings_it_back(clock, client):
    gala = make_event(title_zh="晚会")
    add_date(gala, at(2027, 7, 1, 19))  # past
    only = add_date(gala, at(2027, 7, 20, 19))
    assert _listed(client) == [("晚会", at(2027, 7, 20, 19))]

    only.delete()
    assert _listed(client) == []
    gala.refresh_from_db()
    assert gala.next_start is None

    add_date(gala, at(2027, 8, 2, 19))
    assert _listed(client) == [("晚会", at(2027, 8, 2, 19))]


def test_a_date_that_passes_moves_its_event_to_its_next_date(clock, client, tmp_path, settings):
    settings.PAGE_CACHE_VERSION_FILE = tmp_path / "version"
    league = make_event(title_zh="厂BA")
    add_date(league, at(2027, 7, 11, 19))
    add_date(league, at(2027, 7, 25, 19))
    expo = make_event(title_zh="轨博会")
    add_date(expo, at(2027, 7, 15, 9))
    assert _listed(client) == [("厂BA", at(2027, 7, 11, 19)), ("轨博会", at(2027, 7, 15, 9))]

    clock.return_value = at(2027, 7, 12, 9)  # the match of the 11th is over
    call_command("publish_scheduled", stdout=io.StringIO())  # every minute, from cron

    assert _listed(client) == [("轨博会", at(2027, 7, 15, 9)), ("厂BA", at(2027, 7, 25, 19))]
    clock.return_value = at(2027, 7, 26, 9)
    assert refresh_ended_next_dates() == 2  # both are over: they leave the list
    assert _listed(client) == []


def test_the_next_date_skips_a_cancelled_one_and_falls_back_to_it_when_all_are_cancelled(clock):
    show = make_event()
    first = add_date(show, at(2027, 7, 12, 19))
    second = add_date(show, at(2027, 7, 19, 19))

    first.cancelled = True
    first.save()
    show.refresh_from_db()
    assert (show.next_start, show.next_end) == (second.starts_at, second.ends_at)

    second.cancelled = True
    second.save()
    show.refresh_from_db()
    assert show.next_start == first.starts_at  # listed, marked cancelled, as before


def test_staff_cancelling_dates_from_the_date_list_moves_the_next_date(clock, admin_client):
    show = make_event()
    first = add_date(show, at(2027, 7, 12, 19))
    second = add_date(show, at(2027, 7, 19, 19))
    admin_client.post(
        "/admin/events/occurrence/", {"action": "cancel_dates", "_selected_action": [first.pk]}, follow=True
    )
    show.refresh_from_db()
    assert show.next_start == second.starts_at


def test_a_generated_series_sets_the_next_date(clock):
    show = make_event()
    _series(show, "2027-07-01", "2027-07-31", [5])  # Saturdays: the 3rd is over, the 10th is tonight
    show.refresh_from_db()
    assert show.next_start == at(2027, 7, 10, 19, 30)


def test_the_scale_generator_sets_every_next_date(clock):
    import random

    from demo.scale import sites as scale_sites

    scale_sites.generate(sites=5, heritage=0, rng=random.Random(1), photos=[("p.jpg", 800, 500)], stdout=io.StringIO())
    scale_events.generate(events=20, rng=random.Random(1), photos=[("p.jpg", 800, 500)], stdout=io.StringIO())
    stale = [
        event.slug
        for event in Event.objects.filter(slug__startswith="scale-")
        if (event.next_start, event.next_end) != _expected(event, EVENTS_NOW)
    ]
    assert Event.objects.filter(slug__startswith="scale-").count() == 20
    assert stale == []


def _expected(event, now):
    dates = sorted(
        (o for o in event.occurrences.all() if o.ends_at >= now), key=lambda o: (o.cancelled, o.starts_at, o.pk)
    )
    return (dates[0].starts_at, dates[0].ends_at) if dates else (None, None)


@pytest.mark.parametrize("size", [2, 8])
def test_the_filtered_list_makes_the_same_queries_at_any_size(clock, client, django_assert_num_queries, size):
    for n in range(size):
        event = make_event(kind="expo", admission_free=True, district="lusong")
        add_date(event, at(2027, 7, 11 + n, 9))
        add_date(event, at(2027, 7, 12 + n, 9))
        add_date(make_event(kind="show"), at(2027, 7, 11 + n, 19))
    # count, the page of each event's next date (with its event, site and number of other dates), the photos
    with django_assert_num_queries(3):
        response = client.get("/events/?kind=expo&free=1&district=lusong")
    assert response.context["page"].paginator.count == size
    assert len(response.context["page"].object_list) == min(size, 12)
    assert all(o.more_dates == 1 for o in response.context["page"].object_list)


def test_a_date_filter_still_lists_each_event_at_its_first_date_inside_it(clock, client):
    league = make_event(title_zh="厂BA")
    add_date(league, at(2027, 7, 11, 19))
    add_date(league, at(2027, 8, 8, 19))
    assert _listed(client) == [("厂BA", at(2027, 7, 11, 19))]
    response = client.get("/events/?date_from=2027-08-01")
    assert [o.starts_at for o in response.context["page"].object_list] == [at(2027, 8, 8, 19)]


def test_saving_an_event_read_before_its_dates_changed_keeps_the_next_date_right(clock):
    show = make_event()
    first = add_date(show, at(2027, 7, 12, 19))
    later = add_date(show, at(2027, 7, 19, 19))
    stale = Event.objects.get(pk=show.pk)  # another request's copy, read now
    first.delete()
    stale.title_en = "Renamed"
    stale.save()
    show.refresh_from_db()
    assert show.next_start == later.starts_at
