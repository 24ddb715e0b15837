"""Bureau staff keep sites and heritage in the admin: lists, search, filters, forms, thumbnails, autocomplete."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from sites.models import HeritageAsset, HeritagePhoto, Site, SitePhoto
from tests.factories import add_photo, make_heritage, make_site

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


@pytest.fixture(autouse=True)
def _chinese_outside_requests():
    # A request through /en/ leaves English active in the thread; start every test in the default language.
    translation.activate("zh-hans")
    yield
    translation.deactivate()


@pytest.fixture
def bureau_admin(client):
    user = get_user_model().objects.create_superuser("bureau", "bureau@example.com", "a long passphrase 42")
    client.force_login(user)
    return client


@pytest.fixture
def catalogue():
    crrc = make_site(
        name_zh="中车株机",
        name_en="CRRC Zhuzhou",
        description_en="Locomotives.",
        slug="crrc",
        level="national",
        featured=True,
    )
    add_photo(crrc)
    valley = make_site(
        name_zh="中国陶瓷谷", name_en="", slug="valley", level="provincial", industry="ceramics", district="liling"
    )
    draft = make_site(name_zh="草稿工厂", slug="draft", published=False)
    hall = make_heritage(name_zh="联合厂房", name_en="Joint Workshop", slug="hall", level="national", site=crrc)
    kiln = make_heritage(name_zh="醴陵窑遗址", slug="kiln", level="provincial", state="ruin", district="liling")
    return {"crrc": crrc, "valley": valley, "draft": draft, "hall": hall, "kiln": kiln}


def rows(response):
    return [str(obj) for obj in response.context["cl"].result_list]


def test_a_visitor_is_sent_to_the_admin_login(client):
    response = client.get("/admin/sites/site/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/sites/site/",
        "/admin/sites/site/add/",
        "/admin/sites/heritageasset/",
        "/admin/sites/heritageasset/add/",
        "/en/admin/sites/site/",
    ],
)
def test_staff_pages_open(bureau_admin, catalogue, path):
    assert bureau_admin.get(path).status_code == 200


def test_change_forms_open_with_their_inlines(bureau_admin, catalogue):
    site_form = bureau_admin.get(f"/admin/sites/site/{catalogue['crrc'].pk}/change/")
    assert site_form.status_code == 200
    prefixes = {formset.formset.prefix for formset in site_form.context["inline_admin_formsets"]}
    assert prefixes == {"photos", "periods", "exceptions"}
    heritage_form = bureau_admin.get(f"/admin/sites/heritageasset/{catalogue['hall'].pk}/change/")
    assert heritage_form.status_code == 200
    assert {f.formset.prefix for f in heritage_form.context["inline_admin_formsets"]} == {"photos"}


def test_the_photo_inline_shows_a_thumbnail_of_a_rendition(bureau_admin, catalogue):
    page = bureau_admin.get(f"/admin/sites/site/{catalogue['crrc'].pk}/change/").content.decode()
    assert re.search(r'<img class="bo-thumb" src="/media/renditions/photos/[^"]+-480\.jpg"', page)


def test_the_changelist_shows_thumbnails_and_names(bureau_admin, catalogue):
    page = bureau_admin.get("/admin/sites/site/").content.decode()
    assert re.search(r'<img class="bo-thumb bo-thumb-small" src="/media/renditions/photos/[^"]+-480\.jpg"', page)
    assert "中车株机" in page and "草稿工厂" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [("陶瓷", ["中国陶瓷谷"]), ("CRRC", ["中车株机"]), ("crrc", ["中车株机"]), ("draft", ["草稿工厂"])],
)
def test_staff_search_sites_by_chinese_and_english_name_and_slug(bureau_admin, catalogue, query, expected):
    assert rows(bureau_admin.get("/admin/sites/site/", {"q": query})) == expected


def test_staff_search_heritage(bureau_admin, catalogue):
    assert rows(bureau_admin.get("/admin/sites/heritageasset/", {"q": "窑"})) == ["醴陵窑遗址"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"level__exact": "national"}, {"中车株机"}),
        ({"published__exact": "0"}, {"草稿工厂"}),
        ({"industry__exact": "ceramics"}, {"中国陶瓷谷"}),
        ({"district__exact": "liling"}, {"中国陶瓷谷"}),
        ({"featured__exact": "1"}, {"中车株机"}),
        ({"content": "no_english"}, {"中国陶瓷谷", "草稿工厂"}),
        ({"content": "no_photo"}, {"中国陶瓷谷", "草稿工厂"}),
    ],
)
def test_staff_filter_sites(bureau_admin, catalogue, params, expected):
    response = bureau_admin.get("/admin/sites/site/", params)
    assert response.status_code == 200
    assert set(rows(response)) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [({"level__exact": "national"}, {"联合厂房"}), ({"state__exact": "ruin"}, {"醴陵窑遗址"})],
)
def test_staff_filter_heritage(bureau_admin, catalogue, params, expected):
    assert set(rows(bureau_admin.get("/admin/sites/heritageasset/", params))) == expected


def test_a_nonsense_filter_value_does_not_break_the_changelist(bureau_admin, catalogue):
    response = bureau_admin.get("/admin/sites/site/", {"level__exact": "<b>x</b>", "content": "nonsense"})
    assert response.status_code in (200, 302)


def test_the_heritage_form_finds_its_site_by_autocomplete(bureau_admin, catalogue):
    response = bureau_admin.get(
        "/admin/autocomplete/",
        {"app_label": "sites", "model_name": "heritageasset", "field_name": "site", "term": "陶瓷"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["中国陶瓷谷"]


def site_form_data(site, **changes):
    data = {
        "name_zh": site.name_zh,
        "name_en": site.name_en,
        "slug": site.slug,
        "industry": site.industry,
        "district": site.district,
        "level": site.level,
        "level_year": site.level_year or "",
        "for_general": "on",
        "latitude": site.latitude,
        "longitude": site.longitude,
        "published": "on" if site.published else "",
        "admission_free": "on",
        "admission_price": "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "periods-TOTAL_FORMS": "0",
        "periods-INITIAL_FORMS": "0",
        "exceptions-TOTAL_FORMS": "0",
        "exceptions-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_staff_can_edit_a_site(bureau_admin, catalogue):
    valley = catalogue["valley"]
    response = bureau_admin.post(
        f"/admin/sites/site/{valley.pk}/change/",
        site_form_data(valley, name_en="China Ceramic Valley", admission_free="", admission_price="30"),
    )
    assert response.status_code == 302
    valley.refresh_from_db()
    assert (valley.name_en, valley.admission_free, valley.admission_price) == ("China Ceramic Valley", False, 30)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"admission_price": "30"}, "Give a price unless admission is free"),
        ({"latitude": "95"}, "less than or equal to 90"),
        ({"longitude": ""}, "Give both latitude and longitude"),
        ({"slug": "new-address"}, "cannot change"),
        ({"slug": ""}, "cannot change"),
        ({"level": "none", "level_year": "2020"}, "year awarded"),
    ],
)
def test_bad_site_edits_are_refused_with_a_message_and_nothing_is_saved(bureau_admin, catalogue, changes, message):
    crrc = catalogue["crrc"]
    response = bureau_admin.post(
        f"/en/admin/sites/site/{crrc.pk}/change/", site_form_data(crrc, name_zh="改过的名字", **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    crrc.refresh_from_db()
    assert (crrc.name_zh, crrc.slug) == ("中车株机", "crrc")


def test_a_bad_inline_row_refuses_the_whole_save(bureau_admin, catalogue):
    valley = catalogue["valley"]
    data = site_form_data(
        valley,
        name_zh="改名",
        **{
            "periods-TOTAL_FORMS": "2",
            "periods-0-weekday": "0",
            "periods-0-opens": "09:00",
            "periods-0-closes": "17:00",
            "periods-1-weekday": "1",
            "periods-1-opens": "17:00",
            "periods-1-closes": "09:00",
        },
    )
    response = bureau_admin.post(f"/en/admin/sites/site/{valley.pk}/change/", data)
    assert response.status_code == 200
    assert "A period must close after it opens." in response.content.decode()
    valley.refresh_from_db()
    assert valley.name_zh == "中国陶瓷谷"
    assert not valley.periods.exists()


def test_adding_a_site_makes_its_slug_from_pinyin(bureau_admin):
    blank = Site(name_zh="株洲国际赛车场", industry="motorsport", district="tianyuan")
    data = site_form_data(blank, slug="", latitude="", longitude="")
    response = bureau_admin.post("/admin/sites/site/add/", data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert Site.objects.get(name_zh="株洲国际赛车场").slug == "zhu-zhou-guo-ji-sai-che-chang"


# Query counts -----------------------------------------------------------------------------------


def bulk_catalogue(size):
    sites = Site.objects.bulk_create(
        Site(name_zh=f"工厂{n:03}", slug=f"works-{n}", industry="rail", district="shifeng", published=True)
        for n in range(size)
    )
    SitePhoto.objects.bulk_create(
        SitePhoto(site=site, image=f"photos/s{site.pk}.jpg", width=1200, height=800, alt_zh="厂房") for site in sites
    )
    assets = HeritageAsset.objects.bulk_create(
        HeritageAsset(
            name_zh=f"遗产{n:03}", slug=f"h-{n}", level="municipal", state="ruin", district="shifeng", site=sites[n]
        )
        for n in range(size)
    )
    HeritagePhoto.objects.bulk_create(
        HeritagePhoto(asset=asset, image=f"photos/h{asset.pk}.jpg", width=1200, height=800, alt_zh="遗产")
        for asset in assets
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_site_changelist_queries_do_not_grow_with_the_table(bureau_admin, django_assert_num_queries, size):
    bulk_catalogue(size)
    # 1 session, 1 user, 1 count for the paginator (only one: show_full_result_count is off), 1 the page of
    # sites, 1 their photos for the thumbnails; the list_editable formset reuses the rows.
    with django_assert_num_queries(5):
        response = bureau_admin.get("/admin/sites/site/")
    assert len(response.context["cl"].result_list) == size


@pytest.mark.parametrize("size", SIZES)
def test_the_heritage_changelist_queries_do_not_grow_with_the_table(bureau_admin, django_assert_num_queries, size):
    bulk_catalogue(size)
    # 1 session, 1 user, 1 count, 1 the page joined to its sites (list_select_related), 1 their photos.
    with django_assert_num_queries(5):
        response = bureau_admin.get("/admin/sites/heritageasset/")
    assert len(response.context["cl"].result_list) == size
