"""The data cache (counts, card grids, page sections, detail objects, map data) serves pages with the page cache off,
and no content change outlives the next request."""

import datetime
import re
from unittest.mock import patch

import pytest
from django.utils import translation

from bookings import services
from core import pagecache
from gifts.models import Gift
from invest.models import InvestmentProject
from tests.conftest import at
from tests.factories import make_heritage, make_site
from tests.test_bookings_helpers import make_programme, make_slot, service_kwargs
from tests.test_events import add_date, make_event
from tests.test_routes import add_stop, make_route

pytestmark = pytest.mark.django_db

NOW = at(2027, 7, 1, 10)


@pytest.fixture(autouse=True)
def _data_cache_only(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.DATA_CACHE_SECONDS = 600
    translation.activate("zh-hans")
    with patch("django.utils.timezone.now", return_value=NOW):
        yield
    translation.deactivate()


def _text(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("path", ["/", "/sites/", "/sites/?district=shifeng", "/sites/?q=工厂"])
def test_a_second_visit_makes_no_queries(client, django_assert_num_queries, path):
    make_site(name_zh="中车工厂", featured=True)
    client.get(path)
    with django_assert_num_queries(0):
        client.get(path)


@pytest.mark.parametrize(
    "path",
    ["/sites/", "/sites/?district=shifeng", "/sites/?q=工厂", "/", "/map/?district=shifeng", "/map/places.geojson"],
)
def test_a_renamed_site_shows_on_the_next_visit(client, path):
    site = make_site(name_zh="旧名称工厂", featured=True)
    assert "旧名称工厂" in _text(client, path)
    site.name_zh = "新名称工厂"
    site.save()
    text = _text(client, path)
    assert "新名称工厂" in text
    assert "旧名称工厂" not in text


def test_new_goods_and_projects_show_on_a_site_page_read_before_them(client):
    site = make_site(slug="works")
    assert "厂房明信片" not in _text(client, "/sites/works/")
    Gift.objects.create(
        name_zh="厂房明信片",
        slug="postcard",
        maker_zh="工作室",
        industry="rail",
        price_min=10,
        published=True,
        heritage=make_heritage(site=site),
    )
    InvestmentProject.objects.create(
        name_zh="新厂房改造",
        slug="project",
        site=site,
        district="shifeng",
        industry="rail",
        project_type="renovation",
        financing_need=100_000_000,
        stage="planned",
        published=True,
    )
    text = _text(client, "/sites/works/")
    assert "厂房明信片" in text and "新厂房改造" in text


def _result_count(text):
    return re.search(r'id="results-title"[^>]*>\D*(\d+)', text).group(1)


def test_a_new_site_changes_the_counts(client):
    make_site(level="national")
    assert _result_count(_text(client, "/sites/")) == "1"
    assert "<strong>1</strong>" in _text(client, "/")
    make_site(level="national")
    make_site(level="national")
    assert _result_count(_text(client, "/sites/")) == "3"
    assert "<strong>3</strong>" in _text(client, "/")


def test_the_site_page_shows_an_edit_and_then_answers_404_once_unpublished(client):
    site = make_site(name_zh="旧名称工厂")
    assert "旧名称工厂" in _text(client, site.get_absolute_url())
    site.description_zh = "新的介绍文字"
    site.save()
    assert "新的介绍文字" in _text(client, site.get_absolute_url())
    site.published = False
    site.save()
    assert client.get(site.get_absolute_url()).status_code == 404


def test_staff_preview_a_draft_that_visitors_cannot_see(client, admin_user):
    draft = make_site(name_zh="草稿工厂", published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(admin_user)
    assert "草稿工厂" in _text(client, draft.get_absolute_url())
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_languages_are_cached_apart(client):
    make_site(name_zh="醴陵陶瓷谷", name_en="Liling Ceramic Valley")
    assert "醴陵陶瓷谷" in _text(client, "/sites/")
    english = _text(client, "/en/sites/")
    assert "Liling Ceramic Valley" in english
    assert "醴陵陶瓷谷" not in english


def test_tracking_parameters_share_the_cards_but_keep_their_links(client):
    for n in range(13):
        make_site(name_zh=f"工厂{n:02}", district="liling")
    client.get("/sites/?district=liling")
    text = _text(client, "/sites/?district=liling&utm_source=wechat")
    assert "utm_source=wechat&amp;page=2" in text or "utm_source=wechat&page=2" in text


def test_a_new_date_shows_on_the_event_list_and_the_calendar(client):
    event = make_event(title_zh="厂BA")
    add_date(event, at(2027, 7, 10, 19, 30))
    assert "厂BA" in _text(client, "/events/")
    assert "厂BA" in _text(client, "/events/calendar/")
    other = make_event(title_zh="瓷博会")
    add_date(other, at(2027, 7, 12, 9))
    assert "瓷博会" in _text(client, "/events/")
    assert "瓷博会" in _text(client, "/events/calendar/")


def test_a_date_that_ends_drops_off_the_list_within_a_minute(client):
    add_date(make_event(title_zh="炒粉节"), NOW + datetime.timedelta(minutes=30), hours=1)
    assert "炒粉节" in _text(client, "/events/")
    later = NOW + datetime.timedelta(hours=1, minutes=31)
    with patch("django.utils.timezone.now", return_value=later):
        assert "炒粉节" not in _text(client, "/events/")


def test_a_renamed_route_shows_on_its_page_and_the_home_page(client):
    route = make_route(title_zh="旧线路名")
    add_stop(route, make_site())
    for path in (route.get_absolute_url(), "/"):
        assert "旧线路名" in _text(client, path)
    route.title_zh = "新线路名"
    route.save()
    for path in (route.get_absolute_url(), "/"):
        assert "新线路名" in _text(client, path)


def test_no_data_cache_when_it_is_turned_off(client, settings, django_assert_max_num_queries):
    settings.DATA_CACHE_SECONDS = 0
    make_site()
    client.get("/sites/")
    with django_assert_max_num_queries(3):
        client.get("/sites/")
    client.get("/sites/")


def test_staff_get_fragments_rendered_afresh(client, admin_user):
    site = make_site(name_zh="中车工厂")
    client.force_login(admin_user)
    client.get("/sites/")
    client.get(site.get_absolute_url())
    # Saved without signals, as a preview of pending changes might be made: staff must see it at once.
    type(site).objects.filter(pk=site.pk).update(name_zh="改名未发布")
    assert "改名未发布" in _text(client, site.get_absolute_url())
    assert "改名未发布" in _text(client, "/sites/")


def test_a_booking_leaves_the_catalogue_cached_and_shows_on_the_study_tours(client, django_assert_num_queries):
    site = make_site(name_zh="中车工厂", featured=True)
    slot = make_slot(make_programme(site=site), start=at(2027, 7, 20, 9), capacity=22)
    catalogue = ["/sites/", "/heritage/", "/events/", "/events/calendar/"]
    for path in catalogue:
        client.get(path)
    url = "/en" + slot.programme.get_absolute_url().removeprefix("/en")
    assert "slot is-full" not in _text(client, url)
    services.create_booking(**service_kwargs(slot, now=NOW))
    assert "slot is-full" in _text(client, url)
    for path in catalogue:
        with django_assert_num_queries(0):
            client.get(path)


def test_a_renamed_study_tour_shows_on_every_page_that_lists_it(client):
    site = make_site(name_zh="中车工厂")
    programme = make_programme(site=site, title_zh="旧课程名")
    make_slot(programme, start=at(2027, 7, 20, 9))
    pages = ["/", "/study-tours/", site.get_absolute_url()]
    for path in pages:
        assert "旧课程名" in _text(client, path)
    programme.title_zh = "新课程名"
    programme.save()
    for path in pages:
        assert "新课程名" in _text(client, path)


def test_a_request_reads_each_part_of_the_content_version_once(client):
    make_site()
    client.get("/")
    with patch("core.pagecache._read_version", wraps=pagecache._read_version) as read:
        client.get("/")
    assert sorted(call.args[0] for call in read.call_args_list) == ["bookings", "catalogue"]


def test_a_request_that_changes_content_reads_the_new_version():
    pagecache.remember_versions_for_the_request()
    try:
        before = pagecache.content_version()
        pagecache.bump_content_version()
        assert pagecache.content_version() != before
    finally:
        pagecache.forget_versions()
