"""Bureau staff keep events in the admin: dates inline, a weekly series generator, cancelling single dates."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Event, Occurrence
from tests.conftest import at
from tests.factories import make_site
from tests.test_events import add_date, add_photo_to_event, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_admin():
    # reverse() then gives /en/admin/ addresses, so Django's own messages are in English.
    with translation.override("en"):
        yield


def _series_url(event):
    return reverse("admin:events_event_series", args=[event.pk])


SERIES = {
    "weekdays": ["4", "5"],
    "first_day": "2027-07-02",
    "last_day": "2027-08-28",
    "starts": "19:30",
    "ends": "21:30",
    "note_zh": "常规赛",
    "note_en": "Regular season",
}


def test_staff_generate_a_summer_of_match_days(admin_client):
    event = make_event(title_zh="厂BA")
    assert admin_client.get(_series_url(event)).status_code == 200

    response = admin_client.post(_series_url(event), SERIES, follow=True)

    assert response.redirect_chain[-1][0] == reverse("admin:events_event_change", args=[event.pk])
    assert "Added 18 dates." in response.content.decode()
    dates = list(event.occurrences.order_by("starts_at"))
    assert len(dates) == 18  # 9 Fridays and 9 Saturdays from 2 July to 28 August 2027
    assert dates[0].starts_at == at(2027, 7, 2, 19, 30)
    assert dates[-1].ends_at == at(2027, 8, 28, 21, 30)
    assert {d.note_zh for d in dates} == {"常规赛"}


def test_generating_again_reports_the_dates_it_kept(admin_client):
    event = make_event()
    admin_client.post(_series_url(event), SERIES)
    response = admin_client.post(_series_url(event), {**SERIES, "last_day": "2027-09-04"}, follow=True)
    html = response.content.decode()
    assert "Added 2 dates." in html
    assert "18 dates already existed and were kept." in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"weekdays": []}, "Choose at least one weekday."),
        ({"first_day": "2024-02-31"}, "Enter a valid date."),
        ({"last_day": "2027-06-01"}, "The last day comes before the first day."),
        ({"ends": "18:00"}, "Each date must end after it starts."),
        ({"starts": "25:00"}, "Enter a valid time."),
        ({"weekdays": ["9"]}, "Select a valid choice."),
        ({"first_day": "2027-07-05", "last_day": "2027-07-07"}, "None of the chosen weekdays"),
    ],
)
def test_a_bad_series_shows_a_clear_message_and_adds_nothing(admin_client, change, message):
    event = make_event()
    response = admin_client.post(_series_url(event), {**SERIES, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not event.occurrences.exists()


def test_the_series_page_of_a_missing_event_is_not_found(admin_client):
    assert admin_client.get(reverse("admin:events_event_series", args=[999999])).status_code == 404


def test_visitors_cannot_reach_the_series_generator(client):
    event = make_event()
    response = client.post(_series_url(event), SERIES)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not event.occurrences.exists()


def _change_data(event, dates):
    data = {
        "title_zh": event.title_zh,
        "title_en": event.title_en,
        "slug": event.slug,
        "kind": event.kind,
        "published": "on",
        "status": "scheduled",
        "venue_name_zh": event.venue_name_zh,
        "district": event.district,
        "for_general": "on",
        "admission_free": "on",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "occurrences-TOTAL_FORMS": str(len(dates)),
        "occurrences-INITIAL_FORMS": "0",
    }
    for n, (starts, ends) in enumerate(dates):
        data |= {
            f"occurrences-{n}-starts_at_0": starts[0],
            f"occurrences-{n}-starts_at_1": starts[1],
            f"occurrences-{n}-ends_at_0": ends[0],
            f"occurrences-{n}-ends_at_1": ends[1],
        }
    return data


def test_a_date_added_inline_is_saved_in_beijing_time(admin_client):
    event = make_event()
    url = reverse("admin:events_event_change", args=[event.pk])
    response = admin_client.post(url, _change_data(event, [(("2027-07-16", "19:30"), ("2027-07-16", "21:30"))]))
    assert response.status_code == 302
    assert event.occurrences.get().starts_at == at(2027, 7, 16, 19, 30)


def test_a_date_ending_before_it_starts_is_refused_and_nothing_is_half_saved(admin_client):
    event = make_event(title_zh="旧标题")
    url = reverse("admin:events_event_change", args=[event.pk])
    data = _change_data(
        event,
        [(("2027-07-16", "19:30"), ("2027-07-16", "21:30")), (("2027-07-17", "21:00"), ("2027-07-17", "19:00"))],
    )
    data["title_zh"] = "新标题"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "A date must end after it starts." in response.content.decode()
    event.refresh_from_db()
    assert event.title_zh == "旧标题"
    assert not event.occurrences.exists()


def test_a_cancelled_event_without_a_reason_is_refused_in_the_admin(admin_client):
    event = make_event()
    url = reverse("admin:events_event_change", args=[event.pk])
    response = admin_client.post(url, {**_change_data(event, []), "status": "cancelled"})
    assert response.status_code == 200
    assert "Say why the event is cancelled." in response.content.decode()
    assert Event.objects.get(pk=event.pk).status == "scheduled"


def test_staff_cancel_single_dates_from_the_date_list(admin_client):
    event = make_event()
    keep = add_date(event, at(2027, 7, 16, 19, 30))
    drop = add_date(event, at(2027, 7, 17, 19, 30))
    response = admin_client.post(
        reverse("admin:events_occurrence_changelist"),
        {"action": "cancel_dates", "_selected_action": [drop.pk]},
        follow=True,
    )
    assert "Cancelled 1 date." in response.content.decode()
    assert list(Occurrence.objects.filter(cancelled=True)) == [drop]
    keep.refresh_from_db()
    assert not keep.cancelled


@pytest.mark.parametrize("size", [2, 8])
def test_the_event_changelist_makes_the_same_queries_at_any_size(admin_client, django_assert_num_queries, size):
    for n in range(size):
        event = make_event(site=make_site(), venue_name_zh="") if n % 2 else make_event()
        add_photo_to_event(event)
        add_date(event, at(2027, 7, 1 + n, 9))
    # session, user, the paginator's count, the page of events with their sites and date counts, their photos
    with django_assert_num_queries(5):
        response = admin_client.get(reverse("admin:events_event_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 8])
def test_the_date_changelist_makes_the_same_queries_at_any_size(admin_client, django_assert_num_queries, size):
    event = make_event()
    for n in range(size):
        add_date(event, at(2027, 7, 1 + n, 9))
    # session, user, the paginator's count, the page of dates with their events,
    # and the date hierarchy's range and its days
    with django_assert_num_queries(6):
        response = admin_client.get(reverse("admin:events_occurrence_changelist"))
    assert response.status_code == 200
