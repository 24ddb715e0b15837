"""axe-core over every public page type, in both languages, and the booking form: no violation at all, whatever
its impact. axe-core is vendored under tests/vendor/axe-core (npm axe-core, pinned in its package.json): it is a
test tool, not something visitors load."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.test_page_snapshots import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe-core" / "axe.min.js"
HTML_PAGES = [path for path in PAGES if not path.startswith(("/sitemap", "/robots", "/map/places"))]


@pytest.fixture
def demo(served_media):
    call_command("load_demo_data", stdout=io.StringIO())


def _violations(page):
    # Evaluated through the DevTools protocol, which the page's Content Security Policy does not govern.
    page.evaluate(AXE.read_text())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def test_no_public_page_has_an_accessibility_violation(live_server, phone, demo):
    if not AXE.exists():
        pytest.skip(f"{AXE} is missing; vendor npm axe-core there")
    found = {}
    for prefix in ("", "/en"):
        for path in HTML_PAGES:
            phone.goto(live_server.url + prefix + path)
            if violations := _violations(phone):
                found[prefix + path] = violations
    assert not found, "\n".join(f"{url}: {v}" for url, vs in found.items() for v in vs)
