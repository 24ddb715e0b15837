"""The whole path of a municipal demonstration point in the browser: the operator applies on a phone, two assessors
score, the administrator decides, the site's level changes and the public list shows it."""

import pytest
from django.utils import timezone

from accreditation.models import Application, Stage
from sites.models import Site
from tests.accreditation_world import criteria, make_world, pdf_bytes
from tests.browser.conftest import DESKTOP, PHONE, _open
from tests.browser.test_accessibility import AXE, _violations
from tests.factories import STAFF_PASSWORD, add_illustrated_photo, add_weekly_hours

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")


@pytest.fixture
def pages(browser):
    opened = []

    def new(options=DESKTOP):
        context, page = _open(browser, options)
        opened.append(context)
        return page

    yield new
    for context in opened:
        context.close()


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def score_all(page, scheme, points):
    for code, criterion in criteria(scheme).items():
        page.fill(f"#id_c{criterion.pk}-points", str(points[code]))
        page.fill(f"#id_c{criterion.pk}-comment", f"{code}：现场核实，材料齐全。")


def test_an_operator_applies_two_assessors_score_and_the_administrator_accredits(
    live_server, pages, screenshot, tmp_path
):
    world = make_world(timezone.now())
    site = world["a"]
    add_illustrated_photo(site)
    add_weekly_hours(site)
    base = live_server.url
    scheme = world["scheme"]

    # The operator opens an application on their phone, answers, uploads a PDF, saves a draft, then submits.
    operator = pages(PHONE)
    log_in(operator, base, "op-a")
    operator.goto(f"{base}/admin/accreditation/desk/")
    assert "乙厂" not in operator.locator("#id_site").inner_text()
    screenshot(operator, "accreditation-desk-phone")
    operator.select_option("#id_site", str(site.pk))
    submit(operator, "form[action$='/start/'] button[type=submit]")
    operator.wait_for_url("**/answers/")
    application = Application.objects.get()
    evidence = tmp_path / "安全生产证明.pdf"
    evidence.write_bytes(pdf_bytes())
    by_code = criteria(scheme)
    for code, criterion in by_code.items():
        operator.fill(f"#id_c{criterion.pk}-text", f"{code}：我们的做法与成效。")
    operator.set_input_files(f"#id_c{by_code['B1'].pk}-files", str(evidence))
    screenshot(operator, "accreditation-answers-phone")
    axe = {"answers": _violations(operator)} if AXE.exists() else {}
    submit(operator, "button[name=save]")
    assert "草稿已保存" in operator.content()
    assert "安全生产证明.pdf" in operator.content()
    submit(operator, "button[name=submit]")
    operator.wait_for_url(f"{base}/admin/accreditation/desk/{application.pk}/")
    assert "已提交" in operator.content()

    # A bureau editor assigns two assessors.
    editor = pages()
    log_in(editor, base, "editor")
    editor.goto(f"{base}/admin/accreditation/desk/{application.pk}/")
    screenshot(editor, "accreditation-assign-desktop")
    editor.check(f"input[name=assessors][value='{world['x'].pk}']")
    editor.check(f"input[name=assessors][value='{world['y'].pk}']")
    submit(editor, "form[action$='/assign/'] button[type=submit]")
    assert "已指派评审专家" in editor.content()

    # Each assessor declares no conflict and scores; the first cannot see the second's scores, nor the other way.
    for username, points in [("assessor-x", {"A1": 9, "A2": 8, "B1": 9}), ("assessor-y", {"A1": 6, "A2": 8, "B1": 8})]:
        assessor = pages()
        log_in(assessor, base, username)
        assessor.goto(f"{base}/admin/accreditation/desk/{application.pk}/assessment/")
        assessor.check("input[name=has_conflict][value=no]")
        submit(assessor, "form:has(input[name=has_conflict]) button[type=submit]")
        assessor.wait_for_url(f"{base}/admin/accreditation/desk/{application.pk}/assessment/")
        assert "现场核实" not in assessor.content()
        score_all(assessor, scheme, points)
        screenshot(assessor, f"accreditation-scoring-{username}-desktop")
        if AXE.exists():
            axe[f"scoring by {username}"] = _violations(assessor)
        submit(assessor, "button[name=send]")
        assessor.wait_for_url(f"{base}/admin/accreditation/desk/{application.pk}/")
    assert "专家意见分歧" in assessor.content()  # A1: 9 and 6, more than the margin of 2
    screenshot(assessor, "accreditation-results-desktop")
    if AXE.exists():
        axe["results"] = _violations(assessor)

    # The administrator decides; the site's level changes.
    administrator = pages()
    log_in(administrator, base, "administrator")
    administrator.goto(f"{base}/admin/accreditation/desk/{application.pk}/")
    administrator.check("input[name=outcome][value=accredit]")
    submit(administrator, "form[action$='/decide/'] button[type=submit]")
    assert "认定结论已记录" in administrator.content()
    site = Site.objects.get(pk=site.pk)
    assert (site.level, site.level_year) == ("municipal", timezone.localdate().year)
    assert Application.objects.get().stage == Stage.DECIDED
    administrator.goto(f"{base}/admin/accreditation/desk/{application.pk}/report/")
    assert "评审报告" in administrator.content()
    screenshot(administrator, "accreditation-report-desktop")
    if AXE.exists():
        axe["report"] = _violations(administrator)
    administrator.emulate_media(media="print")
    screenshot(administrator, "accreditation-report-print")

    # The public list and the site's page show it, on a phone and a desktop.
    visitor = pages(PHONE)
    visitor.goto(f"{base}/demonstration-points/")
    assert "甲厂" in visitor.content() and "市级工业旅游示范点" in visitor.content()
    screenshot(visitor, "accreditation-points-phone")
    desktop = pages()
    desktop.goto(f"{base}/demonstration-points/")
    screenshot(desktop, "accreditation-points-desktop")
    desktop.goto(f"{base}/sites/{site.slug}/")
    assert "由株洲市文旅局认定" in desktop.content()
    screenshot(desktop, "accreditation-site-panel-desktop")
    for page in [operator, editor, assessor, administrator, visitor, desktop]:
        assert not page.problems, page.problems
    # axe-core over the desk's pages, as over the public ones: no violation.
    assert not any(axe.values()), axe
