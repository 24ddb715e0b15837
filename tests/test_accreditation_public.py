"""What visitors see of accreditation: the list of demonstration points by level and year, the panel on a site's
page, their query counts at two sizes; the dashboard's counts; the demo data."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from accreditation import services
from accreditation.models import Application, Decision, Outcome, Scheme, Stage
from demo.loaders import accreditation as demo_accreditation
from demo.loaders import sites as demo_sites
from office import roles
from sites.models import Site
from tests.accreditation_world import NOW, make_world, scored, submitted
from tests.factories import make_site, person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_time_in_english")]

SIZES = [4, 40]


@pytest.fixture
def world():
    return make_world(NOW)


def accredit(world, site="a"):
    application = scored(world, site)
    return services.decide(application=application, user=world["administrator"], outcome=Outcome.ACCREDIT, reasons="")


def test_the_list_groups_points_by_level_then_year_and_shows_the_citys_accreditation(client, world):
    make_site(name_zh="国家基地", name_en="National Base", level="national", level_year=2023)
    make_site(name_zh="省级点", name_en="Provincial Point", level="provincial", level_year=2021)
    make_site(name_zh="未上线", name_en="Unpublished Point", level="municipal", level_year=2020, published=False)
    accredit(world)
    page = client.get(reverse("points:point-list")).content.decode()
    order = [page.index(name) for name in ["National Base", "Provincial Point", "Works A"]]
    assert order == sorted(order)
    assert "Unpublished Point" not in page and "Works B" not in page  # not accredited
    assert "valid until 2030-03-01" in page
    assert "3 demonstration points" in page


def test_the_list_filters_by_level_and_year_and_bad_values_are_a_notice(client, world):
    make_site(name_zh="省级点", name_en="Provincial Point", level="provincial", level_year=2021)
    accredit(world)
    page = client.get(reverse("points:point-list"), {"level": "municipal"}).content.decode()
    assert "Works A" in page and "Provincial Point" not in page
    page = client.get(reverse("points:point-list"), {"year": "2021"}).content.decode()
    assert "Provincial Point" in page and "Works A" not in page
    response = client.get(reverse("points:point-list"), {"year": "99999999999999999999", "level": "<b>"})
    assert response.status_code == 200
    assert "The filter was ignored" in response.content.decode()


def test_the_site_page_shows_its_accreditation_and_the_illustrative_flag(client, world):
    world["scheme"].illustrative = True
    world["scheme"].save()
    accredit(world)
    page = client.get(world["a"].get_absolute_url()).content.decode()
    assert "Demonstration status" in page and "valid until" in page.lower()
    assert "criteria behind this accreditation are illustrative" in page
    assert "Demonstration status" not in client.get(world["b"].get_absolute_url()).content.decode()


def test_an_expired_accreditation_leaves_the_list_and_the_site_page(client, world):
    decision = accredit(world)
    services.expire_accreditations(today=decision.valid_until + datetime.timedelta(days=1))
    assert "Works A" not in client.get(reverse("points:point-list")).content.decode()
    assert "Demonstration status" not in client.get(world["a"].get_absolute_url()).content.decode()


def points(size):
    Site.objects.bulk_create(
        Site(
            name_zh=f"示范点{n:03}",
            slug=f"point-{n}",
            industry="rail",
            district="shifeng",
            level=["national", "provincial", "municipal"][n % 3],
            level_year=2015 + n % 10,
            published=True,
        )
        for n in range(size)
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_list_makes_the_same_queries_at_any_size(client, world, django_assert_num_queries, size):
    points(size)
    accredit(world)
    # The count and the page's rows, each site's current accreditation joined in as a subquery: 2, at any size.
    with django_assert_num_queries(2):
        assert client.get(reverse("points:point-list")).status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_the_site_panel_makes_one_query_whatever_the_history(world, django_assert_num_queries, size):
    from accreditation.templatetags.accreditation_tags import site_accreditation

    accredit(world)
    for n in range(size):  # other sites' decisions do not reach the panel's query
        Decision.objects.create(
            application=Application.objects.get(site=world["a"]),
            outcome=Outcome.REFUSE,
            reasons=f"旧决定{n}",
            superseded=True,
        )
    site = Site.objects.get(pk=world["a"].pk)
    with django_assert_num_queries(1):
        context = site_accreditation(site)
    assert context["decision"].valid_until == datetime.date(2030, 3, 1)
    with django_assert_num_queries(0):  # a site without a level asks nothing
        site_accreditation(world["b"])


def test_the_dashboard_counts_applications_by_stage(client, world):
    submitted(world, "a")
    services.start_application(user=world["operator_b"], call=world["call"], site=world["b"])
    client.force_login(world["editor"])
    page = client.get(reverse("admin:index")).content.decode()
    assert "Applications by stage" in page
    rows = {stage.label: 0 for stage in Stage}
    rows.update({"Draft": 1, "Submitted": 1})
    for label, count in rows.items():
        assert f'<th scope="row">{label}</th><td>{count}</td>' in page, label
    client.force_login(world["operator_b"])
    page = client.get(reverse("admin:index")).content.decode()
    assert '<th scope="row">Submitted</th><td>0</td>' in page  # the operator of B counts only their own


def test_an_assessor_sees_the_scores_they_owe_on_the_dashboard(client, world):
    application = submitted(world, "a")
    services.assign_assessors(application=application, assessors=[world["x"], world["y"]])
    client.force_login(world["x"])
    page = client.get(reverse("admin:index")).content.decode()
    assert "<strong>1</strong> applications for you to score" in page
    assert "accreditations to review" not in page  # the bureau's figure


def test_staff_without_accreditation_rights_see_no_accreditation_panel(client, world):
    viewer = person("viewer", roles.EDITOR)
    viewer.groups.clear()
    client.force_login(viewer)
    assert "Applications by stage" not in client.get(reverse("admin:index")).content.decode()


def test_the_demo_loads_the_illustrative_scheme_and_applications_at_every_stage(client):
    with translation.override("zh-hans"):
        demo_sites.load()
        demo_accreditation.load()
    scheme = Scheme.objects.get()
    assert scheme.illustrative and scheme.total_points() == 100
    assert scheme.pass_municipal < scheme.pass_provincial < scheme.pass_national
    stages = set(Application.objects.values_list("stage", flat=True))
    assert stages == {"draft", "submitted", "assessing", "scored", "decided"}
    accredited = Site.objects.get(slug="zhuhua-bowuguan")
    assert accredited.level == "municipal" and Decision.objects.current().filter(application__site=accredited).exists()
    demo_accreditation.load()
    assert Application.objects.count() == 6 and Scheme.objects.count() == 1
    page = client.get(accredited.get_absolute_url()).content.decode()
    assert "illustrative" in page


@pytest.mark.parametrize("size", SIZES)
def test_the_desk_and_the_application_list_make_the_same_queries_at_any_size(
    client, world, django_assert_num_queries, size
):
    for n in range(size):
        site = make_site(name_zh=f"申报厂{n:03}", slug=f"applicant-{n}")
        site.operators.add(world["operator_a"])
        services.start_application(user=world["operator_a"], call=world["call"], site=site)
    application = Application.objects.first()
    client.force_login(world["operator_a"])
    # Session, user, permissions (4); the operator's sites (may apply); the page of applications and its count;
    # the user's assignments on the page; open calls; the start form's one-choice checks and its two selects: 13,
    # whatever the number of applications.
    with django_assert_num_queries(13):
        client.get(reverse("accreditation:desk"))
    # Session, user, permissions; the count and the rows (site and call joined in): 6.
    with django_assert_num_queries(6):
        client.get(reverse("admin:accreditation_application_changelist"))
    # One application: scope, assignments, decisions, appeal, its answers with criteria, then their evidence: 12.
    with django_assert_num_queries(12):
        client.get(reverse("accreditation:application", args=[application.pk]))
