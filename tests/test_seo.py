"""What search engines and link previews read: titles, descriptions, OpenGraph, canonical, hreflang, JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.utils import translation

from tests.factories import add_photo, add_weekly_hours, make_heritage, make_site

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(autouse=True)
def _chinese_outside_requests():
    # A request through /en/ leaves English active in the thread; start every test in the default language.
    translation.activate("zh-hans")
    yield
    translation.deactivate()


class Head(HTMLParser):
    """The <title>, meta and link tags and the JSON-LD blocks of a page."""

    def __init__(self, html):
        super().__init__()
        self.title, self.meta, self.links, self.jsonld = "", {}, [], []
        self._in = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title" or (tag == "script" and attrs.get("type") == "application/ld+json"):
            self._in = tag
            if tag == "script":
                self.jsonld.append("")
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs["property"]] = attrs.get("content", "")
        elif tag == "link":
            self.links.append(attrs)

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.jsonld[-1] += data

    def link(self, rel, hreflang=None):
        found = [link["href"] for link in self.links if link.get("rel") == rel and link.get("hreflang") == hreflang]
        assert len(found) == 1, (rel, hreflang, found)
        return found[0]

    def structured(self):
        return [json.loads(block) for block in self.jsonld]


@pytest.fixture
def crrc():
    site = make_site(
        name_zh="中车株机",
        name_en="CRRC Zhuzhou Electric Locomotive",
        slug="zhong-che-zhu-ji",
        summary_zh="中国第一台电力机车的诞生地。",
        summary_en="Where China's first electric locomotive was built.",
        description_zh="始于1936年的粤汉铁路株洲总机厂。",
        level="national",
        level_year=2021,
        latitude="27.870000",
        longitude="113.090000",
        phone="0731-12345678",
        website="https://www.crrcgc.cc/zjgf",
        for_study_tours=True,
    )
    add_weekly_hours(site, weekdays=[0, 1, 2])
    add_photo(site)
    return site


@pytest.fixture
def hall(crrc):
    return make_heritage(
        name_zh="粤汉铁路株洲总机厂联合厂房",
        name_en="Joint Workshop of the Canton–Hankou Railway Works",
        slug="lian-he-chang-fang",
        summary_zh="中国第一台电力机车在这里总装。",
        level="national",
        latitude="27.871000",
        longitude="113.091000",
        site=crrc,
    )


def head(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, path
    return Head(response.content.decode())


PAGES = ["/", "/sites/", "/sites/zhong-che-zhu-ji/", "/heritage/", "/heritage/lian-he-chang-fang/", "/map/"]


# Every public page ------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_has_title_description_and_opengraph(client, hall, prefix, path):
    page = head(client, prefix + path)
    assert page.title.strip()
    if prefix:
        assert "Zhuzhou Industrial Tourism" in page.title or "CRRC" in page.title
    assert len(page.meta["description"]) >= 10
    assert page.meta["og:title"]
    assert page.meta["og:description"]
    assert page.meta["og:type"] == "website"
    assert page.meta["og:locale"] == ("en_US" if prefix else "zh_CN")
    assert page.meta["og:url"] == HOST + prefix + path


@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_has_a_canonical_url_and_hreflang_alternates(client, hall, path):
    for prefix in ("", "/en"):
        page = head(client, prefix + path)
        assert page.link("canonical") == HOST + prefix + path
        assert page.link("alternate", "zh-Hans") == HOST + path
        assert page.link("alternate", "en") == HOST + "/en" + path
        assert page.link("alternate", "x-default") == HOST + path


def test_titles_name_the_page(client, hall):
    assert head(client, "/en/sites/").title.startswith("Industrial tourism sites")
    assert head(client, "/en/heritage/").title.startswith("Industrial heritage")
    assert head(client, "/en/map/").title.startswith("Map")
    assert head(client, "/sites/zhong-che-zhu-ji/").title.startswith("中车株机")
    assert head(client, "/en/sites/zhong-che-zhu-ji/").title.startswith("CRRC Zhuzhou Electric Locomotive")


@pytest.mark.parametrize("path", ["/sites/zhong-che-zhu-ji/", "/heritage/lian-he-chang-fang/"])
def test_the_canonical_url_of_a_detail_page_drops_tracking_parameters(client, hall, path):
    page = head(client, path, utm_source="wechat", from_="share")
    assert page.link("canonical") == HOST + path
    assert page.meta["og:url"] == HOST + path


def test_the_canonical_url_of_a_filtered_list_is_the_list(client, hall):
    assert head(client, "/en/sites/", level="national", page="1").link("canonical") == HOST + "/en/sites/"


def test_a_detail_page_describes_the_place_in_its_language(client, hall):
    chinese = head(client, "/sites/zhong-che-zhu-ji/")
    english = head(client, "/en/sites/zhong-che-zhu-ji/")
    assert chinese.meta["description"] == "中国第一台电力机车的诞生地。"
    assert english.meta["description"] == "Where China's first electric locomotive was built."
    assert english.meta["og:title"] == "CRRC Zhuzhou Electric Locomotive"


def test_without_a_summary_the_descriptions_fall_back_to_the_description(client):
    make_site(slug="no-summary", summary_zh="", summary_en="", description_zh="醴陵的陶瓷作坊，可以亲手拉坯。")
    page = head(client, "/sites/no-summary/")
    assert page.meta["description"] == "醴陵的陶瓷作坊，可以亲手拉坯。"
    assert page.meta["og:description"] == "醴陵的陶瓷作坊，可以亲手拉坯。"


def test_a_detail_page_with_a_photo_has_an_absolute_og_image_of_a_rendition(client, crrc):
    image = head(client, "/sites/zhong-che-zhu-ji/").meta["og:image"]
    assert image.startswith(HOST + "/media/renditions/")
    assert image.endswith(".jpg")


# JSON-LD ----------------------------------------------------------------------------------------


def test_site_json_ld_is_a_tourist_attraction_with_name_and_geo(client, hall):
    (data,) = head(client, "/sites/zhong-che-zhu-ji/").structured()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "TouristAttraction"
    assert data["name"] == "中车株机"
    assert data["alternateName"] == "CRRC Zhuzhou Electric Locomotive"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 27.87, "longitude": 113.09}
    assert data["url"] == HOST + "/sites/zhong-che-zhu-ji/"
    assert data["telephone"] == "0731-12345678"
    assert data["isAccessibleForFree"] is True
    assert data["address"]["addressCountry"] == "CN"
    assert data["image"][0].startswith(HOST + "/media/renditions/")
    days = [spec["dayOfWeek"] for spec in data["openingHoursSpecification"]]
    assert days == ["https://schema.org/Monday", "https://schema.org/Tuesday", "https://schema.org/Wednesday"]
    assert data["openingHoursSpecification"][0]["opens"] == "09:00"


def test_site_json_ld_is_in_english_on_the_english_page(client, hall):
    (data,) = head(client, "/en/sites/zhong-che-zhu-ji/").structured()
    assert data["name"] == "CRRC Zhuzhou Electric Locomotive"
    assert data["alternateName"] == "中车株机"
    assert data["url"] == HOST + "/en/sites/zhong-che-zhu-ji/"
    assert data["touristType"] == ["Study tours", "General visitors"]


def test_heritage_json_ld_is_a_historical_landmark_contained_in_its_site(client, hall):
    (data,) = head(client, "/en/heritage/lian-he-chang-fang/").structured()
    assert data["@type"] == "LandmarksOrHistoricalBuildings"
    assert data["name"] == "Joint Workshop of the Canton–Hankou Railway Works"
    assert data["geo"]["latitude"] == 27.871
    assert data["geo"]["longitude"] == 113.091
    assert data["containedInPlace"] == {
        "@type": "TouristAttraction",
        "name": "CRRC Zhuzhou Electric Locomotive",
        "url": HOST + "/en/sites/zhong-che-zhu-ji/",
    }


def test_heritage_json_ld_leaves_out_an_unpublished_site(client, hall, crrc):
    crrc.published = False
    crrc.save()
    (data,) = head(client, "/heritage/lian-he-chang-fang/").structured()
    assert "containedInPlace" not in data


def test_json_ld_without_coordinates_or_photos_leaves_them_out(client):
    make_site(slug="bare", latitude=None, longitude=None)
    (data,) = head(client, "/sites/bare/").structured()
    assert "geo" not in data
    assert "image" not in data
    assert "openingHoursSpecification" not in data


# Sitemap and robots -----------------------------------------------------------------------------


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP_NS)
        }
        for url in root.findall("sm:url", SITEMAP_NS)
    }


def test_the_sitemap_lists_published_sites_and_heritage_in_both_languages_with_alternates(client, hall):
    make_site(slug="draft", published=False)
    make_heritage(slug="draft-heritage", published=False)
    urls = sitemap(client)
    for path in ["/sites/zhong-che-zhu-ji/", "/heritage/lian-he-chang-fang/", "/", "/sites/", "/heritage/", "/map/"]:
        for loc in (HOST + path, HOST + "/en" + path):
            assert urls[loc] == {"zh-hans": HOST + path, "en": HOST + "/en" + path, "x-default": HOST + path}
    assert not [loc for loc in urls if "draft" in loc]


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /en/admin/" in lines
    assert f"Sitemap: {HOST}/sitemap.xml" in lines


def test_json_ld_blocks_on_list_pages_parse_if_any(client, hall):
    for path in ["/", "/sites/", "/heritage/", "/map/"]:
        for block in head(client, path).structured():
            assert re.fullmatch(r"https://schema\.org/?", block["@context"])


def test_browsers_asking_for_favicon_ico_get_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content if response.streaming else [response.content])[:4] == b"\0\0\1\0"
    assert "max-age=" in response["Cache-Control"]


# The home page --------------------------------------------------------------------------------------------


def test_the_home_page_shares_its_hero_photo_as_an_absolute_og_image(client, crrc):
    crrc.featured = True
    crrc.save()
    image = head(client, "/").meta["og:image"]
    assert image.startswith(HOST + "/media/renditions/") and image.endswith(".jpg")
    assert image.removeprefix(HOST) in client.get("/").content.decode().split("hero-media", 1)[1]


def test_the_home_page_without_a_hero_photo_has_no_og_image(client):
    assert "og:image" not in head(client, "/").meta


@pytest.mark.parametrize(
    ("prefix", "name", "bureau"),
    [
        ("", "株洲工业旅游", "株洲市文化旅游广电体育局"),
        ("/en", "Zhuzhou Industrial Tourism", "Zhuzhou Bureau of Culture, Tourism, Radio, Television and Sports"),
    ],
)
def test_the_home_page_json_ld_names_the_website_its_search_and_the_bureau(client, prefix, name, bureau):
    (data,) = head(client, prefix + "/").structured()
    graph = {node["@type"]: node for node in data["@graph"]}
    website, bureau_node = graph["WebSite"], graph["GovernmentOrganization"]
    assert website["name"] == name and website["url"] == f"{HOST}{prefix}/"
    search = website["potentialAction"]
    assert search["@type"] == "SearchAction"
    assert search["target"]["urlTemplate"] == f"{HOST}{prefix}/sites/?q={{search_term_string}}"
    assert search["query-input"] == "required name=search_term_string"
    assert bureau_node["name"] == bureau
    assert website["publisher"] == {"@id": bureau_node["@id"]}
