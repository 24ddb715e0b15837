"""Bureau staff edit routes in the admin; the demo routes load idempotently; the event page offers its routes."""

import io

import pytest
from django.contrib.auth.models import User
from django.utils import translation

from demo import content
from demo.loaders import routes as demo_routes
from itineraries.models import Itinerary, Stop
from tests.conftest import at
from tests.factories import make_heritage, make_site
from tests.test_routes import add_date, add_stop, make_event, make_route

pytestmark = pytest.mark.django_db

ADD_URL = "/en/admin/itineraries/itinerary/add/"


@pytest.fixture(autouse=True)
def _chinese_by_default():
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("editor", "editor@example.com", "a-long-password-1")
    client.force_login(user)
    return client


def _route_form(*stops):
    data = {
        "title_zh": "千年瓷都之旅",
        "title_en": "",
        "slug": "",
        "theme": "ceramics",
        "for_general": "on",
        "stops-TOTAL_FORMS": str(len(stops)),
        "stops-INITIAL_FORMS": "0",
        "stops-MIN_NUM_FORMS": "0",
        "stops-MAX_NUM_FORMS": "1000",
    }
    for n, stop in enumerate(stops):
        values = {"day": "1", "position": str(n), "visit_minutes": "60", **stop}
        data.update({f"stops-{n}-{key}": value for key, value in values.items()})
    return data


def test_staff_save_a_route_with_ordered_stops(editor):
    site, asset = make_site(), make_heritage()

    response = editor.post(ADD_URL, _route_form({"site": site.pk}, {"heritage": asset.pk, "day": "2"}))

    assert response.status_code == 302
    route = Itinerary.objects.get()
    assert route.slug == "qian-nian-ci-dou-zhi-lv"
    assert [(s.day, s.target) for s in route.stops.all()] == [(1, site), (2, asset)]


def test_a_stop_pointing_at_nothing_is_refused_and_nothing_is_saved(editor):
    response = editor.post(ADD_URL, _route_form({"site": make_site().pk}, {"visit_minutes": "90"}))

    assert response.status_code == 200
    assert "A stop names exactly one of a site, a heritage asset or an event." in response.content.decode()
    assert not Itinerary.objects.exists() and not Stop.objects.exists()


def test_a_stop_naming_two_places_is_refused(editor):
    response = editor.post(ADD_URL, _route_form({"site": make_site().pk, "event": make_event().pk}))

    assert "A stop names exactly one of a site, a heritage asset or an event." in response.content.decode()
    assert not Itinerary.objects.exists()


def test_a_gap_between_days_is_refused(editor):
    response = editor.post(ADD_URL, _route_form({"site": make_site().pk}, {"site": make_site().pk, "day": "3"}))

    assert "Day 2 has no stop." in response.content.decode()
    assert not Itinerary.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [{"day": "0"}, {"day": "15"}, {"day": "二"}, {"visit_minutes": "5"}, {"visit_minutes": "-1"}, {"site": "999"}],
)
def test_nonsense_in_a_stop_gives_a_message_not_an_error(editor, bad):
    response = editor.post(ADD_URL, _route_form({"site": make_site().pk, **bad}))

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Itinerary.objects.exists()


@pytest.mark.parametrize("routes", [2, 12])
def test_changelist_query_count_does_not_grow_with_routes(editor, django_assert_num_queries, routes):
    event = make_event()
    for n in range(routes):
        route = make_route(title_zh=f"线路{n}", slug=f"route-{n}", related_event=event)
        add_stop(route, make_site())
    # session and user, then the page of routes with their event joined and days and stops annotated;
    # without a full count (show_full_result_count = False) only the filtered count remains.
    with django_assert_num_queries(4):
        response = editor.get("/en/admin/itineraries/itinerary/")
    assert response.status_code == 200


def test_change_page_opens_with_stops_of_every_kind(editor):
    route = make_route()
    add_stop(route, make_site())
    add_stop(route, make_heritage(), position=1)
    add_stop(route, make_event(), day=2)

    assert editor.get(f"/en/admin/itineraries/itinerary/{route.pk}/change/").status_code == 200


# Demo routes --------------------------------------------------------------------------------------------------


def _demo_places():
    make_site(slug="zhongche-zhuji", latitude="27.884000", longitude="113.165000")
    make_site(slug="huochetou-guangchang", latitude="27.845000", longitude="113.105000")
    make_heritage(slug="yuehan-tielu-zhuzhou-zongjichang-lianhe-changfang")
    make_event(slug="gui-bo-hui")


def test_demo_routes_load_twice_without_duplicates_and_skip_missing_places():
    _demo_places()
    out = io.StringIO()

    demo_routes.load(stdout=out)
    first = list(Stop.objects.order_by("itinerary__slug", "day", "position").values_list("itinerary__slug", "day"))
    demo_routes.load(stdout=out)

    assert Itinerary.objects.count() == len(content.read("routes")["routes"]) == 7
    assert list(Stop.objects.order_by("itinerary__slug", "day", "position").values_list("itinerary__slug", "day")) == (
        first
    )
    route = Itinerary.objects.get(slug="da-guo-zhong-qi-zhi-lv")
    assert route.related_event.slug == "gui-bo-hui"
    assert [stop.target.slug for stop in route.stops.all()] == [
        "zhongche-zhuji",
        "yuehan-tielu-zhuzhou-zongjichang-lianhe-changfang",
        "huochetou-guangchang",
    ]
    assert "Skipped stops whose place is missing" in out.getvalue()


def test_demo_names_the_five_themed_routes_and_the_study_and_seniors_routes():
    routes = content.read("routes")["routes"]
    titles = {item["title_zh"] for item in routes}
    assert {"大国重器之旅", "千年瓷都之旅", "速度激情之旅", "历史文化之旅", "时尚服饰之旅"} <= titles
    assert {item["theme"] for item in routes} >= {"study", "nostalgia"}


def test_demo_routes_say_their_stops_and_times_are_suggestions():
    demo_routes.load()
    note = content.read("routes")["note"]
    assert all(route.description_zh.endswith(note["zh"]) for route in Itinerary.objects.all())
    assert all(route.description_en.endswith(note["en"]) for route in Itinerary.objects.all())


# The event page ---------------------------------------------------------------------------------------------------


def test_event_page_offers_the_routes_made_for_it(client):
    event = make_event(slug="ci-bo-hui")
    add_date(event, at(2030, 10, 15, 9))
    route = make_route(title_en="A Thousand Years of Porcelain", related_event=event)
    add_stop(route, make_site())

    html = client.get(f"/en/events/{event.slug}/").content.decode()

    assert f'href="/en/routes/{route.slug}/"' in html
    assert "A Thousand Years of Porcelain" in html
