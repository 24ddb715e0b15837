"""The admin home as a dashboard, the exports and the official counts; all scoped like the rest."""

import csv
import io

import pytest
from django.urls import reverse

from bookings import services
from office import roles
from tests.factories import make_heritage, make_site, person
from tests.test_bookings_helpers import make_programme, make_slot, service_kwargs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_time_in_english")]


def rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def city():
    site_a = make_site(name_zh="甲厂", level="national", district="shifeng")
    site_b = make_site(name_zh="乙厂", level="provincial", district="liling")
    make_site(name_zh="丙厂", level="provincial", district="liling", published=False)
    make_heritage(level="national")
    make_heritage(level="municipal")
    for site, pupils in [(site_a, 20), (site_b, 30)]:
        slot = make_slot(make_programme(site), capacity=100)
        school = f"{site.name_zh}的学校"
        services.create_booking(**service_kwargs(slot, pupils={"junior": pupils}, teachers=3, school=school))
    return site_a, site_b


def test_the_bureau_dashboard_counts_the_city_and_charts_the_pupils(client, city):
    client.force_login(person("editor", roles.EDITOR))
    response = client.get(reverse("admin:index"))
    dash = response.context["dash"]
    by_level = {row["label"]: row["value"] for row in dash["sites_by_level"]}
    assert by_level["National industrial tourism demonstration base"] == 1
    assert by_level["Provincial industrial tourism demonstration point"] == 1  # the draft is not counted
    assert dash["waiting"] == 2
    assert [(row["label"], row["pupils"]) for row in dash["months"]] == [("2027-03", 50)]
    page = response.content.decode()
    assert "<svg" in page and "<table" in page and "乙厂" in page


def test_an_operator_sees_the_dashboard_of_their_own_site_only(client, city):
    site_a, _site_b = city
    client.force_login(person("op-a", roles.OPERATOR, [site_a]))
    response = client.get(reverse("admin:index"))
    dash = response.context["dash"]
    assert dash["waiting"] == 1 and dash["published_sites"] == 1
    assert [row["label"] for row in dash["sites"]] == ["甲厂"]
    assert "乙厂" not in response.content.decode()


QUERIES = 31


def test_the_dashboard_makes_the_same_queries_for_small_and_large_data(client, django_assert_num_queries, city):
    client.force_login(person("editor", roles.EDITOR))
    client.get(reverse("admin:index"))
    # Session, user, the user's and the group permissions (4); then one query per figure of the bureau's dashboard
    # (22: sites by level and by district, published sites, the coming dates, bookings by month and by site, waiting
    # requests, mails that failed for good (their list only when there are some), seven "in review" counts (sites,
    # programmes, heritage, events, routes, investment projects, goods), two "content to finish" counts, heritage by
    # level and its count, events, routes, heritage without a photo), two for last month's missing reports (their
    # count and the first ten sites) and three for the demonstration points (applications by stage, scores owed,
    # accreditations due for review). Nothing per row, so ten more sites and bookings change nothing.
    with django_assert_num_queries(QUERIES) as small:
        client.get(reverse("admin:index"))
    for n in range(10):
        site = make_site(level="municipal")
        services.create_booking(**service_kwargs(make_slot(make_programme(site), capacity=100), school=f"校{n}"))
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("admin:index"))


def test_the_sites_export_is_formula_safe_and_scoped(client, city):
    site_a, _ = city
    site_a.name_en = '=HYPERLINK("http://evil")'
    site_a.save()
    client.force_login(person("op-a", roles.OPERATOR, [site_a]))
    table = rows(client.get(reverse("export-sites")))
    assert len(table) == 2 and table[1][1] == "甲厂"
    assert table[1][2].startswith("'=")


def test_an_operator_cannot_export_events_or_the_official_counts(client, city):
    client.force_login(person("op-a", roles.OPERATOR, [city[0]]))
    assert client.get(reverse("export-events")).status_code == 403
    assert client.get(reverse("export-official-counts")).status_code == 403


def test_the_official_counts_give_bases_and_heritage_by_level(client, city):
    client.force_login(person("editor", roles.EDITOR))
    counts = {(row[0], row[1]): row[2] for row in rows(client.get(reverse("export-official-counts")))[1:]}
    assert counts[("Demonstration sites", "Provincial industrial tourism demonstration point")] == "2"
    assert counts[("Industrial heritage", "National industrial heritage")] == "1"
    assert "Official counts" in client.get(reverse("backoffice-exports")).content.decode()


def test_the_events_export_lists_events(client, city):
    from events.models import Event

    Event.objects.create(title_zh="厂BA", slug="cba", venue_name_zh="体育馆", district="tianyuan")
    client.force_login(person("editor", roles.EDITOR))
    assert "厂BA" in {row[1] for row in rows(client.get(reverse("export-events")))}


def test_a_visitor_is_sent_to_the_login(client):
    assert client.get(reverse("export-sites")).status_code == 302
