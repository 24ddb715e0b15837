"""Schools can reach whoever takes bookings: the programme's own booking phone and email, else the site's, on the
programme page, in every booking mail, and on the manage page once it is too late to cancel online."""

from unittest.mock import patch

import pytest
from django.core import mail

from bookings import services
from tests.conftest import at
from tests.factories import make_site
from tests.test_bookings_helpers import NOW, make_programme, make_slot, service_kwargs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("at_noon_on_monday")]


def _en(path):
    return "/en" + path.removeprefix("/en")


@pytest.fixture
def site():
    return make_site(phone="0731-0000 0101", email="visits@works.example")


def test_the_programme_page_shows_the_sites_booking_phone_and_email(client, site):
    programme = make_programme(site)
    html = client.get(_en(programme.get_absolute_url())).content.decode()
    assert 'href="tel:0731-00000101"' in html and 'href="mailto:visits@works.example"' in html


def test_a_programme_s_own_booking_contact_overrides_the_site_s(client, site):
    programme = make_programme(site, booking_phone="0731-0000 0202", booking_email="study@works.example")
    html = client.get(_en(programme.get_absolute_url())).content.decode()
    assert "0731-0000 0202" in html and "study@works.example" in html
    assert "0731-0000 0101" not in html and "visits@works.example" not in html


def test_every_booking_mail_gives_the_booking_contact(site, django_capture_on_commit_callbacks):
    programme = make_programme(site, booking_email="study@works.example")
    slot = make_slot(programme)
    with django_capture_on_commit_callbacks(execute=True):
        booking, _created = services.create_booking(**service_kwargs(slot))
        services.cancel_booking(booking=booking, now=NOW)
    to_organiser = [message for message in mail.outbox if message.to == ["wang@school.example"]]
    assert len(to_organiser) == 2
    for message in to_organiser:
        assert "0731-0000 0101" in message.body and "study@works.example" in message.body


def test_after_the_cut_off_the_manage_page_says_whom_to_call(client, site, settings):
    settings.BOOKING_CANCEL_CUTOFF_HOURS = 48
    programme = make_programme(site, booking_phone="0731-0000 0202")
    booking, _created = services.create_booking(**service_kwargs(make_slot(programme, at(2027, 3, 15, 9))))
    with patch("django.utils.timezone.now", return_value=at(2027, 3, 13, 9, 1)):
        html = client.get(_en(booking.manage_path())).content.decode()
    assert "too late to cancel online" in html
    assert 'href="tel:0731-00000202"' in html and 'href="mailto:visits@works.example"' in html


def test_every_demo_programme_gives_a_booking_phone_and_email():
    from pathlib import Path

    import yaml
    from django.conf import settings

    data = Path(settings.BASE_DIR) / "demo" / "data"
    sites = {site["slug"]: site for site in yaml.safe_load((data / "sites.yaml").read_text())["sites"]}
    for programme in yaml.safe_load((data / "study_tours.yaml").read_text())["programmes"]:
        for slug in [programme["site"], *programme.get("fallback_sites", [])]:
            site = sites[slug]
            assert programme.get("booking_phone") or site.get("phone"), slug
            assert programme.get("booking_email") or site.get("email"), slug
