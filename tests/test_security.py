"""Holes found by attacking the portal with staff accounts and crafted requests, each closed with a test first."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


# A Content Security Policy on every response --------------------------------------------------------------------


def test_every_page_forbids_inline_script_and_allows_the_tile_server(client, settings):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy and "unsafe-inline" not in policy
    assert "https://tile.openstreetmap.org" in policy.split("img-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_the_tile_servers_subdomains_are_allowed_by_a_wildcard():
    from zhuzhou_tourism.settings import _tile_source

    assert _tile_source("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}") == "https://webrd0*.is.autonavi.com"
    assert _tile_source("https://{s}.tile.example/{z}/{x}/{y}.png") == "https://*.tile.example"
    assert _tile_source("") is None


@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_the_server_error_page_keeps_its_own_styles_and_no_script(rf):
    from django.middleware.csp import ContentSecurityPolicyMiddleware

    from zhuzhou_tourism.views import server_error

    response = ContentSecurityPolicyMiddleware(lambda request: server_error(request))(rf.get("/"))
    policy = response.headers["Content-Security-Policy"]
    assert response.status_code == 500
    assert "style-src 'self' 'unsafe-inline'" in policy and "script-src 'self';" in policy
