"""Themed routes: derived totals, the one-place rule for stops, the list and the day-by-day page."""

import datetime
import json
import re
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.utils import translation

from events.models import Event, Occurrence
from itineraries.models import Itinerary, Stop, haversine_km
from itineraries.templatetags.routes import duration
from tests.conftest import at
from tests.factories import add_photo, make_heritage, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _chinese_by_default():
    # A request under /en/ leaves English active in this thread; keep it from leaking into later tests.
    with translation.override("zh-hans"):
        yield


# One degree of latitude on the mean-radius sphere.
KM_PER_DEGREE = 111.195


def make_route(**fields):
    defaults = {
        "title_zh": "大国重器之旅",
        "title_en": "Pillars of the Nation",
        "theme": "heavy_industry",
        "summary_zh": "机车、航空与动力谷。",
        "summary_en": "Locomotives, aircraft and the power valley.",
        "published": True,
    }
    defaults.update(fields)
    return Itinerary.objects.create(**defaults)


def add_stop(route, place, day=1, position=0, **fields):
    kind = {"Site": "site", "HeritageAsset": "heritage", "Event": "event"}[type(place).__name__]
    return Stop.objects.create(itinerary=route, day=day, position=position, **{kind: place}, **fields)


def make_event(site=None, **fields):
    defaults = {"title_zh": "中国国际轨道交通和装备制造产业博览会", "title_en": "Rail Transit Expo", "kind": "expo"}
    defaults.update(fields)
    if site is None:
        defaults.setdefault("venue_name_zh", "株洲国际会展中心")
        defaults.setdefault("district", "tianyuan")
    defaults.setdefault("published", True)
    return Event.objects.create(site=site, **defaults)


def add_date(event, start, hours=8):
    return Occurrence.objects.create(event=event, starts_at=start, ends_at=start + datetime.timedelta(hours=hours))


# Totals ------------------------------------------------------------------------------------------------


def test_haversine_gives_about_111_km_for_one_degree_of_latitude():
    assert haversine_km((27, 113), (28, 113)) == pytest.approx(KM_PER_DEGREE, abs=0.01)


def test_totals_are_derived_from_the_stops():
    route = make_route()
    add_stop(route, make_site(latitude="27.000000", longitude="113.000000"), day=1, position=1, visit_minutes=90)
    add_stop(route, make_site(latitude="27.100000", longitude="113.000000"), day=1, position=2, visit_minutes=60)
    add_stop(route, make_heritage(latitude="27.300000", longitude="113.000000"), day=2, visit_minutes=45)

    route = Itinerary.objects.for_detail().get(pk=route.pk)

    assert route.days == 2
    assert route.stop_count == 3
    assert route.visit_minutes == 195
    assert route.visit_hours == 3.25
    assert route.distance_km == pytest.approx(0.3 * KM_PER_DEGREE, abs=0.01)


def test_day_totals_and_legs_cover_their_own_stops():
    route = make_route()
    first = add_stop(route, make_site(latitude="27.000000", longitude="113.000000"), day=1, visit_minutes=30)
    add_stop(route, make_site(latitude="27.200000", longitude="113.000000"), day=1, position=1, visit_minutes=30)
    add_stop(route, make_site(latitude="27.500000", longitude="113.000000"), day=2, visit_minutes=120)

    day_one, day_two = Itinerary.objects.for_detail().get(pk=route.pk).plan()

    assert [stop.number for stop in day_one.stops + day_two.stops] == [1, 2, 3]
    assert day_one.visit_hours == 1
    assert day_one.distance_km == pytest.approx(0.2 * KM_PER_DEGREE, abs=0.01)
    assert day_two.distance_km == 0
    assert day_one.stops[0].pk == first.pk
    assert day_one.stops[0].leg_km == pytest.approx(0.2 * KM_PER_DEGREE, abs=0.01)
    # The overnight leg from the last stop of day one to the first of day two.
    assert day_one.stops[1].leg_km == pytest.approx(0.3 * KM_PER_DEGREE, abs=0.01)
    assert not hasattr(day_two.stops[0], "next_stop")


def test_distance_skips_stops_without_a_position():
    route = make_route()
    add_stop(route, make_site(latitude="27.000000", longitude="113.000000"), position=1)
    add_stop(route, make_site(latitude=None, longitude=None), position=2)
    add_stop(route, make_site(latitude="27.100000", longitude="113.000000"), position=3)

    route = Itinerary.objects.for_detail().get(pk=route.pk)

    assert route.distance_km == pytest.approx(0.1 * KM_PER_DEGREE, abs=0.01)
    first, unknown, _last = route.stop_list()
    route.plan()
    assert first.leg_km is None and unknown.leg_km is None


def test_heritage_without_a_point_is_placed_at_its_site():
    site = make_site(latitude="27.884000", longitude="113.165000")
    asset = make_heritage(site=site, latitude=None, longitude=None)
    stop = add_stop(make_route(), asset)

    assert stop.point == (site.latitude, site.longitude)


def test_event_stop_is_placed_at_its_venue_site():
    site = make_site(latitude="27.884000", longitude="113.165000")
    stop = add_stop(make_route(), make_event(site=site))

    assert stop.point == (site.latitude, site.longitude)
    assert stop.kind == "event"
    assert stop.name == "中国国际轨道交通和装备制造产业博览会"


def test_a_route_without_stops_has_zero_totals():
    route = make_route()

    assert (route.days, route.stop_count, route.visit_minutes, route.distance_km) == (0, 0, 0, 0)
    assert route.plan() == []


@translation.override("en")
def test_visit_lengths_read_as_hours_and_minutes():
    assert [duration(m) for m in (45, 60, 90, 135, None)] == ["45 min", "1 h", "1 h 30 min", "2 h 15 min", ""]


# The one-place rule -------------------------------------------------------------------------------------


def test_database_refuses_a_stop_pointing_at_nothing():
    route = make_route()
    with pytest.raises(IntegrityError), transaction.atomic():
        Stop.objects.create(itinerary=route, day=1)
    assert not Stop.objects.exists()


def test_database_refuses_a_stop_naming_two_places():
    route, site = make_route(), make_site()
    with pytest.raises(IntegrityError), transaction.atomic():
        Stop.objects.create(itinerary=route, site=site, heritage=make_heritage())
    with pytest.raises(IntegrityError), transaction.atomic():
        Stop.objects.create(itinerary=route, site=site, event=make_event())
    assert not Stop.objects.exists()


def test_validation_explains_the_one_place_rule():
    stop = Stop(itinerary=make_route(), day=1, visit_minutes=60)
    with pytest.raises(ValidationError) as error, translation.override("en"):
        stop.full_clean()
    assert "exactly one of a site, a heritage asset or an event" in str(error.value)


def test_validation_refuses_day_zero_and_a_five_minute_visit():
    stop = Stop(itinerary=make_route(), site=make_site(), day=0, visit_minutes=5)
    with pytest.raises(ValidationError) as error:
        stop.full_clean()
    assert set(error.value.message_dict) == {"day", "visit_minutes"}


def test_published_route_keeps_its_slug():
    route = make_route(slug="da-guo-zhong-qi")
    route.slug = "renamed"
    with pytest.raises(ValidationError) as error:
        route.full_clean()
    assert "slug" in error.value.message_dict


def test_slug_is_made_from_the_chinese_title():
    assert make_route(title_zh="千年瓷都之旅").slug == "qian-nian-ci-dou-zhi-lv"


# The list -------------------------------------------------------------------------------------------------


def _titles(response):
    return [route.title_zh for route in response.context["page"].object_list]


def test_list_shows_published_routes_that_have_stops(client):
    shown = make_route(title_zh="甲线")
    add_stop(shown, make_site())
    add_stop(make_route(title_zh="草稿", published=False), make_site())
    make_route(title_zh="空线")
    hidden_only = make_route(title_zh="未发布站点")
    add_stop(hidden_only, make_site(published=False))

    response = client.get("/routes/")

    assert response.status_code == 200
    assert _titles(response) == ["甲线"]


def test_list_filters_by_theme_audience_and_derived_days(client):
    one_day = make_route(title_zh="一日", theme="ceramics", for_families=True)
    add_stop(one_day, make_site())
    two_days = make_route(title_zh="两日", theme="ceramics", for_seniors=True)
    add_stop(two_days, make_site(), day=1)
    add_stop(two_days, make_site(), day=2)
    three_days = make_route(title_zh="三日", theme="history", for_families=True)
    for day in (1, 2, 3):
        add_stop(three_days, make_site(), day=day)

    assert _titles(client.get("/routes/?theme=ceramics")) == ["一日", "两日"]
    assert _titles(client.get("/routes/?audience=family")) == ["一日", "三日"]
    assert _titles(client.get("/routes/?days=1")) == ["一日"]
    assert _titles(client.get("/routes/?days=2")) == ["两日"]
    assert _titles(client.get("/routes/?days=3")) == ["三日"]
    assert _titles(client.get("/routes/?theme=ceramics&days=2")) == ["两日"]


def test_days_filter_ignores_a_last_day_with_only_unpublished_places(client):
    route = make_route(title_zh="一日")
    add_stop(route, make_site(), day=1)
    add_stop(route, make_site(published=False), day=2)

    assert _titles(client.get("/routes/?days=1")) == ["一日"]


@pytest.mark.parametrize(
    "query",
    [
        "days=abc",
        "days=0",
        "days=2024-02-31",
        "theme=rockets",
        "audience=aliens",
        "month=13",
        "page=999",
        "page=-1",
        "days=%00",
        "theme=" + "x" * 5000,
    ],
)
def test_bad_filter_values_give_a_notice_and_never_an_error(client, query):
    add_stop(make_route(), make_site())

    response = client.get(f"/routes/?{query}")

    assert response.status_code == 200
    if not query.startswith("month"):
        assert response.context["notices"]
    assert len(response.context["page"].object_list) == 1


def test_list_is_in_english_under_en(client):
    add_stop(make_route(), make_site())

    response = client.get("/en/routes/")

    assert "Pillars of the Nation" in response.content.decode()
    assert "大国重器之旅" not in response.content.decode()


def test_list_card_shows_derived_figures_and_a_cover_from_the_stops(client):
    route = make_route()
    site = make_site()
    add_photo(site)
    add_stop(route, site, visit_minutes=90)
    add_stop(route, make_site(), day=2, visit_minutes=60)

    html = client.get("/en/routes/").content.decode()

    assert "2 days" in html and "2 stops" in html and "2 h 30 min of visits" in html
    assert "<picture>" in html


def test_list_card_cover_is_the_first_photo_of_the_first_stop_that_has_one(client):
    route = make_route()
    add_stop(route, make_site(), day=1)  # no photo
    site = make_site()
    add_photo(site, position=1, alt_zh="第二张")
    first = add_photo(site, position=0, alt_zh="第一张")
    add_stop(route, site, day=2)

    html = client.get("/routes/").content.decode()

    assert first.src in html and 'alt="第一张"' in html
    assert "第二张" not in html


# The route page --------------------------------------------------------------------------------------------


def test_detail_shows_the_plan_day_by_day_with_links_in_order(client):
    route = make_route()
    works = make_site(name_zh="中车株机工业旅游区", slug="zhongche-zhuji")
    hall = make_heritage(name_zh="联合厂房", slug="lianhe-changfang")
    square = make_site(name_zh="火车头广场", slug="huochetou-guangchang")
    add_stop(route, hall, day=1, position=2, next_mode="walk", next_directions_zh="出厂区步行至广场")
    add_stop(route, works, day=1, position=1, visit_minutes=120, note_zh="看机车总装")
    add_stop(route, square, day=2, position=1)

    response = client.get(route.get_absolute_url())
    html = response.content.decode()

    assert response.status_code == 200
    assert [day.day for day in response.context["plan"]] == [1, 2]
    links = re.findall(r'class="stop-name"><a href="([^"]+)"', html)
    assert links == ["/sites/zhongche-zhuji/", "/heritage/lianhe-changfang/", "/sites/huochetou-guangchang/"]
    assert "看机车总装" in html and "出厂区步行至广场" in html
    assert 'start="3"' in html  # day two's list continues the numbering
    assert "css/routes.css" in html


def test_detail_leaves_out_unpublished_places_from_plan_and_totals(client):
    route = make_route()
    add_stop(route, make_site(name_zh="公开的厂", latitude="27.000000", longitude="113.000000"))
    add_stop(route, make_site(name_zh="内部的厂", published=False, latitude="28.000000"), position=1)

    response = client.get(route.get_absolute_url())

    assert "内部的厂" not in response.content.decode()
    assert response.context["route"].distance_km == 0
    assert response.context["route"].stop_count == 1


def test_unpublished_and_unknown_routes_are_not_found(client):
    draft = make_route(published=False)
    add_stop(draft, make_site())

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get("/routes/no-such-route/").status_code == 404
    assert client.post(make_route(slug="x").get_absolute_url()).status_code == 405


def test_detail_json_ld_is_a_tourist_trip_with_the_stops_in_order(client):
    route = make_route(for_families=True)
    add_stop(route, make_site(name_en="Second"), position=2)
    add_stop(route, make_heritage(name_en="First"), position=1)

    html = client.get("/en" + route.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))

    assert data["@type"] == "TouristTrip"
    assert data["touristType"] == ["Families", "General visitors"]
    items = data["itinerary"]["itemListElement"]
    assert [(item["position"], item["item"]["name"]) for item in items] == [(1, "First"), (2, "Second")]
    assert items[0]["item"]["@type"] == "LandmarksOrHistoricalBuildings"
    assert items[0]["item"]["url"].startswith("http")
    assert data["itinerary"]["numberOfItems"] == 2


def test_map_data_holds_the_stops_with_a_position_in_order(client):
    route = make_route()
    add_stop(route, make_site(name_en="A", latitude="27.500000", longitude="113.100000"), position=1)
    add_stop(route, make_site(name_en="Nowhere", latitude=None, longitude=None), position=2)
    add_stop(route, make_site(name_en="B", latitude="27.600000", longitude="113.200000"), position=3)

    response = client.get("/en" + route.get_absolute_url())
    html = response.content.decode()
    stops = json.loads(re.search(r'<script id="route-stops" type="application/json">(.*?)</script>', html).group(1))

    assert [(s["n"], s["name"], s["lat"], s["lng"]) for s in stops] == [(1, "A", 27.5, 113.1), (3, "B", 27.6, 113.2)]
    assert "Stops without a known position are not shown." in html


def test_detail_without_any_position_has_no_map(client):
    route = make_route()
    add_stop(route, make_site(latitude=None, longitude=None))

    html = client.get(route.get_absolute_url()).content.decode()

    assert 'id="route-map"' not in html and "leaflet.js" not in html
    assert "js/routes.js" in html  # still loads the print button


def test_event_stop_shows_its_next_dates_at_a_fixed_time(client):
    event = make_event(title_zh="厂BA")
    add_date(event, at(2026, 7, 4, 19, 30), hours=2)
    add_date(event, at(2026, 7, 11, 19, 30), hours=2)
    add_date(event, at(2026, 6, 1, 19, 30), hours=2)
    cancelled = add_date(event, at(2026, 7, 18, 19, 30), hours=2)
    cancelled.cancelled = True
    cancelled.save()
    route = make_route()
    add_stop(route, event)

    with mock.patch("django.utils.timezone.now", return_value=at(2026, 7, 5)):
        response = client.get("/en" + route.get_absolute_url())
    stop = response.context["plan"][0].stops[0]

    assert [d.local_start for d in stop.next_dates] == [at(2026, 7, 11, 19, 30)]
    assert "19:30–21:30" in response.content.decode()


def test_event_stop_without_dates_says_so(client):
    route = make_route()
    add_stop(route, make_event())

    html = client.get("/en" + route.get_absolute_url()).content.decode()

    assert "No dates announced yet" in html


def test_follow_the_expo_links_the_route_and_the_event(client):
    event = make_event()
    add_date(event, at(2030, 9, 20, 9))
    route = make_route(related_event=event)
    add_stop(route, make_site())

    html = client.get("/en" + route.get_absolute_url()).content.decode()

    assert "Follow the expo" in html and event.get_absolute_url() in html
    rendered = Template("{% load routes %}{% event_routes event %}").render(Context({"event": event}))
    assert route.get_absolute_url() in rendered


def test_an_unpublished_expo_is_not_offered_on_the_route(client):
    route = make_route(related_event=make_event(published=False))
    add_stop(route, make_site())

    html = client.get("/en" + route.get_absolute_url()).content.decode()

    assert "Follow the expo" not in html


def test_event_routes_include_routes_stopping_at_the_event():
    event = make_event()
    passing = make_route(title_zh="途经")
    add_stop(passing, event)
    add_stop(make_route(title_zh="无关"), make_site())

    rendered = Template("{% load routes %}{% event_routes event %}").render(Context({"event": event}))

    assert passing.get_absolute_url() in rendered
    assert "无关" not in rendered


def test_event_routes_render_nothing_when_there_are_none():
    rendered = Template("{% load routes %}{% event_routes event %}").render(Context({"event": make_event()}))
    assert rendered.strip() == ""


def test_site_routes_include_routes_stopping_at_heritage_there():
    site = make_site()
    via_heritage = make_route(title_zh="遗产线")
    add_stop(via_heritage, make_heritage(site=site))
    direct = make_route(title_zh="直达线")
    add_stop(direct, site)
    add_stop(direct, make_heritage(site=site), position=1)

    rendered = Template("{% load routes %}{% site_routes site %}").render(Context({"site": site}))

    assert rendered.count('class="card card-route"') == 2


def test_site_routes_leave_out_routes_whose_stop_here_is_not_public(client):
    site = make_site()
    hidden = make_heritage(site=site, published=False)
    elsewhere = make_route(title_zh="别处线")
    add_stop(elsewhere, hidden)
    add_stop(elsewhere, make_site(), position=1)
    shown = make_route(title_zh="遗产线")
    add_stop(shown, make_heritage(site=site))

    rendered = Template("{% load routes %}{% site_routes site %}").render(Context({"site": site}))
    page = client.get(site.get_absolute_url()).content.decode()

    for html in (rendered, page):
        assert shown.get_absolute_url() in html
        assert elsewhere.get_absolute_url() not in html


def test_featured_routes_come_first_on_the_home_section():
    add_stop(make_route(title_zh="甲"), make_site())
    add_stop(make_route(title_zh="乙", featured=True), make_site())

    rendered = Template("{% load routes %}{% featured_routes %}").render(Context({}))

    assert rendered.index("乙") < rendered.index("甲")


@pytest.mark.parametrize("count", [1, 3])
def test_the_home_section_skips_routes_with_no_stop_visitors_can_open(count):
    add_stop(make_route(title_zh="甲", featured=True), make_site(published=False))  # first in order, nothing to show
    add_stop(make_route(title_zh="乙"), make_site())
    add_stop(make_route(title_zh="丙"), make_site())

    with mock.patch("itineraries.templatetags.routes.HOME_COUNT", count):  # one route a batch, or all at once
        rendered = Template("{% load routes %}{% featured_routes %}").render(Context({}))

    assert "甲" not in rendered
    assert rendered.count('class="card card-route"') == min(count, 2)


# Query counts --------------------------------------------------------------------------------------------------


def _route_with_every_kind_of_stop(n):
    route = make_route(title_zh=f"线路{n}", slug=f"route-{n}", related_event=make_event(slug=f"expo-{n}"))
    site = make_site()
    add_photo(site)
    asset = make_heritage(site=site)
    event = make_event(site=site, slug=f"event-{n}")
    add_date(event, at(2030, 7, 1, 19))
    add_stop(route, site, day=1)
    add_stop(route, asset, day=1, position=1)
    add_stop(route, event, day=2)
    return route


@pytest.mark.parametrize("routes", [1, 6])
def test_list_query_count_does_not_grow_with_routes(client, django_assert_num_queries, routes):
    for n in range(routes):
        _route_with_every_kind_of_stop(n)
    # count, routes, their stops (with site, heritage and event joined), then photos of sites,
    # heritage and events: one query each. A card shows no event dates.
    with django_assert_num_queries(6):
        response = client.get("/routes/")
    assert len(response.context["page"].object_list) == routes


@pytest.mark.parametrize("stops", [1, 8])
def test_detail_query_count_does_not_grow_with_stops(client, django_assert_num_queries, stops):
    route = _route_with_every_kind_of_stop(0)
    for position in range(2, stops + 2):
        add_stop(route, make_site(), day=3, position=position)
        add_stop(route, make_heritage(), day=3, position=position)
    # the route with its expo, the expo's upcoming dates, the stops (places joined), then photos of
    # sites, heritage and events and the events' upcoming dates; the 株洲礼物 goods of the sites it stops at (none).
    with django_assert_num_queries(8):
        response = client.get(route.get_absolute_url())
    assert response.context["route"].stop_count == 3 + 2 * stops


# Bits added to other pages ------------------------------------------------------------------------------------


def test_header_links_to_the_routes(client):
    html = client.get("/routes/").content.decode()
    assert re.search(r'href="/routes/" aria-current="page"', html)


def test_site_page_lists_the_routes_that_stop_there(client):
    site = make_site()
    route = make_route()
    add_stop(route, site)

    html = client.get(site.get_absolute_url()).content.decode()

    assert route.get_absolute_url() in html


def test_home_page_offers_themed_routes(client):
    route = make_route(featured=True)
    add_stop(route, make_site())

    html = client.get("/").content.decode()

    assert route.get_absolute_url() in html


def test_sitemap_lists_published_routes_in_both_languages(client):
    route = make_route(slug="qian-nian-ci-du-zhi-lv")
    make_route(slug="draft-route", published=False)

    xml = client.get("/sitemap.xml").content.decode()

    assert "/routes/qian-nian-ci-du-zhi-lv/" in xml and "/en/routes/qian-nian-ci-du-zhi-lv/" in xml
    assert "draft-route" not in xml
    assert route.get_absolute_url() in xml
