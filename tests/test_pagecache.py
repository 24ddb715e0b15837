import datetime
import hashlib

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import pagecache
from tests.factories import make_site
from tests.test_events import add_date, make_event

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


def _served_from_cache(client, path):
    """True when the page came from the page cache: no template rendered, no query made."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return not response.templates and len(queries) == 0


def test_an_edit_to_one_site_leaves_the_other_sites_pages_cached(client, page_cache):
    """Scoped invalidation: the edited site's page and the lists render afresh; over 90 % of the other site pages
    cached before the edit are still served from the cache right after it."""
    # Along a line, 0.05° apart: each page shows its three nearest as cards.
    sites = [make_site(name_zh=f"工厂{n}", latitude=f"{27 + n * 0.05:.6f}") for n in range(40)]
    for site in sites:
        client.get(site.get_absolute_url())
    client.get("/sites/")
    edited = sites[20]
    edited.name_zh = "改过的工厂"
    edited.save()
    assert "改过的工厂" in client.get(edited.get_absolute_url()).content.decode()
    assert not _served_from_cache(client, "/sites/")
    others = [site for site in sites if site != edited]
    hits = sum(_served_from_cache(client, site.get_absolute_url()) for site in others)
    assert hits / len(others) > 0.9
    # The pages that render again are those that showed the edited site as a nearby card, and they show the edit.
    showing = [site for site in others if "改过的工厂" in client.get(site.get_absolute_url()).content.decode()]
    assert len(showing) == len(others) - hits >= 2


def test_an_edit_to_an_event_empties_the_page_of_its_site(client, page_cache):
    site = make_site(name_zh="会场")
    other = make_site(name_zh="别处", latitude="26.500000")  # too far to show the venue as a card
    event = make_event(site=site, title_zh="旧的展会")
    add_date(event, timezone.now() + datetime.timedelta(days=2))
    assert "旧的展会" in client.get(site.get_absolute_url()).content.decode()
    client.get(other.get_absolute_url())
    event.title_zh = "新的展会"
    event.save()
    assert "新的展会" in client.get(site.get_absolute_url()).content.decode()
    assert _served_from_cache(client, other.get_absolute_url())


def test_a_page_rebuilt_from_cached_parts_still_follows_the_rows_in_them(client, page_cache, settings):
    """The page cache entry expires before the data cache's parts (nearby sites, say): the page rebuilt from those
    parts still depends on the rows they show, so an edit to a nearby site empties it."""
    settings.DATA_CACHE_SECONDS = 3600
    site = make_site(name_zh="主厂")
    neighbour = make_site(name_zh="邻厂", latitude="27.890000")
    assert "邻厂" in client.get(site.get_absolute_url()).content.decode()
    cache.delete("pagecache:" + hashlib.sha1(site.get_absolute_url().encode()).hexdigest())  # expired
    assert not _served_from_cache(client, site.get_absolute_url())  # rebuilt, its parts from the data cache
    assert _served_from_cache(client, site.get_absolute_url())
    neighbour.name_zh = "改名的邻厂"
    neighbour.save()
    assert "改名的邻厂" in client.get(site.get_absolute_url()).content.decode()


def test_a_moved_date_reaches_the_cached_event_page(client, page_cache):
    """Dates are not followed one by one (they show only with their event): a change to one bumps the event's."""
    event = make_event(title_zh="展会")
    date = add_date(event, timezone.now() + datetime.timedelta(days=2))
    client.get(event.get_absolute_url())
    assert _served_from_cache(client, event.get_absolute_url())
    date.cancelled = True
    date.save()
    assert not _served_from_cache(client, event.get_absolute_url())
