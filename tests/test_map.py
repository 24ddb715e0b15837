"""The map page: its list of places by district, which also serves without JavaScript, and its map settings. The
map data by area and zoom is tested in test_map_data.py."""

import json
import re

import pytest
from django.utils import translation

from tests.factories import make_heritage, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _chinese_outside_requests():
    # A request through /en/ leaves English active in the thread; start every test in the default language.
    translation.activate("zh-hans")
    yield
    translation.deactivate()


@pytest.fixture
def places():
    return {
        "crrc": make_site(
            name_zh="中车株机",
            name_en="CRRC Zhuzhou Electric Locomotive",
            slug="zhong-che-zhu-ji",
            level="national",
            district="shifeng",
            latitude="27.870000",
            longitude="113.090000",
        ),
        "zhuhua": make_site(
            name_zh="株化博物馆",
            name_en="",
            slug="zhu-hua",
            district="shifeng",
            latitude="27.950000",
            longitude="113.0",
        ),
        "ruins": make_heritage(
            name_zh="清水塘1956工业遗址",
            name_en="Qingshuitang 1956 Industrial Ruins",
            slug="qing-shui-tang",
            level="provincial",
            latitude="27.960000",
            longitude="113.050000",
        ),
        "draft": make_site(name_zh="草稿", slug="draft", published=False),
        "hidden": make_heritage(name_zh="未发布遗产", slug="hidden", published=False),
        "nowhere": make_site(name_zh="无坐标工厂", slug="nowhere", latitude=None, longitude=None),
    }


def geojson(client, prefix=""):
    response = client.get(prefix + "/map/places.geojson")
    assert response.status_code == 200
    assert "json" in response["Content-Type"]
    return json.loads(response.content)


def test_the_feed_is_a_geojson_feature_collection_of_points(client, places):
    data = geojson(client)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 3
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        assert all(isinstance(number, float) for number in feature["geometry"]["coordinates"])
        assert set(feature["properties"]) >= {"name", "url", "kind", "level", "label"}


def test_coordinates_are_longitude_first(client, places):
    by_url = {f["properties"]["url"]: f for f in geojson(client)["features"]}
    assert by_url["/sites/zhong-che-zhu-ji/"]["geometry"]["coordinates"] == [113.09, 27.87]
    assert by_url["/heritage/qing-shui-tang/"]["geometry"]["coordinates"] == [113.05, 27.96]


def test_the_feed_holds_only_published_places_with_coordinates(client, places):
    urls = {f["properties"]["url"] for f in geojson(client)["features"]}
    assert urls == {"/sites/zhong-che-zhu-ji/", "/sites/zhu-hua/", "/heritage/qing-shui-tang/"}


def test_the_feed_tells_sites_from_heritage(client, places):
    kinds = {f["properties"]["url"]: f["properties"]["kind"] for f in geojson(client)["features"]}
    assert kinds["/sites/zhong-che-zhu-ji/"] == "site"
    assert kinds["/heritage/qing-shui-tang/"] == "heritage"


def test_the_feed_names_places_in_the_active_language_with_chinese_fallback(client, places):
    chinese = {f["properties"]["name"] for f in geojson(client)["features"]}
    english = {f["properties"]["url"]: f["properties"] for f in geojson(client, "/en")["features"]}
    assert chinese == {"中车株机", "株化博物馆", "清水塘1956工业遗址"}
    assert english["/en/sites/zhong-che-zhu-ji/"]["name"] == "CRRC Zhuzhou Electric Locomotive"
    assert english["/en/sites/zhong-che-zhu-ji/"]["label"] == "National industrial tourism demonstration base"
    assert english["/en/sites/zhu-hua/"]["name"] == "株化博物馆"
    assert english["/en/sites/zhu-hua/"]["label"] == "Industrial tourism site"
    assert english["/en/heritage/qing-shui-tang/"]["label"] == "Provincial industrial heritage"


def test_an_empty_catalogue_gives_an_empty_collection(client):
    assert geojson(client) == {"type": "FeatureCollection", "features": []}


def listed(html):
    """The places the page lists under the map: {url: name}."""
    section = re.search(r'<section class="map-list".*?</section>', html, re.S).group(0)
    items = re.search(r'<ul class="place-list">(.*?)</ul>', section, re.S)
    return dict(re.findall(r'<a href="([^"]+)">([^<]+)</a>', items.group(1))) if items else {}


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_map_page_lists_a_district_s_places_without_javascript(client, places, prefix):
    sites = listed(client.get(prefix + "/map/?district=shifeng").content.decode())
    heritage = listed(client.get(prefix + "/map/?district=shifeng&kind=heritage").content.decode())
    features = {f["properties"]["url"]: f["properties"]["name"] for f in geojson(client, prefix)["features"]}
    assert sites | heritage == features
    assert all("/heritage/" in url for url in heritage)


def test_the_map_page_offers_every_district_and_both_kinds_with_their_counts(client, places):
    html = client.get("/en/map/?district=shifeng").content.decode()
    assert re.search(r'<a href="\?district=shifeng&amp;kind=site" aria-current="page">Shifeng District</a>', html)
    assert '<a href="?district=liling&amp;kind=site">Liling City</a>' in html
    assert re.search(r'aria-current="page">Sites <span class="count">2</span>', html)
    assert "2 sites in Shifeng District" in html


def test_the_map_page_starts_with_the_first_district(client, places):
    make_site(name_zh="荷塘工厂", slug="he-tang", district="hetang")
    assert set(listed(client.get("/map/").content.decode())) == {"/sites/he-tang/"}


def test_the_map_list_is_paginated_inside_a_district(client):
    for n in range(45):
        make_site(name_zh=f"醴陵工厂{n:02}", slug=f"liling-{n}", district="liling")
    first = client.get("/en/map/?district=liling").content.decode()
    second = client.get("/en/map/?district=liling&page=2").content.decode()
    assert len(listed(first)) == 40 and len(listed(second)) == 5
    assert not set(listed(first)) & set(listed(second))
    assert 'href="?district=liling&amp;kind=site&amp;page=2"' in first
    assert "Page 1 of 2" in first


@pytest.mark.parametrize(
    "query, notice",
    [
        ("district=liling&page=99", "There is no page “99”"),
        ("district=liling&page=²", "There is no page “²”"),
        ("district=atlantis", "District: Select a valid choice."),
        ("district=liling&kind=castle", "Kind of place: Select a valid choice."),
    ],
)
def test_bad_list_choices_are_ignored_with_a_notice(client, query, notice):
    make_site(name_zh="醴陵工厂", slug="liling-works", district="liling")
    make_site(name_zh="荷塘工厂", slug="he-tang", district="hetang")  # the first district, shown instead
    response = client.get(f"/en/map/?{query}")
    assert response.status_code == 200
    assert notice in response.content.decode()
    assert listed(response.content.decode())


def test_the_map_page_groups_places_by_district(client, places):
    html = client.get("/en/map/?district=shifeng").content.decode()
    assert "Shifeng District" in html


def test_the_map_page_loads_vendored_leaflet_and_no_cdn(client, places):
    html = client.get("/map/").content.decode()
    assert '<script src="/static/vendor/leaflet/leaflet.js" defer>' in html
    assert 'href="/static/vendor/leaflet/leaflet.css"' in html
    assert not re.search(r'(<script src|<link rel="stylesheet" href)="(https?:)?//', html)
    assert 'data-geojson="/map/places.geojson"' in html
    assert 'data-bounds="112.8,26.0,114.1,28.2"' in html


def map_config(html):
    return json.loads(re.search(r'<script id="map-config" type="application/json">(.*?)</script>', html).group(1))


def test_the_tile_source_is_a_setting(client, places, settings):
    settings.MAP_TILE_URL = "https://t0.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}"
    settings.MAP_TILE_ATTRIBUTION = "天地图"
    settings.MAP_TILE_CRS = "gcj02"
    config = map_config(client.get("/map/").content.decode())
    assert config == {"tileUrl": settings.MAP_TILE_URL, "attribution": "天地图", "crs": "gcj02"}


def test_the_site_page_map_gets_the_tile_settings_too(client, places, settings):
    settings.MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    html = client.get("/sites/zhong-che-zhu-ji/").content.decode()
    assert map_config(html)["tileUrl"] == "https://tiles.example/{z}/{x}/{y}.png"
    assert 'data-lat="27.870000" data-lng="113.090000"' in html


def test_a_site_without_coordinates_has_no_map(client, places):
    html = client.get("/sites/nowhere/").content.decode()
    assert 'id="site-map"' not in html
    assert "leaflet.js" not in html


def test_a_heritage_page_shows_where_it_is_on_a_small_map(client):
    asset = make_heritage(name_zh="老厂房", latitude="27.860000", longitude="113.150000")
    page = client.get(asset.get_absolute_url()).content.decode()
    assert 'id="site-map" data-kind="heritage"' in page and 'data-lat="27.860000"' in page
    assert "leaflet.js" in page and 'id="map-config"' in page
    nowhere = make_heritage(name_zh="无坐标遗产", latitude=None, longitude=None)
    page = client.get(nowhere.get_absolute_url()).content.decode()
    assert 'id="site-map"' not in page and "leaflet.js" not in page
