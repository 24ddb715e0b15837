"""Public pages and the map feed run the same number of queries with 5 and with 50 places: no N+1."""

import datetime
from unittest.mock import patch

import pytest
from django.utils import translation

from sites.models import HeritageAsset, HeritagePhoto, OpeningException, OpeningPeriod, Site, SitePhoto
from tests.conftest import at

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


@pytest.fixture(autouse=True)
def _chinese_outside_requests():
    # A request through /en/ leaves English active in the thread; start every test in the default language.
    translation.activate("zh-hans")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fixed_now():
    with patch("django.utils.timezone.now", return_value=at(2024, 9, 30, 10)):
        yield


def catalogue(size):
    """`size` published sites and heritage places, each with two photos; sites with hours and a closure.

    Rows are bulk-created: the photo files need not exist for counting queries (pages compute rendition
    URLs from the name), and skipping the rendition signal keeps the big size fast.
    """
    sites = Site.objects.bulk_create(
        Site(
            name_zh=f"工厂{n:03}",
            name_en=f"Works {n}",
            slug=f"works-{n}",
            summary_zh="一处工业旅游点。",
            industry="ceramics" if n % 2 else "rail",
            district="liling" if n % 2 else "shifeng",
            level=["national", "provincial", "municipal", "none"][n % 4],
            featured=True,
            for_study_tours=True,
            latitude=f"{27.8 + n / 1000:.6f}",
            longitude=f"{113.1 + n / 1000:.6f}",
            published=True,
        )
        for n in range(size)
    )
    SitePhoto.objects.bulk_create(
        SitePhoto(site=site, image=f"photos/s{site.pk}-{p}.jpg", width=1200, height=800, alt_zh="厂房", position=p)
        for site in sites
        for p in range(2)
    )
    OpeningPeriod.objects.bulk_create(
        OpeningPeriod(site=site, weekday=day, opens=datetime.time(9), closes=datetime.time(17))
        for site in sites
        for day in range(6)
    )
    OpeningException.objects.bulk_create(OpeningException(site=site, date=datetime.date(2024, 10, 1)) for site in sites)
    # Every fifth heritage place is seen at the first site, so its page shows 1 or 10 heritage cards.
    assets = HeritageAsset.objects.bulk_create(
        HeritageAsset(
            name_zh=f"遗产{n:03}",
            slug=f"heritage-{n}",
            level=["national", "provincial", "municipal"][n % 3],
            state="museum",
            district="shifeng",
            latitude=f"{27.9 + n / 1000:.6f}",
            longitude=f"{113.0 + n / 1000:.6f}",
            site=sites[0] if n % 5 == 0 else sites[n],
            published=True,
        )
        for n in range(size)
    )
    HeritagePhoto.objects.bulk_create(
        HeritagePhoto(
            asset=asset, image=f"photos/h{asset.pk}-{p}.jpg", width=1200, height=800, alt_zh="遗产", position=p
        )
        for asset in assets
        for p in range(2)
    )
    return sites, assets


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, path
    return response


@pytest.mark.parametrize("size", SIZES)
def test_home_queries_do_not_grow_with_the_catalogue(client, django_assert_num_queries, size):
    catalogue(size)
    # 1 the official figures, 1 site and heritage counts by level, 1 featured sites with their covers, then one each
    # for the events and routes sections and two for the study tours (the next week's slots, then the later ones,
    # since there are none), all empty here but always asked.
    with django_assert_num_queries(7):
        get(client, "/")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_directory_queries_do_not_grow_with_the_catalogue(client, django_assert_num_queries, size, prefix):
    catalogue(size)
    # 1 count for the paginator, 1 page of sites, 1 their photos.
    with django_assert_num_queries(3):
        get(client, prefix + "/sites/")


@pytest.mark.parametrize("size", SIZES)
def test_filtered_directory_queries_do_not_grow_with_the_catalogue(client, django_assert_num_queries, size):
    catalogue(size)
    # The same three: filters (open_on's EXISTS subqueries included) only add WHERE clauses.
    with django_assert_num_queries(3):
        response = get(client, "/sites/", level="national", industry="rail", q="工厂", open_on="2024-10-02", page="1")
    assert response.context["page"].object_list


@pytest.mark.parametrize("size", SIZES)
def test_heritage_list_queries_do_not_grow_with_the_catalogue(client, django_assert_num_queries, size):
    catalogue(size)
    # 1 count, 1 page of heritage places, 1 their photos.
    with django_assert_num_queries(3):
        get(client, "/heritage/", level="national")


@pytest.mark.parametrize("size", SIZES)
def test_site_detail_queries_do_not_grow_with_the_catalogue(client, django_assert_num_queries, size):
    catalogue(size)
    # 1 the site, then its prefetches: 1 photos, 1 weekly periods, 1 exceptions, 1 heritage places here and
    # 1 their photos; 1 nearby sites with their covers; then one each for the events, study-tour and
    # route blocks of the site. None for its 株洲礼物 goods and investment projects: the site's row says it has none.
    with django_assert_num_queries(10):
        response = get(client, "/sites/works-0/")
    assert len(response.context["nearby"]) == 3


@pytest.mark.parametrize("size", SIZES)
def test_heritage_detail_queries_do_not_grow_with_the_catalogue(client, django_assert_num_queries, size):
    catalogue(size)
    # 1 the heritage place joined to its site, 1 its photos.
    with django_assert_num_queries(2):
        get(client, "/en/heritage/heritage-0/")


@pytest.mark.parametrize("size", SIZES)
def test_map_page_queries_do_not_grow_with_the_catalogue(client, django_assert_num_queries, size):
    catalogue(size)
    # The count of sites and of heritage places in the district, a page of its sites. No photos.
    with django_assert_num_queries(3):
        response = get(client, "/map/?district=shifeng")
    assert response.content.decode().count('href="/sites/works-') == (size + 1) // 2  # every other one


@pytest.mark.parametrize("size", SIZES)
def test_geojson_queries_do_not_grow_with_the_catalogue(client, django_assert_num_queries, size):
    catalogue(size)
    # 1 sites, 1 heritage places.
    with django_assert_num_queries(2):
        response = get(client, "/en/map/places.geojson")
    assert len(response.json()["features"]) == 2 * size
