"""Investment projects (招商项目): the public list with its totals, the project page, documents, the enquiry form
and its protections, the back office's scope and the demo's 7.5 billion yuan."""

import datetime
import io
import zlib
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from demo.loaders import invest as invest_demo
from invest import money
from invest.documents import validate_pdf
from invest.models import Enquiry, InvestmentProject, ProjectDocument, Stage, StageChange
from office import roles
from tests.factories import make_site, person

pytestmark = pytest.mark.django_db

YI = Decimal(100_000_000)


def make_project(**fields):
    n = InvestmentProject.objects.count() + 1
    defaults = {
        "name_zh": f"测试项目{n}",
        "name_en": f"Test project {n}",
        "slug": f"test-project-{n}",
        "summary_zh": "一个项目。",
        "summary_en": "A project.",
        "district": "shifeng",
        "industry": "rail",
        "project_type": "renovation",
        "financing_need": 2 * YI,
        "stage": Stage.SEEKING,
        "contact_office_zh": "市文旅局招商科",
        "published": True,
    }
    defaults.update(fields)
    return InvestmentProject.objects.create(**defaults)


def pdf_bytes(body=b"1 0 obj << /Type /Catalog >> endobj\n"):
    return b"%PDF-1.4\n" + body + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def upload(data, name="plan.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


# Demo data and figures ---------------------------------------------------------------------------------------


def test_the_demo_has_fifteen_projects_seeking_exactly_seven_and_a_half_billion_yuan(client):
    invest_demo.load()
    projects = InvestmentProject.objects.published()
    assert projects.count() == 15
    by_stage, (count, total) = projects.totals_by_stage()
    assert (count, total) == (15, Decimal("7500000000"))
    assert sum(row[2] for row in by_stage) == total and sum(row[1] for row in by_stage) == count
    page = client.get("/invest/").content.decode()
    assert "75 亿元" in page
    assert "7.5 billion yuan" in client.get("/en/invest/").content.decode()
    # The six the bureau names are there; every other one says it is illustrative.
    for name in ["株洲市工业文旅提升项目", "攸县工业记忆创意园", "株麻1937", "清水塘1956", "醴陵窑", "芦淞航空小镇"]:
        assert projects.filter(name_zh__contains=name).exists(), name
    assert projects.filter(illustrative=True).count() == 9
    assert InvestmentProject.objects.get(slug="zhuzhou-gongye-wenlv-tisheng").stage == Stage.APPROVED


def test_loading_the_demo_twice_adds_nothing():
    invest_demo.load()
    invest_demo.load()
    assert InvestmentProject.objects.count() == 15
    assert StageChange.objects.count() == sum(
        len(spec["stages"]) for spec in invest_demo.content.read("invest")["projects"]
    )


@pytest.mark.parametrize(
    ("yuan", "chinese", "english"),
    [
        ("7500000000", "75 亿元", "7.5 billion yuan"),
        ("1200000000", "12 亿元", "1.2 billion yuan"),
        ("300000000", "3 亿元", "300 million yuan"),
        ("50000000", "0.5 亿元", "50 million yuan"),
        ("1234567", "0.01 亿元", "1.23 million yuan"),
    ],
)
def test_financing_is_shown_in_yi_yuan_in_chinese_and_billions_or_millions_in_english(yuan, chinese, english):
    with translation.override("zh-hans"):
        assert money.amount(Decimal(yuan)) == chinese
    with translation.override("en"):
        assert money.amount(Decimal(yuan)) == english


# The list -------------------------------------------------------------------------------------------------------


def test_totals_by_stage_follow_the_filters_and_add_up(client):
    make_project(stage=Stage.PLANNED, financing_need=3 * YI, district="liling")
    make_project(stage=Stage.SEEKING, financing_need=2 * YI, district="liling")
    make_project(stage=Stage.SEEKING, financing_need=1 * YI, district="shifeng")
    make_project(stage=Stage.OPEN, financing_need=5 * YI, published=False)  # a draft counts nowhere
    response = client.get("/invest/?district=liling")
    by_stage, total = response.context["totals"]
    assert total == (2, 5 * YI)
    assert {stage.value: need for stage, _count, need in by_stage}["seeking"] == 2 * YI
    page = response.content.decode()
    assert "5 亿元" in page and "2 个项目" in page


def test_the_stage_filter_shows_only_that_stage(client):
    make_project(name_zh="在建甲", name_en="Building A", stage=Stage.BUILDING)
    make_project(name_zh="招商乙", name_en="Seeking B", stage=Stage.SEEKING)
    page = client.get("/en/invest/?stage=building").content.decode()
    assert "Building A" in page and "Seeking B" not in page


@pytest.mark.parametrize(
    "query",
    ["stage=nonsense", "district=%00", "industry=" + "x" * 500, "page=²", "page=99999999999999999999", "stage[]=1"],
)
def test_bad_parameters_are_ignored_with_a_message_never_a_500(client, query):
    make_project()
    response = client.get(f"/invest/?{query}")
    assert response.status_code == 200
    assert response.context["totals"][1][0] == 1


# The project page and its documents --------------------------------------------------------------------------


def test_the_project_page_shows_its_stages_in_order_with_dates_and_its_contact(client):
    project = make_project(stage=Stage.SIGNED, contact_phone="0731-2800 0000")
    StageChange.objects.create(project=project, stage=Stage.SIGNED, date=datetime.date(2024, 6, 1))
    StageChange.objects.create(project=project, stage=Stage.PLANNED, date=datetime.date(2024, 1, 5))
    page = client.get("/en/invest/test-project-1/").content.decode()
    timeline = page[page.index('class="stage-timeline"') :]
    assert timeline.index("Planned") < timeline.index("Signed")
    assert 'datetime="2024-01-05"' in page and "0731-2800 0000" in page
    assert "2 亿元" in client.get("/invest/test-project-1/").content.decode()


def test_a_draft_project_and_its_documents_are_not_found_by_visitors(client):
    project = make_project(published=False)
    doc = ProjectDocument.objects.create(project=project, title_zh="简介", file=upload(pdf_bytes()))
    assert client.get(project.get_absolute_url()).status_code == 404
    assert client.get(doc.get_absolute_url()).status_code == 404
    assert client.get(reverse("invest:enquiry", args=[project.slug])).status_code == 404


def test_a_document_downloads_as_a_pdf_attachment(client):
    project = make_project()
    doc = ProjectDocument.objects.create(
        project=project, title_zh="项目简介", title_en="Brief", file=upload(pdf_bytes())
    )
    response = client.get(doc.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert doc.size == len(pdf_bytes())
    # Stored outside MEDIA_ROOT under a name of our own: /media/ serves nothing of it.
    assert "plan" not in doc.file.name and client.get(f"/media/{doc.file.name}").status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00 not a pdf at all" * 10,
        b"<html><script>alert(1)</script></html>",
        pdf_bytes(b"1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n"),
        pdf_bytes(b"1 0 obj << /Type /Action /S /Launch /F (cmd.exe) >> endobj\n"),
        pdf_bytes(b"1 0 obj << /S /J#61vaScript /J#53 (x) >> endobj\n"),  # names hidden in #xx escapes
        pdf_bytes(b"1 0 obj << /Names << /EmbeddedFiles 2 0 R >> >> endobj\n"),
        pdf_bytes(
            b"2 0 obj << /Filter /FlateDecode >> stream\n"
            + zlib.compress(b"<< /AA << /O << /S /JavaScript /JS (x) >> >> >>")
            + b"\nendstream endobj\n"
        ),  # inside a compressed object stream
        b"%PDF-1.4\n1 0 obj << >> endobj\n",  # cut short: no end-of-file marker
    ],
)
def test_documents_that_are_not_plain_pdfs_are_refused(data):
    with pytest.raises(ValidationError):
        validate_pdf(upload(data))


def test_a_document_over_the_size_limit_is_refused(settings):
    settings.MAX_DOCUMENT_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        validate_pdf(upload(pdf_bytes(b"%" + b"x" * 2000 + b"\n")))
    assert refused.value.code == "too_large"


def test_a_plain_pdf_with_ordinary_streams_is_accepted():
    body = (
        b"3 0 obj << /Length 20 /Filter /FlateDecode >> stream\n" + zlib.compress(b"BT /F1 12 Tf ET") + b"\nendstream\n"
    )
    validate_pdf(upload(pdf_bytes(body)))


# The enquiry form ----------------------------------------------------------------------------------------------

ENQUIRY = {
    "company": "湘江文旅投资有限公司",
    "contact_name": "王经理",
    "phone": "0731-2888 8888",
    "email": "wang@example.com",
    "interest": "invest",
    "message": "想了解项目的投资规模和合作方式。",
}


def test_an_enquiry_reaches_the_bureaus_queue_and_its_mail_goes_after_the_commit(
    client, settings, django_capture_on_commit_callbacks
):
    settings.INVEST_ENQUIRY_EMAIL = "invest@bureau.example"
    project = make_project()
    url = reverse("invest:enquiry", args=[project.slug])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url, ENQUIRY)
        assert not mail.outbox  # nothing before the commit
    for callback in callbacks:
        callback()
    assert response.status_code == 302 and response["Location"].endswith("/enquire/sent/")
    enquiry = Enquiry.objects.get()
    assert (enquiry.project, enquiry.company, enquiry.phone) == (project, ENQUIRY["company"], "073128888888")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["invest@bureau.example"]
    assert ENQUIRY["company"] in mail.outbox[0].subject
    assert "wang@example.com" not in mail.outbox[0].body  # the contact stays in the back office
    assert client.get(response["Location"]).status_code == 200


def test_the_enquiry_page_has_a_privacy_notice_and_is_never_cached(client):
    project = make_project()
    response = client.get(reverse("invest:enquiry", args=[project.slug]))
    assert "no-store" in response["Cache-Control"]
    assert "365 天后删除" in response.content.decode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"phone": "", "email": ""}, "请填写电话或电子邮箱"),
        ({"email": "not-an-email", "phone": ""}, "有效"),
        ({"phone": "call me maybe"}, ""),
        ({"interest": "everything"}, ""),
        ({"company": ""}, ""),
        ({"company": "公" * 151}, ""),
        ({"message": "长" * 2001}, ""),
        ({"contact_name": "\x00"}, ""),
    ],
)
def test_a_bad_enquiry_is_refused_with_a_message_and_saves_nothing(client, change, message):
    project = make_project()
    response = client.post(reverse("invest:enquiry", args=[project.slug]), {**ENQUIRY, **change})
    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()
    assert message in response.content.decode()
    assert not Enquiry.objects.exists()


def test_enquiries_need_the_csrf_token():
    project = make_project()
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("invest:enquiry", args=[project.slug]), ENQUIRY).status_code == 403
    assert not Enquiry.objects.exists()


def test_enquiry_posts_are_rate_limited_per_address(client, settings):
    settings.INVEST_ENQUIRY_RATE_LIMIT = (3, 3600)
    project = make_project()
    url = reverse("invest:enquiry", args=[project.slug])
    codes = [client.post(url, ENQUIRY).status_code for _ in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert Enquiry.objects.count() == 3
    refused = client.post(url, ENQUIRY)
    assert refused["Retry-After"] == "3600" and "频繁" in refused.content.decode()
    other = client.post(url, ENQUIRY, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_contact_data_is_erased_after_the_retention_period_and_the_company_stays(settings):
    settings.INVEST_ENQUIRY_RETENTION_DAYS = 30
    project = make_project()
    old = Enquiry.objects.create(project=project, **ENQUIRY)
    recent = Enquiry.objects.create(project=project, **ENQUIRY)
    Enquiry.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    out = io.StringIO()
    call_command("erase_enquiry_contacts", stdout=out)
    assert "1 enquiry" in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.contact_name, old.phone, old.email, old.message) == ("", "", "", "")
    assert old.contact_erased_at is not None and old.company == ENQUIRY["company"]
    assert recent.email == ENQUIRY["email"]
    call_command("erase_enquiry_contacts", stdout=io.StringIO())  # a second run changes nothing
    assert Enquiry.objects.filter(contact_erased_at__isnull=False).count() == 1


# The back office ----------------------------------------------------------------------------------------------


@pytest.fixture
def world():
    site_a = make_site(name_zh="甲厂", slug="works-a")
    site_b = make_site(name_zh="乙厂", slug="works-b")
    return {
        "a": make_project(name_zh="甲项目", site=site_a, published=False),
        "b": make_project(name_zh="乙项目", site=site_b, published=False),
        "operator_a": person("op-a", roles.OPERATOR, [site_a]),
        "editor": person("editor", roles.EDITOR),
    }


def test_an_operator_sees_the_projects_at_their_own_sites_only_and_cannot_change_them(client, world):
    client.force_login(world["operator_a"])
    changelist = client.get(reverse("admin:invest_investmentproject_changelist")).content.decode()
    assert "甲项目" in changelist and "乙项目" not in changelist
    assert client.get(reverse("admin:invest_investmentproject_change", args=[world["b"].pk])).status_code == 404
    change_a = client.get(reverse("admin:invest_investmentproject_change", args=[world["a"].pk]))
    assert change_a.status_code == 200 and 'name="name_zh"' not in change_a.content.decode()  # read only
    response = client.post(reverse("admin:invest_investmentproject_change", args=[world["a"].pk]), {"name_zh": "改"})
    assert response.status_code == 403
    # Previews are scoped like the changelist.
    assert client.get(world["a"].get_absolute_url()).status_code == 200
    assert client.get(world["b"].get_absolute_url()).status_code == 404


def test_the_enquiry_queue_is_the_bureaus_alone(client, world):
    Enquiry.objects.create(project=world["a"], **ENQUIRY)
    client.force_login(world["operator_a"])
    assert client.get(reverse("admin:invest_enquiry_changelist")).status_code == 403
    client.force_login(world["editor"])
    page = client.get(reverse("admin:invest_enquiry_changelist"))
    assert page.status_code == 200 and ENQUIRY["company"] in page.content.decode()
    assert client.get(reverse("admin:invest_enquiry_add")).status_code == 403  # they come from investors
    assert client.get(reverse("admin:invest_enquiry_changelist") + "?created_at__year=99999").status_code == 200


def test_a_stage_changed_in_the_back_office_is_recorded_with_the_day_and_who(client, world):
    project = world["a"]
    client.force_login(world["editor"])
    url = reverse("admin:invest_investmentproject_change", args=[project.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data.update(
        {
            "site": project.site_id,
            "stage": Stage.SIGNED,
            "financing_need": "200000000",
            "stage_changes-TOTAL_FORMS": 0,
            "stage_changes-INITIAL_FORMS": 0,
            "documents-TOTAL_FORMS": 0,
            "documents-INITIAL_FORMS": 0,
        }
    )
    data = {key: value for key, value in data.items() if not isinstance(value, list)}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    change = StageChange.objects.get(project=project)
    assert (change.stage, change.changed_by, change.date) == (Stage.SIGNED, world["editor"], timezone.localdate())


def test_an_enquiry_changes_no_public_page(client):
    """Enquiries are not content: a new one leaves the data cache of the list as it was."""
    from core.pagecache import CATALOGUE, content_version

    project = make_project()
    before = content_version([CATALOGUE])
    Enquiry.objects.create(project=project, **ENQUIRY)
    assert content_version([CATALOGUE]) == before


def _change_form_data(client, url, **changes):
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data = {key: value for key, value in data.items() if not isinstance(value, list)}
    data.update(
        {
            "financing_need": "200000000",
            "stage_changes-TOTAL_FORMS": 0,
            "stage_changes-INITIAL_FORMS": 0,
            "documents-TOTAL_FORMS": 1,
            "documents-INITIAL_FORMS": 0,
            "documents-0-title_zh": "项目简介",
            "documents-0-position": 0,
        }
    )
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "saved"),
    [
        (pdf_bytes(), True),
        (pdf_bytes(b"1 0 obj << /OpenAction << /S /JavaScript /JS (x) >> >> endobj\n"), False),
        (b"\x89PNG\r\n\x1a\n not a pdf", False),
    ],
)
def test_documents_uploaded_in_the_back_office_are_checked(client, world, data, saved):
    client.force_login(world["editor"])
    url = reverse("admin:invest_investmentproject_change", args=[world["a"].pk])
    post = _change_form_data(client, url, site=world["a"].site_id, **{"documents-0-file": upload(data, "x.pdf")})
    response = client.post(url, post)
    assert response.status_code == (302 if saved else 200)
    assert ProjectDocument.objects.exists() == saved
    if not saved:
        assert response.context["inline_admin_formsets"][1].formset.errors[0]["file"]
