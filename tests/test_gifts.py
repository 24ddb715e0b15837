"""株洲礼物: the showcase, a product's page, goods on their site's and routes' pages, and who may edit what."""

import datetime
from unittest.mock import patch

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from demo.loaders import gifts as gifts_demo
from gifts.models import Collection, Gift, GiftPhoto, Outlet
from office import roles
from tests.factories import jpeg_bytes, make_heritage, make_site, person
from tests.test_routes import add_stop, make_route

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _chinese_by_default():
    translation.activate("zh-hans")
    yield
    translation.deactivate()


def make_gift(site=None, photo=True, **fields):
    n = Gift.objects.count() + 1
    defaults = {
        "name_zh": f"测试文创{n}",
        "name_en": f"Test gift {n}",
        "slug": f"test-gift-{n}",
        "maker_zh": "某工作室",
        "industry": "rail",
        "price_min": "30",
        "published": True,
    }
    defaults.update(fields)
    gift = Gift.objects.create(site=site if site is not None or "heritage" in fields else make_site(), **defaults)
    if photo:
        picture = GiftPhoto(gift=gift, alt_zh="产品照片")
        picture.image.save(f"gift-{gift.pk}.jpg", ContentFile(jpeg_bytes()), save=False)
        picture.save()
    return gift


# The showcase --------------------------------------------------------------------------------------------------


def test_the_showcase_filters_by_collection_industry_and_site(client):
    works = make_site(name_zh="机车厂", slug="works")
    kiln = make_site(name_zh="瓷厂", slug="kiln", industry="ceramics")
    spring = Collection.objects.create(name_zh="新春礼盒", name_en="Spring", slug="spring")
    model = make_gift(works, name_zh="机车模型")
    model.collections.add(spring)
    make_gift(kiln, name_zh="釉下彩茶杯", industry="ceramics")
    make_gift(works, name_zh="草稿徽章", published=False)

    def names(query):
        return client.get(f"/gifts/?{query}").content.decode()

    assert "机车模型" in names("") and "釉下彩茶杯" in names("") and "草稿徽章" not in names("")
    assert "釉下彩茶杯" not in names("collection=spring")
    assert "机车模型" not in names("industry=ceramics")
    assert "釉下彩茶杯" not in names("site=works") and "机车模型" in names("site=works")


@pytest.mark.parametrize(
    "query", ["collection=nope", "site=%00", "industry=" + "x" * 300, "page=²", "collection[]=a", "site=1"]
)
def test_bad_showcase_parameters_are_ignored_with_a_message(client, query):
    make_gift()
    response = client.get(f"/gifts/?{query}")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1


def test_a_product_page_says_where_to_buy_it_with_plain_outside_links(client):
    site = make_site(name_zh="机车厂", name_en="Loco Works")
    gift = make_gift(site, illustrative=True, price_max="298")
    Outlet.objects.create(gift=gift, kind="site", site=site)
    Outlet.objects.create(gift=gift, kind="shop", name_zh="旗舰店", address_zh="天元区")
    Outlet.objects.create(gift=gift, kind="online", name_zh="网店", url="https://shop.example.com/x?a=1&b=<2>")
    page = client.get(gift.get_absolute_url()).content.decode()
    assert 'href="https://shop.example.com/x?a=1&amp;b=%3C2%3E"' in page or "&lt;2&gt;" in page
    assert 'rel="noopener noreferrer external"' in page
    assert "旗舰店" in page and "¥30–298" in page and "示意" in page
    english = client.get("/en" + gift.get_absolute_url()).content.decode()
    assert "Loco Works" in english and "Illustrative" in english


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<script>x</script>", "ftp://example.com/a", "//evil.example/"]
)
def test_an_online_shop_link_must_be_a_plain_web_address(url):
    gift = make_gift()
    with pytest.raises(ValidationError):
        Outlet(gift=gift, kind="online", name_zh="网店", url=url).full_clean()


def test_a_product_must_draw_on_something_and_have_a_sensible_price():
    with pytest.raises(ValidationError):
        Gift(name_zh="无源", maker_zh="某", industry="rail", price_min=10).full_clean()
    with pytest.raises(ValidationError):
        Gift(name_zh="倒挂", maker_zh="某", industry="rail", price_min=10, price_max=5, site=make_site()).full_clean()
    with pytest.raises(ValidationError):
        Gift(name_zh="负数", maker_zh="某", industry="rail", price_min=-1, site=make_site()).full_clean()


def test_a_photo_that_is_no_image_is_refused():
    gift = make_gift(photo=False)
    photo = GiftPhoto(gift=gift, alt_zh="x", image=ContentFile(b"<svg onload=alert(1)>", name="x.jpg"))
    with pytest.raises(ValidationError):
        photo.full_clean()


def test_a_product_cannot_be_published_without_a_photo_and_a_maker():
    gift = make_gift(photo=False, maker_zh="")
    assert len(gift.missing_for_publication()) == 2


def test_drafts_and_products_of_a_draft_site_are_not_found(client):
    assert client.get(make_gift(published=False).get_absolute_url()).status_code == 404
    hidden = make_gift(make_site(published=False))
    assert client.get(hidden.get_absolute_url()).status_code == 404


# On other pages -------------------------------------------------------------------------------------------------


def test_a_site_page_shows_its_goods_and_those_of_heritage_seen_there(client):
    site = make_site(slug="works")
    make_gift(site, name_zh="机车模型")
    make_gift(site=None, heritage=make_heritage(site=site), name_zh="厂房明信片")
    make_gift(make_site(), name_zh="别处的礼物")
    page = client.get("/sites/works/").content.decode()
    assert "这里的株洲礼物" in page and "机车模型" in page and "厂房明信片" in page and "别处的礼物" not in page


def test_a_site_page_asks_for_goods_only_when_approved_goods_draw_on_it(client):
    site, other = make_site(slug="works"), make_site(slug="other")
    heritage = make_heritage(site=site)
    make_gift(other, name_zh="别处的礼物")
    with CaptureQueriesContext(connection) as without:
        client.get("/sites/works/")
    make_gift(site=None, heritage=heritage, name_zh="厂房明信片", photo=False)
    with CaptureQueriesContext(connection) as with_goods:
        page = client.get("/sites/works/").content.decode()
    assert "厂房明信片" in page
    assert len(with_goods) == len(without) + 2  # the goods, their photos


def test_goods_whose_window_has_not_opened_wait_on_the_site_page(client):
    site = make_site(slug="works")
    make_gift(site, name_zh="明天的礼物", publish_from=timezone.now() + datetime.timedelta(hours=1))
    assert "明天的礼物" not in client.get("/sites/works/").content.decode()
    with patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(hours=2)):
        assert "明天的礼物" in client.get("/sites/works/").content.decode()


def test_goods_tied_to_a_site_and_to_heritage_there_show_once(client):
    site = make_site(slug="works")
    make_gift(site, heritage=make_heritage(site=site), name_zh="两头都挂的礼物")
    route = make_route(slug="route")
    add_stop(route, site)
    for path in ("/sites/works/", "/routes/route/"):
        assert client.get(path).content.decode().count("两头都挂的礼物") == 1


def test_a_route_page_shows_the_goods_of_the_sites_it_stops_at(client):
    first, second, elsewhere = make_site(), make_site(), make_site()
    route = make_route(slug="route")
    add_stop(route, first)
    add_stop(route, make_heritage(site=second), position=1)
    make_gift(first, name_zh="第一站礼物")
    make_gift(second, name_zh="第二站礼物")
    make_gift(elsewhere, name_zh="不在路上")
    page = client.get("/routes/route/").content.decode()
    assert "沿途的株洲礼物" in page and "第一站礼物" in page and "第二站礼物" in page and "不在路上" not in page


def test_the_demo_goods_are_illustrative_and_load_once():
    specs = gifts_demo.content.read("gifts")["gifts"]
    for slug in {spec["site"] for spec in specs}:
        make_site(slug=slug)
    for slug in {spec["heritage"] for spec in specs if spec.get("heritage")}:
        make_heritage(slug=slug)
    gifts_demo.load()
    gifts_demo.load()
    assert Gift.objects.count() == 12 and not Gift.objects.filter(illustrative=False).exists()
    assert GiftPhoto.objects.count() == 12 and Collection.objects.count() == 3
    assert Gift.objects.filter(industry="fireworks").exists() and Gift.objects.filter(industry="ceramics").exists()
    assert all(not gift.missing_for_publication() for gift in Gift.objects.all())


# The back office ----------------------------------------------------------------------------------------------


@pytest.fixture
def world():
    site_a = make_site(name_zh="甲厂", slug="works-a")
    site_b = make_site(name_zh="乙厂", slug="works-b")
    return {
        "site_a": site_a,
        "site_b": site_b,
        "a": make_gift(site_a, name_zh="甲礼物", published=False),
        "b": make_gift(site_b, name_zh="乙礼物", published=False),
        "operator_a": person("op-a", roles.OPERATOR, [site_a]),
        "editor": person("editor", roles.EDITOR),
    }


def _form_data(gift, **changes):
    data = {
        "name_zh": gift.name_zh,
        "name_en": gift.name_en,
        "slug": gift.slug,
        "site": gift.site_id,
        "industry": gift.industry,
        "maker_zh": gift.maker_zh,
        "price_min": "30",
        "photos-TOTAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
        "outlets-TOTAL_FORMS": 0,
        "outlets-INITIAL_FORMS": 0,
    }
    data.update(changes)
    return data


def test_an_operator_sees_and_edits_only_the_goods_of_their_own_sites(client, world):
    client.force_login(world["operator_a"])
    changelist = client.get(reverse("admin:gifts_gift_changelist")).content.decode()
    assert "甲礼物" in changelist and "乙礼物" not in changelist
    assert client.get(reverse("admin:gifts_gift_change", args=[world["b"].pk])).status_code == 404
    refused = client.post(reverse("admin:gifts_gift_change", args=[world["b"].pk]), _form_data(world["b"]))
    assert refused.status_code == 404
    world["b"].refresh_from_db()
    assert world["b"].name_zh == "乙礼物"
    assert client.get(reverse("admin:gifts_gift_history", args=[world["b"].pk])).status_code == 404


def test_an_operator_cannot_put_a_product_on_another_site_nor_feature_it(client, world):
    client.force_login(world["operator_a"])
    url = reverse("admin:gifts_gift_add")
    response = client.post(url, _form_data(world["a"], slug="new-one", site=world["site_b"].pk, featured="on"))
    assert response.status_code == 200 and not Gift.objects.filter(slug="new-one").exists()
    response = client.post(url, _form_data(world["a"], slug="new-one", featured="on", published="on"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    made = Gift.objects.exclude(pk__in=[world["a"].pk, world["b"].pk]).get()  # the slug is the bureau's say
    assert (made.site, made.featured, made.published, made.in_review) == (world["site_a"], False, False, True)


def test_previews_are_scoped_like_the_changelist(client, world):
    client.force_login(world["operator_a"])
    assert client.get(world["a"].get_absolute_url()).status_code == 200
    assert client.get(world["b"].get_absolute_url()).status_code == 404
    client.force_login(world["editor"])
    assert client.get(world["b"].get_absolute_url()).status_code == 200


def test_the_bureau_features_and_collects(client, world):
    spring = Collection.objects.create(name_zh="新春", slug="spring")
    client.force_login(world["editor"])
    url = reverse("admin:gifts_gift_change", args=[world["b"].pk])
    response = client.post(url, _form_data(world["b"], featured="on", collections=[spring.pk]))
    assert response.status_code == 302, response.context["adminform"].form.errors
    world["b"].refresh_from_db()
    assert world["b"].featured and list(world["b"].collections.all()) == [spring]
