"""The site directory as a visitor uses it: filters in the URL, Chinese keywords, sorting, pages, two languages."""

import re

import pytest
from django.utils import translation

from sites.filters import SiteFilter
from sites.models import Site
from tests.factories import make_heritage, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _chinese_outside_requests():
    # A request through /en/ leaves English active in the thread; start every test in the default language.
    translation.activate("zh-hans")
    yield
    translation.deactivate()


@pytest.fixture
def catalogue():
    """A small Zhuzhou: the two national bases, Liling's ceramics and fireworks, a chemical museum, a draft."""
    return {
        "crrc": make_site(
            name_zh="中车株机",
            name_en="CRRC Zhuzhou Electric Locomotive",
            summary_zh="中国第一台电力机车在这里诞生。",
            level="national",
            level_year=2021,
            industry="rail",
            district="shifeng",
            for_study_tours=True,
            for_families=True,
        ),
        "lusong": make_site(
            name_zh="芦淞航空小镇",
            name_en="Lusong Aviation Town",
            level="national",
            industry="aviation",
            district="lusong",
            for_families=True,
        ),
        "valley": make_site(
            name_zh="中国陶瓷谷",
            name_en="China Ceramic Valley",
            description_zh="位于醴陵，有陶瓷博物馆和窑址。",
            description_en="Museums and kilns in Liling.",
            level="provincial",
            industry="ceramics",
            district="liling",
            for_seniors=True,
        ),
        "fireworks": make_site(
            name_zh="醴陵花炮小镇",
            name_en="Liling Fireworks Town",
            level="municipal",
            industry="fireworks",
            district="liling",
        ),
        "chemicals": make_site(
            name_zh="株化博物馆",
            name_en="",
            summary_zh="株洲化工厂六十年。",
            summary_en="",
            level="none",
            industry="chemicals",
            district="shifeng",
            for_general=True,
            for_seniors=True,
        ),
        "draft": make_site(
            name_zh="未发布的陶瓷工坊", level="national", industry="ceramics", district="liling", published=False
        ),
    }


def listed(client, path="/sites/", **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return [site.name_zh for site in response.context["page"].object_list]


# Filters ----------------------------------------------------------------------------------------


def test_without_filters_every_published_site_is_listed_national_bases_first(client, catalogue):
    names = listed(client)
    assert set(names) == {"中车株机", "芦淞航空小镇", "中国陶瓷谷", "醴陵花炮小镇", "株化博物馆"}
    assert set(names[:2]) == {"中车株机", "芦淞航空小镇"}
    assert names[2:4] == ["中国陶瓷谷", "醴陵花炮小镇"]


def test_level_national_lists_crrc_and_lusong(client, catalogue):
    assert set(listed(client, level="national")) == {"中车株机", "芦淞航空小镇"}


@pytest.mark.parametrize(("level", "expected"), [("provincial", ["中国陶瓷谷"]), ("municipal", ["醴陵花炮小镇"])])
def test_level_filter_lists_that_level_only(client, catalogue, level, expected):
    assert listed(client, level=level) == expected


def test_industry_filter(client, catalogue):
    assert listed(client, industry="ceramics") == ["中国陶瓷谷"]
    assert listed(client, industry="motorsport") == []


def test_district_filter(client, catalogue):
    assert set(listed(client, district="liling")) == {"中国陶瓷谷", "醴陵花炮小镇"}


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        ("study", {"中车株机"}),
        ("family", {"中车株机", "芦淞航空小镇"}),
        ("senior", {"中国陶瓷谷", "株化博物馆"}),
    ],
)
def test_audience_filter(client, catalogue, audience, expected):
    assert set(listed(client, audience=audience)) == expected


def test_filters_combine(client, catalogue):
    assert listed(client, district="shifeng", audience="family") == ["中车株机"]
    assert listed(client, district="liling", level="national") == []


# Keyword search ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("陶瓷", {"中国陶瓷谷"}),  # in the name
        ("醴陵", {"中国陶瓷谷", "醴陵花炮小镇"}),  # in a name and in a description
        ("机车", {"中车株机"}),  # in the summary only
        ("化工", {"株化博物馆"}),
        ("ceramic", {"中国陶瓷谷"}),
        ("LILING", {"中国陶瓷谷", "醴陵花炮小镇"}),
    ],
)
def test_keyword_finds_two_character_chinese_words_and_english_in_any_case(client, catalogue, word, expected):
    assert set(listed(client, q=word)) == expected


def test_keyword_never_finds_unpublished_sites(client, catalogue):
    assert "未发布的陶瓷工坊" not in listed(client, q="陶瓷")


def test_several_keywords_must_all_match(client, catalogue):
    assert listed(client, q="醴陵 陶瓷") == ["中国陶瓷谷"]
    assert listed(client, q="  醴陵   花炮 ") == ["醴陵花炮小镇"]


def test_keyword_wildcards_are_taken_literally(client, catalogue):
    assert listed(client, q="%") == []
    assert listed(client, q="_") == []


def test_keyword_and_filter_together(client, catalogue):
    assert listed(client, q="醴陵", level="provincial") == ["中国陶瓷谷"]


def test_the_keyword_stays_in_the_search_box(client, catalogue):
    page = client.get("/sites/", {"q": "陶瓷"}).content.decode()
    assert re.search(r'<input[^>]*name="q"[^>]*value="陶瓷"', page)


def test_the_home_search_box_leads_to_the_directory(client, catalogue):
    page = client.get("/").content.decode()
    assert re.search(r'<form[^>]*action="/sites/"', page)
    assert 'name="q"' in page


# Sorting ----------------------------------------------------------------------------------------


def test_sort_by_name(client, catalogue):
    names = listed(client, sort="name")
    assert names == sorted(names)


def test_sort_by_level_puts_national_first_and_unaccredited_last(client, catalogue):
    names = listed(client, sort="level")
    assert set(names[:2]) == {"中车株机", "芦淞航空小镇"}
    assert names[-1] == "株化博物馆"


def test_sort_by_recently_updated(client, catalogue):
    catalogue["fireworks"].save()
    assert listed(client, sort="-updated")[0] == "醴陵花炮小镇"


def test_the_recommended_order_is_the_same_with_and_without_an_empty_form(client, catalogue):
    assert listed(client) == listed(client, sort="", q="", level="")


# Pagination -------------------------------------------------------------------------------------


@pytest.fixture
def many_ceramics():
    for n in range(30):
        make_site(name_zh=f"陶瓷作坊{n:02}", industry="ceramics", district="liling")
    for n in range(5):
        make_site(name_zh=f"机车车间{n:02}", industry="rail")


def test_the_directory_shows_twelve_sites_a_page(client, many_ceramics):
    response = client.get("/sites/")
    assert len(response.context["page"].object_list) == 12
    assert response.context["page"].paginator.num_pages == 3
    assert "35" in response.content.decode()


def test_pages_do_not_overlap(client, many_ceramics):
    seen = [name for page in (1, 2, 3) for name in listed(client, page=page)]
    assert len(seen) == len(set(seen)) == 35


@pytest.mark.parametrize("params", [{}, {"industry": "ceramics"}, {"q": "陶瓷"}, {"sort": "name"}])
def test_the_pages_in_turn_read_as_the_whole_list_in_its_order(client, many_ceramics, params):
    # Past the keyword, a page finds its keys first (core.listing keys_first), then reads its rows in order.
    make_site(name_zh="国家基地", level="national", level_year=2020)
    make_site(name_zh="省级点", level="provincial", level_year=2021, featured=True)
    whole = [site.name_zh for site in SiteFilter(params, queryset=Site.objects.published()).qs]
    pages = [name for page in range(1, (len(whole) + 11) // 12 + 1) for name in listed(client, page=page, **params)]
    assert pages == whole


def test_pagination_links_keep_the_filters(client, many_ceramics):
    page = client.get("/sites/", {"industry": "ceramics", "q": "陶瓷"}).content.decode()
    links = re.findall(r'<a rel="next" href="([^"]+)"', page)
    assert links == ["?industry=ceramics&amp;q=%E9%99%B6%E7%93%B7&amp;page=2"]
    second = client.get("/sites/", {"industry": "ceramics", "q": "陶瓷", "page": 2})
    assert second.context["page"].number == 2
    assert all(name.startswith("陶瓷作坊") for name in listed(client, industry="ceramics", q="陶瓷", page=3))
    previous = re.findall(r'<a rel="prev" href="([^"]+)"', second.content.decode())
    assert previous == ["?industry=ceramics&amp;q=%E9%99%B6%E7%93%B7&amp;page=1"]


def test_the_pagination_says_previous_and_next_page_in_chinese(client, many_ceramics):
    page = client.get("/sites/", {"page": 2}).content.decode()
    assert "← 上一页</a>" in page and "下一页 →</a>" in page
    assert "上一个" not in page and "下一个" not in page


def test_the_page_number_is_not_repeated_in_links(client, many_ceramics):
    page = client.get("/sites/", {"industry": "ceramics", "page": 2}).content.decode()
    assert page.count("page=2") == 0 or "page=2&amp;page" not in page
    assert "page=2&amp;page=3" not in page
    assert '<a rel="next" href="?industry=ceramics&amp;page=3"' in page


def test_a_single_page_has_no_pagination(client, catalogue):
    assert 'class="pagination"' not in client.get("/sites/").content.decode()


# Empty results ----------------------------------------------------------------------------------


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(client, catalogue):
    response = client.get("/en/sites/", {"industry": "motorsport", "district": "yanling"})
    page = response.content.decode()
    assert "No site matches these filters." in page
    assert re.search(r'<a class="button" href="/en/sites/">Clear the filters</a>', page)


def test_a_filtered_page_offers_to_clear_the_filters(client, catalogue):
    page = client.get("/en/sites/", {"level": "national"}).content.decode()
    assert re.search(r'href="/en/sites/">Clear filters</a>', page)
    assert "Clear filters" not in client.get("/en/sites/").content.decode()


# Languages --------------------------------------------------------------------------------------


def test_the_directory_is_chinese_by_default(client, catalogue):
    page = client.get("/sites/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="zh-Hans">' in page
    assert "中车株机" in page
    assert "CRRC Zhuzhou Electric Locomotive" not in page


def test_en_sites_is_in_english(client, catalogue):
    page = client.get("/en/sites/").content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Industrial tourism sites</h1>" in page
    assert "CRRC Zhuzhou Electric Locomotive" in page
    assert "Lusong Aviation Town" in page
    assert "National industrial tourism demonstration base" in page
    assert "Rail transit · Shifeng District" in page
    assert "中车株机" not in page
    assert '<label for="id_level">Demonstration level</label>' in page


def test_english_falls_back_to_chinese_where_the_translation_is_missing(client, catalogue):
    page = client.get("/en/sites/", {"industry": "chemicals"}).content.decode()
    assert "株化博物馆" in page
    assert "株洲化工厂六十年。" in page


def test_english_search_finds_chinese_words_too(client, catalogue):
    assert listed(client, "/en/sites/", q="陶瓷") == ["中国陶瓷谷"]


def test_english_card_links_stay_in_english(client, catalogue):
    page = client.get("/en/sites/", {"level": "national"}).content.decode()
    assert f'href="/en/sites/{catalogue["crrc"].slug}/"' in page


def test_the_language_switcher_keeps_the_page_and_its_filters(client, catalogue):
    page = client.get("/sites/", {"level": "national", "q": "机车"}).content.decode()
    assert 'href="/en/sites/?level=national&amp;q=%E6%9C%BA%E8%BD%A6"' in page
    english = client.get("/en/sites/", {"level": "national"}).content.decode()
    assert 'href="/sites/?level=national"' in english


def test_the_language_switcher_on_a_detail_page_leads_to_the_same_site(client, catalogue):
    slug = catalogue["valley"].slug
    page = client.get(f"/sites/{slug}/").content.decode()
    assert f'href="/en/sites/{slug}/" lang="en"' in page


# The heritage registry --------------------------------------------------------------------------


@pytest.fixture
def registry():
    make_heritage(name_zh="粤汉铁路株洲总机厂联合厂房", level="national", state="production")
    make_heritage(name_zh="醴陵窑遗址", level="provincial", state="ruin", district="liling")
    make_heritage(name_zh="株麻1937", level="municipal", state="creative", district="lusong")
    make_heritage(name_zh="清水塘1956工业遗址", level="municipal", state="repair", district="shifeng")
    make_heritage(name_zh="未发布遗产", level="national", published=False)


def test_the_heritage_registry_lists_national_first(client, registry):
    names = listed(client, "/heritage/")
    assert names[0] == "粤汉铁路株洲总机厂联合厂房"
    assert "未发布遗产" not in names
    assert len(names) == 4


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"level": "municipal"}, {"株麻1937", "清水塘1956工业遗址"}),
        ({"state": "ruin"}, {"醴陵窑遗址"}),
        ({"state": "creative", "level": "municipal"}, {"株麻1937"}),
        ({"q": "遗址"}, {"醴陵窑遗址", "清水塘1956工业遗址"}),
        ({"district": "liling"}, {"醴陵窑遗址"}),
    ],
)
def test_the_heritage_registry_filters(client, registry, params, expected):
    assert set(listed(client, "/heritage/", **params)) == expected


def test_an_empty_heritage_result_offers_to_clear_the_filters(client, registry):
    page = client.get("/en/heritage/", {"state": "museum"}).content.decode()
    assert "No heritage place matches these filters." in page
    assert 'href="/en/heritage/">Clear the filters</a>' in page


def test_directory_links_from_the_home_page_filter_the_directory(client, catalogue):
    page = client.get("/").content.decode()
    assert 'href="/sites/?level=national"' in page
    assert 'href="/sites/?industry=ceramics"' in page
    assert Site.objects.published().count() == 5


def test_the_home_page_leads_with_the_national_demonstration_base(client):
    make_site(name_zh="《国彩醴陵》演出", featured=True, level="provincial")
    make_site(name_zh="中车株机", featured=True, level="national")
    featured = client.get("/").context["featured"]
    assert [site.name_zh for site in featured] == ["中车株机", "《国彩醴陵》演出"]  # the hero photo is the first
