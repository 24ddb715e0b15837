"""The footer: every public section, grouped into columns a visitor can scan, and the language switch."""

import re

import pytest

pytestmark = pytest.mark.django_db

COLUMNS = {
    "探索": ["/sites/", "/heritage/", "/map/", "/events/", "/routes/", "/study-tours/"],
    "株洲工业": ["/demonstration-points/", "/figures/", "/gifts/"],
    "合作伙伴": ["/invest/", "/api/v1/docs/"],
}


def _footer(client, path):
    page = client.get(path).content.decode()
    return page[page.index('<footer class="site-footer">') :]


def _columns(footer):
    return {
        heading: re.findall(r'href="([^"]+)"', links)
        for heading, links in re.findall(r'<h2 class="footer-heading">([^<]+)</h2>\s*<ul[^>]*>(.*?)</ul>', footer, re.S)
    }


def test_the_footer_groups_every_public_section_in_columns(client):
    assert _columns(_footer(client, "/")) == COLUMNS


def test_the_english_footer_has_english_headings_and_english_addresses(client):
    columns = _columns(_footer(client, "/en/"))
    assert list(columns) == ["Explore", "Zhuzhou industry", "For partners"]
    assert columns["Explore"][-1] == "/en/study-tours/"


@pytest.mark.parametrize(("path", "switch"), [("/gifts/", 'href="/en/gifts/"'), ("/en/gifts/", 'href="/gifts/"')])
def test_the_footer_switches_language_on_the_same_page(client, path, switch):
    # The language link sits outside the cached fragments: it follows the page it is on.
    client.get("/")
    assert switch in _footer(client, path)
