"""The language switcher and the hreflang alternates always point at this site, whatever path was asked for."""

import re
from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.django_db


def switch_links(page):
    return re.findall(r'<a href="([^"]*)" lang="(?:en|zh-Hans)" hreflang=', page)


def alternates(page):
    return re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]*)">', page)


@pytest.mark.parametrize(
    "path",
    ["//evil.example/sites/", "/%5Cevil.example/", "/%5C%5Cevil.example/sites/", "/en//evil.example/", "/sites/"],
)
def test_language_links_stay_on_this_site(client, path):
    # As a server hands it over: the client would read "//host/…" as a host.
    page = client.get("/", PATH_INFO=unquote(path)).content.decode()
    links = switch_links(page)
    assert links, path
    for link in links:
        assert link.startswith("/") and not link.startswith("//"), link
        assert "\\" not in link, link
    for link in alternates(page):
        assert link.startswith("http://testserver/"), link
        assert "\\" not in link and "evil.example/" not in link.split("/", 3)[2], link


def test_the_english_link_of_a_page_is_its_english_address(client):
    assert "/en/sites/?q=%E9%99%B6" in switch_links(client.get("/sites/?q=陶").content.decode())
