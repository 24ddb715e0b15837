"""Nasty input: every bad parameter gives the page with a message, never a 500; everything shown is escaped."""

import json
import re

import pytest
from django.utils import translation

from tests.factories import add_photo, add_weekly_hours, make_heritage, make_site

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
LISTS = ["/sites/", "/en/sites/", "/heritage/", "/en/heritage/"]


@pytest.fixture(autouse=True)
def _chinese_outside_requests():
    # A request through /en/ leaves English active in the thread; start every test in the default language.
    translation.activate("zh-hans")
    yield
    translation.deactivate()


@pytest.fixture
def places():
    for n in range(15):
        make_site(name_zh=f"陶瓷作坊{n:02}", industry="ceramics")
        make_heritage(name_zh=f"老厂房{n:02}")


def notices(response):
    return [str(notice) for notice in response.context["notices"]]


def page_with_notice(client, path, params):
    response = client.get(path, params)
    assert response.status_code == 200, (path, params)
    assert notices(response), (path, params)
    assert 'class="notices"' in response.content.decode()
    return response


# Page numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "1e3", "²", "١٢", "\x00", "9" * 40, " 2", "2 "])
def test_a_bad_page_number_shows_a_page_with_a_message(client, places, path, page):
    response = page_with_notice(client, path, {"page": page})
    assert response.context["page"].object_list


@pytest.mark.parametrize("path", LISTS)
def test_a_page_beyond_the_last_shows_the_last_page_with_a_message(client, places, path):
    response = page_with_notice(client, path, {"page": "999"})
    assert response.context["page"].number == response.context["page"].paginator.num_pages == 2


def test_the_page_message_is_in_the_language_of_the_page(client, places):
    response = client.get("/en/sites/", {"page": "abc"})
    assert notices(response) == ["There is no page “abc”; showing the nearest page instead."]


def test_a_page_number_that_exists_gives_no_message(client, places):
    assert notices(client.get("/sites/", {"page": "2"})) == []
    assert notices(client.get("/sites/", {"page": ""})) == []


def test_a_bad_page_number_in_an_empty_result_is_harmless(client):
    response = client.get("/sites/", {"page": "7", "q": "nothing"})
    assert response.status_code == 200
    assert not response.context["page"].object_list


# Filters ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"level": "nonsense"},
        {"level": "none"},
        {"industry": "steel"},
        {"district": "beijing"},
        {"audience": "pets"},
        {"open_on": "2024-13-45"},
        {"open_on": "2024-02-31"},
        {"open_on": "tomorrow"},
        {"open_on": "99999-01-01"},
        {"sort": "nonsense"},
        {"sort": "-name_zh"},
        {"q": "陶" * 5000},
        {"q": "a\x00b"},
        {"level": SCRIPT},
    ],
    ids=lambda params: next(iter(params)) + "=" + next(iter(params.values()))[:12],
)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_bad_filter_shows_the_page_with_a_message_and_drops_that_filter(client, places, prefix, params):
    response = page_with_notice(client, prefix + "/sites/", params)
    assert response.context["page"].paginator.count == 15


def test_a_bad_filter_leaves_the_good_ones_working(client, places):
    make_site(name_zh="醴陵瓷厂", industry="ceramics", district="liling")
    response = page_with_notice(client, "/sites/", {"district": "liling", "level": "nonsense", "page": "x"})
    assert [site.name_zh for site in response.context["page"].object_list] == ["醴陵瓷厂"]


def test_the_message_names_the_filter_that_was_ignored(client, places):
    (message,) = notices(client.get("/en/sites/", {"open_on": "2024-13-45"}))
    assert message.startswith("Open on:")
    assert "ignored" in message


def test_a_long_keyword_is_refused_with_a_message_not_searched(client, places):
    (message,) = notices(client.get("/en/sites/", {"q": "陶" * 5000}))
    assert message.startswith("Keyword:")
    assert "100" in message


@pytest.mark.parametrize(
    "params", [{"level": "nonsense"}, {"state": "demolished"}, {"q": "x" * 5000}, {"district": "?"}], ids=str
)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_bad_heritage_filter_shows_the_page_with_a_message(client, places, prefix, params):
    response = page_with_notice(client, prefix + "/heritage/", params)
    assert response.context["page"].paginator.count == 15


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2024-02-29"])
def test_extreme_but_real_dates_are_accepted(client, places, day):
    response = client.get("/sites/", {"open_on": day})
    assert response.status_code == 200
    assert notices(response) == []


def test_repeated_parameters_do_not_break_the_page(client, places):
    response = client.get("/sites/?level=national&level=nonsense&page=1&page=abc&q=a&q=" + "b" * 300)
    assert response.status_code == 200


def test_the_home_page_ignores_unknown_parameters(client):
    assert client.get("/", {"page": "abc", "q": SCRIPT}).status_code == 200


# Unknown addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/sites/no-such-site/",
        "/en/sites/no-such-site/",
        "/heritage/no-such-place/",
        "/en/heritage/no-such-place/",
        "/sites/陶瓷/",
        "/sites/%00/",
        "/no-such-section/",
        "/en/no-such-section/",
    ],
)
def test_an_unknown_address_gives_the_friendly_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert [t.name for t in response.templates][:2] == ["404.html", "base.html"]
    page = response.content.decode()
    assert 'class="wrap error-page"' in page
    assert 'href="/sites/"' in page or 'href="/en/sites/"' in page


def test_the_english_404_is_in_english(client):
    page = client.get("/en/sites/no-such-site/").content.decode()
    assert '<html lang="en">' in page
    assert "This page has left the station" in page
    assert 'href="/en/sites/">Browse all sites</a>' in page


def test_an_unpublished_site_or_heritage_place_is_not_found(client):
    draft = make_site(slug="draft-site", published=False)
    hidden = make_heritage(slug="draft-heritage", published=False)
    assert client.get(f"/sites/{draft.slug}/").status_code == 404
    assert client.get(f"/heritage/{hidden.slug}/").status_code == 404


def test_the_404_page_renders_with_debug_off(client, settings):
    settings.DEBUG = False
    response = client.get("/sites/nope/")
    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "404.html"


@pytest.mark.parametrize("path", ["/sites/", "/", "/map/", "/map/places.geojson"])
def test_posting_to_a_public_page_is_refused_politely(client, path):
    assert client.post(path, {"q": "x"}).status_code == 405


# Escaping ---------------------------------------------------------------------------------------


@pytest.fixture
def hostile():
    site = make_site(
        name_zh=SCRIPT,
        name_en=SCRIPT,
        slug="hostile",
        summary_zh=f"摘要{SCRIPT}",
        summary_en=f"Summary {SCRIPT}",
        description_zh=f"</script><img src=x onerror=alert(1)>{SCRIPT}",
        address_zh=f'"><b>{SCRIPT}',
        phone='"><script>',
        website="https://example.com/?a=<b>",
        admission_note_zh=SCRIPT,
        transport_zh=SCRIPT,
        safety_zh=SCRIPT,
    )
    add_weekly_hours(site)
    add_photo(site, alt_zh=f'"{SCRIPT}', caption_zh=SCRIPT)
    add_photo(site, position=1, alt_zh=SCRIPT, caption_zh=SCRIPT)
    asset = make_heritage(
        name_zh=SCRIPT,
        name_en=SCRIPT,
        slug="hostile-heritage",
        summary_zh=SCRIPT,
        description_zh=f"</script>{SCRIPT}",
        original_use_zh=SCRIPT,
        site=site,
    )
    return site, asset


def assert_no_raw_markup(response):
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<b>" not in page
    # Only our own script elements: JSON-LD, json_script and the vendored files.
    for opening in re.findall(r"<script[^>]*>", page):
        assert re.fullmatch(
            r'<script( type="application/(ld\+)?json"| id="[\w-]+" type="application/json"| src="[^"]+"( defer)?)>',
            opening,
        ), opening


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize(
    "path", ["/", "/sites/", "/sites/hostile/", "/heritage/", "/heritage/hostile-heritage/", "/map/"]
)
def test_html_in_content_is_escaped_everywhere(client, hostile, prefix, path):
    response = client.get(prefix + path)
    assert response.status_code == 200
    assert_no_raw_markup(response)


def test_html_in_content_stays_text_in_the_json_ld(client, hostile):
    page = client.get("/sites/hostile/").content.decode()
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert json.loads(block)["name"] == SCRIPT


def test_html_in_content_is_plain_text_in_the_geojson(client, hostile):
    names = {f["properties"]["name"] for f in client.get("/map/places.geojson").json()["features"]}
    assert names == {SCRIPT}


@pytest.mark.parametrize("path", ["/sites/", "/en/sites/", "/heritage/"])
def test_html_in_the_keyword_is_escaped(client, places, path):
    response = client.get(path, {"q": SCRIPT, "page": SCRIPT, "sort": SCRIPT, "level": SCRIPT})
    assert response.status_code == 200
    assert_no_raw_markup(response)
    assert "&lt;script&gt;" in response.content.decode()


def test_html_in_the_query_is_escaped_in_the_language_switcher_and_canonical(client, places):
    page = client.get("/sites/", {"q": '"><script>x</script>'}).content.decode()
    assert "<script>x" not in page
    assert '"><script' not in page
