"""The open data API's documentation page: Swagger UI from the vendored files, under the portal's Content Security
Policy, showing every operation and trying one out against the API itself."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_documentation_runs_under_the_csp_and_tries_the_api(request, live_server, screenshot, settings, device):
    settings.ALLOWED_HOSTS = ["*"]
    make_site(name_zh="中国陶瓷谷", name_en="China Ceramic Valley", slug="zhongguo-taoci-gu")
    page = request.getfixturevalue(device)
    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.get_by_role("heading", name="开放数据接口 · Open data API")).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/sites/{slug}/")).to_be_visible()
    assert page.locator(".opblock").count() == 14
    screenshot(page, f"api-docs-{device}", full_page=False)

    page.locator(".opblock-summary", has_text="/api/v1/vocabularies/").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table td.response-col_status").nth(1)).to_have_text("200")
    expect(page.locator(".live-responses-table")).to_contain_text("site_levels")
    screenshot(page, f"api-docs-tried-{device}", full_page=False)
    assert page.problems == []
