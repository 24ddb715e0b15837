"""Data is text in the browser: a name full of markup shows as those characters on every page with a map, and runs
nothing, for visitors and for an editor previewing it. Every page keeps to the Content Security Policy."""

import pytest
from playwright.sync_api import expect

from itineraries.models import Itinerary, Stop
from office import roles
from tests.browser.test_backoffice_browser import log_in
from tests.conftest import at
from tests.factories import add_illustrated_photo, add_weekly_hours, make_heritage, make_site, person
from tests.test_bookings_helpers import make_programme, make_slot
from tests.test_routes import add_date, make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVIL = '<img src=x onerror="window.__owned=1">厂<b>BA</b>'


@pytest.fixture
def evil_places(served_media):
    site = make_site(name_zh=EVIL, name_en=EVIL, slug="evil-works")
    add_illustrated_photo(site)
    add_weekly_hours(site)
    asset = make_heritage(name_zh=EVIL, name_en=EVIL, slug="evil-heritage")
    event = make_event(title_zh=EVIL, title_en=EVIL, slug="evil-event", site=site)
    add_date(event, at(2030, 7, 6, 19, 30), hours=1)
    route = Itinerary.objects.create(
        title_zh=EVIL, title_en=EVIL, slug="evil-route", theme="ceramics", summary_zh="路线", published=True
    )
    Stop.objects.create(itinerary=route, day=1, position=1, site=site)
    Stop.objects.create(itinerary=route, day=1, position=2, heritage=asset)
    return {"site": site, "asset": asset, "event": event, "route": route}


def _csp_violations(page):
    return [problem for problem in page.problems if "Content Security Policy" in problem]


def _nothing_ran(page):
    assert page.evaluate("window.__owned") is None
    assert page.locator(".leaflet-container img[src='x']").count() == 0


def test_a_name_with_markup_is_text_on_every_map(live_server, desktop, evil_places):
    page = desktop
    for path in ["/sites/evil-works/", "/heritage/evil-heritage/", "/events/evil-event/"]:
        page.goto(live_server.url + path)
        tooltip = page.locator(".leaflet-tooltip")
        tooltip.wait_for()
        assert tooltip.inner_text() == EVIL, path
        _nothing_ran(page)

    page.goto(live_server.url + "/map/")
    page.locator(".leaflet-interactive").first.wait_for()
    for marker in page.locator(".leaflet-interactive").all():
        marker.click(force=True)
        assert EVIL in page.locator(".leaflet-popup-content").last.inner_text()
    _nothing_ran(page)

    page.goto(live_server.url + "/routes/evil-route/")
    page.locator(".leaflet-marker-icon").first.click()
    assert EVIL in page.locator(".leaflet-popup-content").last.inner_text()
    _nothing_ran(page)
    assert not page.problems


def test_an_editor_previewing_a_proposed_name_with_markup_runs_nothing(live_server, desktop, served_media):
    site = make_site(name_zh=EVIL, slug="evil-draft", published=False, in_review=True)
    add_illustrated_photo(site)
    person("editor", roles.EDITOR)
    log_in(desktop, live_server.url, "editor")

    desktop.goto(f"{live_server.url}/sites/evil-draft/")
    desktop.locator(".leaflet-tooltip").wait_for()
    assert desktop.locator(".preview-banner").count() == 1
    assert desktop.locator(".leaflet-tooltip").inner_text() == EVIL
    _nothing_ran(desktop)


def test_pages_and_the_back_office_keep_to_the_content_security_policy(live_server, desktop, evil_places):
    person("editor", roles.EDITOR)
    site = evil_places["site"]
    programme = make_programme(site=site, slug="evil-programme")
    make_slot(programme, start=at(2030, 3, 15, 9))
    public = ["/", "/sites/", "/sites/evil-works/", "/map/", "/events/", "/events/calendar/", "/routes/evil-route/"]
    public += ["/study-tours/evil-programme/", "/study-tours/evil-programme/book/"]
    for path in public:
        response = desktop.goto(live_server.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
    log_in(desktop, live_server.url, "editor")
    for path in ["/admin/", f"/admin/sites/site/{site.pk}/change/", "/admin/sites/site/", "/admin/office/review/"]:
        desktop.goto(live_server.url + path)
        desktop.wait_for_load_state("load")
    assert not _csp_violations(desktop), _csp_violations(desktop)


def test_the_booking_forms_script_still_focuses_the_errors_under_the_policy(live_server, desktop, served_media):
    programme = make_programme(slug="csp-programme")
    slot = make_slot(programme, start=at(2030, 3, 15, 9))
    desktop.goto(f"{live_server.url}/study-tours/csp-programme/book/?slot={slot.pk}")
    desktop.click("button[type=submit]")
    # An assertion that polls from Playwright's side: a string predicate would be evaluated in the page, as code
    # the policy forbids.
    expect(desktop.locator("#form-errors")).to_be_focused()
    assert not _csp_violations(desktop)
