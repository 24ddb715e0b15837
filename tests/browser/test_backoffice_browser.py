"""An operator edits their site on a phone; a bureau editor publishes it from the list on a desktop."""

import pytest
from django.utils import translation

from office import roles
from sites.models import Site
from tests.factories import STAFF_PASSWORD, add_illustrated_photo, add_weekly_hours, make_site, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")


@pytest.fixture
def crrc():
    site = make_site(name_zh="中车株机", name_en="CRRC Zhuzhou", slug="crrc-works", published=False, level="national")
    add_illustrated_photo(site)
    add_weekly_hours(site)
    make_site(name_zh="醴陵陶瓷谷", slug="ceramic-valley")
    return site


def test_an_operator_edits_their_site_and_an_editor_publishes_it(live_server, phone, desktop, crrc, screenshot):
    person("crrc-operator", roles.OPERATOR, [crrc])
    person("editor", roles.EDITOR)

    log_in(phone, live_server.url, "crrc-operator")
    screenshot(phone, "backoffice-operator-dashboard-phone")
    assert "醴陵陶瓷谷" not in phone.content()
    phone.goto(f"{live_server.url}/admin/sites/site/{crrc.pk}/change/")
    assert phone.locator("#id_published").count() == 0  # read-only for an operator
    phone.fill("#id_summary_zh", "中国第一台电力机车诞生的地方，可参观总装车间。")
    phone.click("input[name=_save]")
    phone.wait_for_url(f"{live_server.url}/admin/sites/site/")
    screenshot(phone, "backoffice-operator-saved-phone")
    crrc.refresh_from_db()
    assert crrc.in_review and not crrc.published

    log_in(desktop, live_server.url, "editor")
    screenshot(desktop, "backoffice-editor-dashboard-desktop")
    desktop.goto(f"{live_server.url}/admin/sites/site/?publication=review")
    desktop.check(f"input[name=_selected_action][value='{crrc.pk}']")
    desktop.select_option("select[name=action]", "publish")
    desktop.click("button[name=index]")
    desktop.wait_for_load_state()
    screenshot(desktop, "backoffice-editor-published-desktop")
    crrc = Site.objects.get(pk=crrc.pk)
    assert crrc.published and not crrc.in_review

    desktop.goto(f"{live_server.url}/admin/office/log/?kind=site")
    assert "可参观总装车间" in desktop.content()  # the operator's change, old → new
    screenshot(desktop, "backoffice-change-log-desktop")
    desktop.goto(f"{live_server.url}/admin/office/exports/")
    screenshot(desktop, "backoffice-exports-desktop")

    desktop.context.clear_cookies()
    with translation.override("zh-hans"):  # another test may have left English active in this thread
        public = crrc.get_absolute_url()
    response = desktop.goto(f"{live_server.url}{public}")
    assert response.status == 200
    assert "可参观总装车间" in desktop.content()
    assert not phone.problems and not desktop.problems


def test_an_operators_change_to_a_published_site_waits_for_the_editor(live_server, phone, desktop, crrc, screenshot):
    Site.objects.filter(pk=crrc.pk).update(published=True)
    person("crrc-operator", roles.OPERATOR, [crrc])
    person("editor", roles.EDITOR)
    with translation.override("zh-hans"):
        public = f"{live_server.url}{crrc.get_absolute_url()}"

    log_in(phone, live_server.url, "crrc-operator")
    phone.goto(f"{live_server.url}/admin/sites/site/{crrc.pk}/change/")
    assert phone.locator("input[name=_save]").count() == 0  # the published listing is not edited in place
    screenshot(phone, "backoffice-operator-published-site-phone")
    phone.click("form[action$='/revise/'] button")
    phone.fill("#id_summary_zh", "新开放机车总装车间参观通道。")
    phone.click("input[name=_save]")
    phone.wait_for_load_state()
    copy = Site.objects.get(draft_of=crrc)
    assert copy.summary_zh == "新开放机车总装车间参观通道。" and copy.in_review

    visitor = desktop.context.browser.new_context()
    anonymous = visitor.new_page()
    anonymous.goto(public)
    assert "新开放机车总装车间参观通道" not in anonymous.content()  # visitors still see the published page

    log_in(desktop, live_server.url, "editor")
    desktop.click("a.bo-tile--alert[href$='/office/review/']")  # the dashboard: 1 waiting for review
    desktop.wait_for_url(f"{live_server.url}/admin/office/review/")
    screenshot(desktop, "backoffice-review-queue-desktop")
    desktop.click(f"a[href$='/admin/sites/site/{copy.pk}/change/']")
    desktop.wait_for_url(f"{live_server.url}/admin/sites/site/{copy.pk}/change/")
    assert "<ins>新开放机车总装车间参观通道。</ins>" in desktop.content()
    screenshot(desktop, "backoffice-editor-proposed-change-desktop")
    desktop.goto(f"{live_server.url}{copy.get_absolute_url()}")
    assert desktop.locator(".preview-banner").is_visible()
    screenshot(desktop, "backoffice-editor-preview-desktop")
    desktop.go_back()
    desktop.click("form[action$='/apply-revision/'] button")
    desktop.wait_for_url(f"{live_server.url}/admin/sites/site/{crrc.pk}/change/")

    anonymous.goto(public)
    assert "新开放机车总装车间参观通道" in anonymous.content()
    assert not Site.objects.filter(draft_of=crrc).exists()
    visitor.close()
    assert not phone.problems and not desktop.problems
