import pytest

from tests.test_bookings_helpers import make_programme
from tests.test_events import make_event
from tests.test_routes import make_route

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_section_and_published_page_in_both_languages(client):
    programme = make_programme()
    event = make_event()
    route = make_route()
    body = client.get("/sitemap.xml").content.decode()
    for path in ["/events/", "/events/calendar/", "/routes/", "/study-tours/"]:
        assert f"{path}</loc>" in body
        assert f"/en{path}</loc>" in body
    for obj in (programme, event, route):
        assert f"{obj.get_absolute_url()}</loc>" in body
