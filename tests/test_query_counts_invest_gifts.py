"""Investment and 株洲礼物 pages and panels run the same number of queries with 5 and with 50 rows: no N+1.

Each page is asked once with an empty data cache (what the queries below count), in Chinese."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import translation

from gifts.models import Collection, Gift, GiftPhoto, Outlet
from invest.models import InvestmentProject, ProjectDocument, StageChange
from itineraries.models import Itinerary, Stop
from tests.factories import make_site

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


@pytest.fixture(autouse=True)
def _chinese():
    translation.activate("zh-hans")
    cache.clear()
    yield
    translation.deactivate()


def projects(size, site=None):
    made = InvestmentProject.objects.bulk_create(
        InvestmentProject(
            name_zh=f"项目{n:03}",
            slug=f"project-{n}",
            site=site or make_site(slug=f"site-{n}"),
            district="shifeng",
            industry="rail",
            project_type="renovation",
            financing_need=Decimal(100_000_000 + n),
            stage=["planned", "seeking", "signed"][n % 3],
            contact_office_zh="招商科",
            published=True,
        )
        for n in range(size)
    )
    return made


def gifts(size, sites):
    collections = Collection.objects.bulk_create(Collection(name_zh=f"系列{n}", slug=f"c-{n}") for n in range(3))
    made = Gift.objects.bulk_create(
        Gift(
            name_zh=f"礼物{n:03}",
            slug=f"gift-{n}",
            maker_zh="工作室",
            site=sites[n % len(sites)],
            industry="rail",
            price_min=10,
            price_max=20 + n,
            published=True,
        )
        for n in range(size)
    )
    GiftPhoto.objects.bulk_create(
        GiftPhoto(gift=gift, image=f"photos/g{gift.pk}-{p}.jpg", width=1200, height=800, alt_zh="照片", position=p)
        for gift in made
        for p in range(2)
    )
    for gift in made:
        gift.collections.set(collections)
    return made


@pytest.mark.parametrize("size", SIZES)
def test_investment_list(client, size, django_assert_num_queries):
    projects(size)
    # Count and totals by stage (2), the page's projects with their sites (1), the session-free page: nothing else.
    with django_assert_num_queries(3):
        assert client.get("/invest/").status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_investment_filtered_list(client, size, django_assert_num_queries):
    projects(size)
    with django_assert_num_queries(3):
        assert client.get("/invest/?stage=seeking&district=shifeng&industry=rail&page=1").status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_investment_project_page(client, size, django_assert_num_queries):
    project = projects(1)[0]
    StageChange.objects.bulk_create(
        StageChange(project=project, stage="planned", date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
        for n in range(size)
    )
    ProjectDocument.objects.bulk_create(
        ProjectDocument(project=project, title_zh=f"文档{n}", file=f"invest/{n}.pdf", size=100) for n in range(size)
    )
    # The project with its site, its stage changes, its documents, the site's photos (the hero).
    with django_assert_num_queries(4):
        assert client.get(project.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_enquiry_form(client, size, django_assert_num_queries):
    project = projects(size)[0]
    with django_assert_num_queries(1):  # the project
        assert client.get(f"/invest/{project.slug}/enquire/").status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_gift_showcase(client, size, django_assert_num_queries):
    sites = [make_site(slug=f"s-{n}") for n in range(3)]
    gifts(size, sites)
    # The filter form's collections and sites (2), the count (1), the page's goods with their sites and heritage (1)
    # and photos (1).
    with django_assert_num_queries(5):
        assert client.get("/gifts/").status_code == 200
    cache.clear()
    # Filtered: the form's choices are read once to check the values and once to show them.
    with django_assert_num_queries(7):
        assert client.get("/gifts/?collection=c-1&site=s-1&industry=rail").status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_gift_page(client, size, django_assert_num_queries):
    site = make_site(slug="works")
    gift = gifts(1, [site])[0]
    Outlet.objects.bulk_create(
        Outlet(gift=gift, kind="site", site=make_site(slug=f"o-{n}"), position=n) for n in range(size)
    )
    GiftPhoto.objects.bulk_create(
        GiftPhoto(gift=gift, image=f"photos/x{n}.jpg", width=1200, height=800, alt_zh="照片", position=10 + n)
        for n in range(size)
    )
    # The product with its site and heritage, its photos, its outlets with their sites, its collections.
    with django_assert_num_queries(4):
        assert client.get(gift.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_site_page_with_goods_and_projects(client, size, django_assert_num_queries):
    site = make_site(slug="works")
    gifts(size, [site])
    projects(size, site=site)
    # The site page's own 10 (nearby sites are looked for in a small box, then in the wide one when the small one
    # holds too few: two queries here; tests/test_query_counts.py counts more with heritage and nearby sites that
    # have photos to fetch), then the goods panel's goods and their photos and the projects panel's projects.
    with django_assert_num_queries(13):
        page = client.get("/sites/works/").content.decode()
    assert page.count('class="card gift-card"') == 4 and page.count('class="project-card"') == 4


@pytest.mark.parametrize("size", SIZES)
def test_route_page_with_goods_along_the_way(client, size, django_assert_num_queries):
    sites = [make_site(slug=f"stop-{n}") for n in range(size)]
    route = Itinerary.objects.create(title_zh="路线", slug="route", theme="heavy_industry", published=True)
    Stop.objects.bulk_create(
        Stop(itinerary=route, day=1 + n // 5, position=n, site=site) for n, site in enumerate(sites)
    )
    gifts(size, sites)
    # The route with its stops and their places (3), the goods panel's goods and their photos (2): the stops it
    # looks at are the route's own, already fetched.
    with django_assert_num_queries(5):
        page = client.get("/routes/route/").content.decode()
    assert page.count('class="card gift-card"') == min(size, 6)
