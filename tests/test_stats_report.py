"""The bureau's report (figures checked against sums done by hand), its CSV and XLSX exports, the public "Zhuzhou in
figures" page, bad query parameters and constant query counts."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from office import roles
from sites.models import OfficialFigure
from stats import export
from stats.models import EventReport, SiteMonthReport
from tests.factories import make_site, person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_time_in_english")]  # 2027-03-01, English

REPORT = "stats-report"


def add(site, year, month, visitors, revenue="0.00", pupils=0, published=True):
    return SiteMonthReport.objects.create(site=site, year=year, month=month, visitors=visitors, pupils=pupils,
                                          tourism_revenue=Decimal(revenue), published=published)  # fmt: skip


@pytest.fixture
def city():
    a = make_site(name_zh="甲厂", level="national", district="shifeng", industry="rail")
    b = make_site(name_zh="乙厂", level="provincial", district="liling", industry="ceramics")
    add(a, 2026, 1, 1000, "10000.00", pupils=100)
    add(a, 2026, 2, 2000, "20000.00")
    add(a, 2026, 4, 500)
    add(b, 2026, 1, 300, "3000.50")
    add(b, 2026, 12, 100)
    add(a, 2027, 1, 1200, "12000.00", pupils=150)
    add(b, 2027, 1, 450, "4500.00", pupils=50)
    add(a, 2027, 2, 1000, "9999.99", published=False)
    return a, b


@pytest.fixture
def bureau(client):
    user = person("editor", roles.EDITOR)
    client.force_login(user)
    return user


def data(client, **query):
    response = client.get(reverse(REPORT), query)
    assert response.status_code == 200
    return response.context


def by_label(rows):
    return {row["label"]: row for row in rows}


def test_months_sum_the_sites_and_compare_with_the_same_month_a_year_before(client, bureau, city):
    rows = by_label(data(client, year=2027)["periods"])
    assert len(rows) == 12
    assert (rows["2027-01"]["visitors"], rows["2027-01"]["pupils"], rows["2027-01"]["reports"]) == (1650, 200, 2)
    assert rows["2027-01"]["tourism_revenue"] == Decimal("16500.00")
    assert rows["2027-01"]["visitors_change"] == Decimal("26.9")  # (1650 - 1300) / 1300
    assert rows["2027-01"]["revenue_change"] == Decimal("26.9")  # (16500 - 13000.50) / 13000.50 = 26.918 %
    assert rows["2027-02"]["visitors_change"] == Decimal("-50.0")  # 1000 against 2000
    assert rows["2027-03"]["visitors"] == 0 and rows["2027-03"]["visitors_change"] is None  # nothing to compare


def test_quarters_and_years_add_up(client, bureau, city):
    context = data(client, year=2027, period="quarter")
    quarters = by_label(context["periods"])
    assert [row["visitors"] for row in context["periods"]] == [2650, 0, 0, 0]
    assert quarters["2027 Q1"]["visitors_change"] == Decimal("-19.7")  # 2650 against 3300
    assert quarters["2027 Q2"]["visitors_change"] == Decimal("-100.0")  # 0 against 500
    assert context["period_total"]["visitors"] == 2650
    years = by_label(data(client, period="year")["periods"])
    assert (years["2026"]["visitors"], years["2027"]["visitors"]) == (3900, 2650)
    assert years["2026"]["visitors_change"] is None and years["2027"]["visitors_change"] == Decimal("-32.1")


def test_the_breakdown_by_level_district_and_industry(client, bureau, city):
    levels = by_label(data(client, year=2027, by="level")["groups"])
    national = "National industrial tourism demonstration base"
    provincial = "Provincial industrial tourism demonstration point"
    assert (levels[national]["visitors"], levels[national]["visitors_change"]) == (2200, Decimal("-37.1"))
    assert (levels[provincial]["visitors"], levels[provincial]["visitors_change"]) == (450, Decimal("12.5"))
    districts = by_label(data(client, year=2027, by="district")["groups"])
    assert (districts["Shifeng District"]["visitors"], districts["Liling City"]["visitors"]) == (2200, 450)
    industries = data(client, year=2027, by="industry")
    assert by_label(industries["groups"])["Ceramics"]["visitors"] == 450
    assert industries["group_total"]["visitors"] == 2650


def test_published_only_leaves_out_what_the_bureau_has_not_published(client, bureau, city):
    rows = by_label(data(client, year=2027, published="on")["periods"])
    assert rows["2027-02"]["visitors"] == 0


def test_an_operator_sees_the_report_of_their_own_site_only(client, city):
    client.force_login(person("op-b", roles.OPERATOR, [city[1]]))
    context = data(client, year=2027)
    assert context["period_total"]["visitors"] == 450
    page = client.get(reverse("stats-report-csv"), {"year": 2027}).content.decode("utf-8-sig")
    assert "2650" not in page and "450" in page


def test_staff_without_a_site_or_the_permission_are_refused(client, city):
    client.force_login(person("op-none", roles.OPERATOR))
    for name in ("stats-report", "stats-report-csv", "stats-report-xlsx"):
        assert client.get(reverse(name)).status_code == 403
    client.logout()
    assert client.get(reverse("stats-report-csv")).status_code == 302  # to the login


def test_the_csv_holds_exactly_the_tables_shown(client, bureau, city):
    response = client.get(reverse("stats-report-csv"), {"year": 2027, "period": "quarter", "by": "district"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Period", "Reports", "Visitors"]
    assert rows[1] == ["2027 Q1", "3", "2650", "200", "26499.99", "0.00", "-19.7", "-19.7"]  # 26499.99 vs 33000.50
    assert rows[5][:3] == ["Total", "3", "2650"]
    assert rows[7] == ["2027"] and rows[8][0] == "district"
    districts = {row[0]: row for row in rows[9:]}
    assert districts["Shifeng District"][2] == "2200" and districts["Total"][2] == "2650"


def test_the_xlsx_holds_the_same_cells_with_numbers_as_numbers(client, bureau, city):
    response = client.get(reverse("stats-report-xlsx"), {"year": 2027})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    january = rows[1]
    assert january[:4] == ["2027-01", 2, 1650, 200] and january[4] == 16500
    assert january[6] == pytest.approx(26.9)
    assert rows[2][6] == pytest.approx(-50.0)  # a negative change stays a number, not a text
    csv_rows = list(csv.reader(io.StringIO(client.get(reverse("stats-report-csv"), {"year": 2027}).content
                                           .decode("utf-8-sig"))))  # fmt: skip
    assert len(rows) == len(csv_rows)


def test_text_that_a_spreadsheet_would_run_is_neutralised_and_numbers_are_not():
    assert export._cell('=HYPERLINK("http://evil")') == '\'=HYPERLINK("http://evil")'
    assert export._cell("@SUM(A1)") == "'@SUM(A1)"
    assert export._cell(Decimal("-12.5")) == Decimal("-12.5") and export._cell(-3) == -3
    response = export.xlsx_response("x.xlsx", [["=1+1", -2]], "t")
    cells = next(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert cells == ("'=1+1", -2)


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "1066"},
        {"year": "²"},
        {"period": "fortnight"},
        {"by": "<script>"},
        {"published": "maybe"},
    ],
)
def test_bad_parameters_show_the_default_with_a_message(client, bureau, city, query):
    for name in ("stats-report", "stats-report-csv", "stats-report-xlsx"):
        assert client.get(reverse(name), query).status_code == 200
    response = client.get(reverse(REPORT), query)
    bad = {"year", "period", "by"} & set(query)
    if bad:
        assert "Ignored" in response.content.decode()
    assert response.context["options"].year == 2027


def report_world(size):
    for n in range(size):
        site = make_site(level=["national", "provincial", "municipal"][n % 3], district="liling")
        SiteMonthReport.objects.bulk_create(
            SiteMonthReport(
                site=site, year=year, month=month, visitors=100 + n, tourism_revenue=Decimal("10.00"), published=True
            )  # fmt: skip
            for year in (2026, 2027)
            for month in range(1, 13 if year == 2026 else 3)
        )


def test_the_report_makes_the_same_queries_for_few_and_many_sites(client, bureau, django_assert_num_queries):
    report_world(2)
    client.get(reverse(REPORT))
    # Session, user and the permissions (3); the scope (1); the sums by month and by status (2). Nothing per site.
    with django_assert_num_queries(6) as small:
        client.get(reverse(REPORT), {"year": 2027, "period": "quarter"})
    report_world(20)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse(REPORT), {"year": 2027, "period": "quarter"})


# The public page ---------------------------------------------------------------------------------------------------


@pytest.fixture
def published_figures(city):
    from tests.test_events import make_event

    OfficialFigure.objects.create(key="national-bases", value=3, year=2024, source_zh="第1219号建议的答复",
                                  source_en="The reply to proposal no. 1219")  # fmt: skip
    cba = make_event(title_en="Factory basketball")
    EventReport.objects.create(event=cba, year=2023, period_zh="两个月赛程", period_en="two months of matches",
                               attendance=4000000, attendance_qualifier="more", spending=Decimal("400000000"),
                               spending_qualifier="about", source_zh="答复", source_en="The bureau's reply",
                               published=True)  # fmt: skip
    EventReport.objects.create(event=make_event(title_en="Secret fair"), year=2023, period_zh="一天",
                               attendance=77777, source_zh="草稿", published=False)  # fmt: skip


def test_the_public_page_shows_published_figures_with_source_and_period_only(client, published_figures):
    page = client.get("/en/figures/").content.decode()
    assert "The reply to proposal no. 1219" in page and "2024" in page
    assert "Factory basketball" in page and "more than" in page and "4,000,000" in page
    assert "about" in page and "400,000,000" in page and "two months of matches" in page
    assert "Secret fair" not in page and "77,777" not in page
    # Site totals: the published months only (2027-02 is not published), with the months they cover.
    assert "3,900" in page and "1,650" in page and "2,650" not in page
    assert "Illustrative" not in page


def test_illustrative_reports_are_labelled_on_the_public_page(client, city):
    SiteMonthReport.objects.filter(year=2026).update(illustrative=True)
    page = client.get("/en/figures/").content.decode()
    assert "Illustrative" in page and "demonstration data" in page


def test_the_public_page_says_when_nothing_is_published(client):
    page = client.get("/figures/?page=abc").content.decode()
    assert "尚未" in page or "has published no" in page


def public_world(size):
    from tests.test_events import make_event

    report_world(size)
    for n in range(size):
        EventReport.objects.create(event=make_event(), year=2023, period_zh="两天", attendance=n, source_zh="答复",
                                   published=True)  # fmt: skip


def test_the_public_page_makes_the_same_queries_for_few_and_many_figures(client, django_assert_num_queries):
    public_world(3)
    client.get("/figures/")
    # Official figures, the count and page of event figures with their events, the yearly sums (4).
    with django_assert_num_queries(4) as small:
        client.get("/figures/?page=1&x=1")  # another address: not the cached page
    public_world(30)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/figures/?page=2&x=2")


def test_the_report_changelist_makes_the_same_queries_for_few_and_many_reports(client, django_assert_num_queries):
    client.force_login(person("op", roles.OPERATOR, [make_site(), make_site()]))
    operator_sites = list(SiteMonthReport._meta.get_field("site").related_model.objects.all())
    changelist = reverse("admin:stats_sitemonthreport_changelist")
    for site in operator_sites:
        add(site, 2026, 1, 10)
    client.get(changelist)
    # Session, user and the permissions (4); the site filter's choices, the count, the page with sites and
    # reporters in one join, the years and the months of the filters (5). Nothing per row.
    with django_assert_num_queries(9) as small:
        client.get(changelist)
    for site in operator_sites:
        for month in range(2, 13):
            add(site, 2026, month, 10)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(changelist)


def test_the_exports_page_links_the_report(client, city):
    client.force_login(person("op-a", roles.OPERATOR, [city[0]]))
    assert reverse(REPORT) in client.get(reverse("backoffice-exports")).content.decode()
