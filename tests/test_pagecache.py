import pytest
from django.core.cache import cache
from django.db import transaction

from core import pagecache
from tests.factories import make_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_VERSION_FILE = tmp_path / "content-version"
    cache.clear()
    yield
    cache.clear()


def test_second_visit_is_served_from_the_cache_without_queries(client, page_cache, django_assert_num_queries):
    make_site(name_zh="中车株机")
    first = client.get("/sites/")
    assert "中车株机" in first.content.decode()
    with django_assert_num_queries(0):
        second = client.get("/sites/")
    assert second.content == first.content


def test_editing_a_site_shows_on_the_next_visit(client, page_cache):
    site = make_site(name_zh="旧名称")
    client.get("/sites/")
    client.get(site.get_absolute_url())
    site.name_zh = "新名称"
    site.save()
    assert "新名称" in client.get("/sites/").content.decode()
    assert "新名称" in client.get(site.get_absolute_url()).content.decode()


def test_unpublishing_removes_the_site_from_the_cached_directory(client, page_cache):
    site = make_site(name_zh="将下线的工厂")
    assert "将下线的工厂" in client.get("/sites/").content.decode()
    site.published = False
    site.save()
    assert "将下线的工厂" not in client.get("/sites/").content.decode()
    assert client.get(site.get_absolute_url()).status_code == 404


def test_conditional_get_answers_not_modified(client, page_cache):
    make_site()
    etag = client.get("/sites/")["ETag"]
    assert client.get("/sites/", headers={"if-none-match": etag}).status_code == 304


def test_languages_are_cached_separately(client, page_cache):
    make_site(name_zh="醴陵陶瓷谷", name_en="Liling Ceramic Valley")
    assert "醴陵陶瓷谷" in client.get("/sites/").content.decode()
    assert "Liling Ceramic Valley" in client.get("/en/sites/").content.decode()


def test_visitors_with_a_session_bypass_the_cache(client, page_cache, admin_user, django_assert_max_num_queries):
    make_site()
    client.get("/sites/")
    client.force_login(admin_user)
    response = client.get("/sites/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


def test_a_slot_filling_up_shows_on_the_cached_programme_page(client, page_cache):
    from unittest.mock import patch

    from bookings import services
    from tests.test_bookings_helpers import NOW, make_slot, service_kwargs

    with patch("django.utils.timezone.now", return_value=NOW):
        slot = make_slot(capacity=22)
        url = "/en" + slot.programme.get_absolute_url().removeprefix("/en")
        assert "slot is-full" not in client.get(url).content.decode()
        services.create_booking(**service_kwargs(slot))
        assert "slot is-full" in client.get(url).content.decode()


def test_the_map_data_follows_a_new_place(client, page_cache):
    client.get("/map/places.geojson")
    make_site(name_zh="新开放的工厂", latitude="27.800000", longitude="113.100000")
    assert "新开放的工厂" in client.get("/map/places.geojson").content.decode()


def test_every_change_gives_a_new_version_even_within_a_clock_tick(page_cache):
    versions = set()
    for _ in range(50):
        pagecache.bump_content_version()
        versions.add(pagecache.content_version())
    assert len(versions) == 50


def test_a_change_bumps_the_version_again_when_it_is_committed(page_cache, django_capture_on_commit_callbacks):
    # Between the save and the commit another request may cache the old rows under the new version.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        make_site()
        before_commit = pagecache.content_version()
    assert pagecache.content_version() != before_commit
