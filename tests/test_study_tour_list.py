"""The list of study tours: a dozen programmes a page, in an order that stays put, and bad pages answered."""

import re
from unittest.mock import patch

import pytest
from django.core.cache import cache

from tests.conftest import at
from tests.factories import make_site
from tests.test_bookings_helpers import NOW, make_programme, make_slot

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_time():
    cache.clear()
    with patch("django.utils.timezone.now", return_value=NOW):
        yield


def titles(client, query=""):
    html = client.get(f"/en/study-tours/?{query}").content.decode()
    return re.findall(r'<h3 class="card-title">([^<]+)</h3>', html)


@pytest.fixture
def programmes():
    site = make_site()
    made = [make_programme(site=site, title_zh=f"课程{n:02}", title_en=f"Programme {n:02}") for n in range(15)]
    make_slot(made[14], at(2027, 3, 20, 9))  # a date to book does not move a programme up
    return made


def test_the_list_shows_a_dozen_programmes_a_page_by_title(client, programmes):
    first, second = titles(client), titles(client, "page=2")
    assert first == [f"Programme {n:02}" for n in range(12)]
    assert second == ["Programme 12", "Programme 13", "Programme 14"]


def test_the_pages_link_to_each_other_keeping_the_filters(client, programmes):
    html = client.get("/en/study-tours/?grade=junior").content.decode()
    assert "Page 1 of 2" in html
    assert 'rel="next" href="?grade=junior&amp;page=2"' in html


def test_programmes_with_the_same_title_keep_their_order(client):
    site = make_site()
    same = [make_programme(site=site, title_zh="工厂研学", title_en=f"Works tour {n}") for n in range(14)]
    first, second = titles(client), titles(client, "page=2")
    assert first + second == [programme.title_en for programme in same]  # ties broken by creation


@pytest.mark.parametrize("page", ["99", "0", "abc", "²", "-1", "1" * 40])
def test_a_page_that_does_not_exist_shows_the_nearest_with_a_notice(client, programmes, page):
    response = client.get(f"/en/study-tours/?page={page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no page" in html
    assert len(re.findall(r'<h3 class="card-title">', html)) in (12, 3)


def test_the_filters_offer_districts_not_every_site(client, programmes):
    html = client.get("/en/study-tours/").content.decode()
    assert '<option value="liling">Liling City</option>' in html
    assert '<input type="hidden" name="site" id="id_site">' in html
    assert titles(client, f"site={programmes[0].site.slug}")  # a site's own link still filters
