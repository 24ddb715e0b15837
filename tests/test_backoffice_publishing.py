"""Draft → in review → published, publish windows at fixed times, and the checks before publishing."""

import datetime
import io
from unittest.mock import patch

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from core import pagecache
from core.publishing import PublicationStatus
from events.models import Event
from itineraries.models import Itinerary, Stop
from office import roles
from sites.models import HeritageAsset, Site
from tests.conftest import at
from tests.factories import add_photo, add_weekly_hours, make_heritage, make_site

pytestmark = pytest.mark.django_db

NOW = at(2027, 5, 1, 12)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", "editor@example.com", "a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.EDITOR))
    client.force_login(user)
    return user


def scheduled_site(**fields):
    return make_site(publish_from=at(2027, 5, 1, 9), publish_until=at(2027, 5, 31, 18), **fields)


@pytest.mark.parametrize(
    ("moment", "public"),
    [
        (at(2027, 5, 1, 8, 59), False),
        (at(2027, 5, 1, 9), True),
        (at(2027, 5, 31, 17, 59), True),
        (at(2027, 5, 31, 18), False),
    ],
)
def test_a_site_is_public_only_inside_its_publish_window(moment, public):
    site = scheduled_site()
    assert Site.objects.published(now=moment).filter(pk=site.pk).exists() is public
    assert site.is_live(moment) is public


def test_the_status_says_draft_review_scheduled_published_and_expired():
    assert make_site(published=False).publication_status(NOW) == PublicationStatus.DRAFT
    assert make_site(published=False, in_review=True).publication_status(NOW) == PublicationStatus.REVIEW
    assert make_site(publish_from=at(2027, 6, 1)).publication_status(NOW) == PublicationStatus.SCHEDULED
    assert make_site(publish_until=at(2027, 4, 1)).publication_status(NOW) == PublicationStatus.EXPIRED
    assert make_site().publication_status(NOW) == PublicationStatus.PUBLISHED


def test_the_public_page_follows_the_window(client):
    site = scheduled_site(slug="windowed")
    with patch("django.utils.timezone.now", return_value=at(2027, 4, 30, 12)):
        assert client.get(site.get_absolute_url()).status_code == 404
    with patch("django.utils.timezone.now", return_value=at(2027, 5, 2, 12)):
        assert client.get(site.get_absolute_url()).status_code == 200
    with patch("django.utils.timezone.now", return_value=at(2027, 6, 2, 12)):
        assert client.get(site.get_absolute_url()).status_code == 404


def test_a_route_hides_a_stop_whose_site_is_not_yet_public():
    site = make_site(publish_from=at(2027, 6, 1))
    route = Itinerary.objects.create(title_zh="路线", slug="route-x", theme="rail", published=True)
    Stop.objects.create(itinerary=route, site=site)
    with patch("django.utils.timezone.now", return_value=NOW):
        assert not Stop.objects.visible().exists()
    with patch("django.utils.timezone.now", return_value=at(2027, 6, 2)):
        assert Stop.objects.visible().exists()


def test_staff_preview_a_draft_at_its_public_address_and_visitors_get_404(client, editor):
    draft = make_site(published=False, slug="draft-works")
    heritage = make_heritage(published=False, slug="draft-heritage")
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert client.get(heritage.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(heritage.get_absolute_url()).status_code == 404


def test_publishing_lists_what_is_missing_and_publishes_nothing(client, editor):
    site = make_site(published=False, name_en="", latitude=None, longitude=None)
    response = client.post(
        reverse("admin:sites_site_changelist"), {"action": "publish", "_selected_action": [site.pk]}, follow=True
    )
    message = " ".join(str(m) for m in response.context["messages"])
    for missing in ["an English name", "a photo with alt text", "coordinates", "opening hours"]:
        assert missing in message
    assert not Site.objects.get(pk=site.pk).published


def test_a_complete_site_in_review_is_published_by_the_editor(client, editor):
    site = make_site(published=False, in_review=True)
    add_photo(site)
    add_weekly_hours(site)
    client.post(reverse("admin:sites_site_changelist"), {"action": "publish", "_selected_action": [site.pk]})
    site.refresh_from_db()
    assert site.published and not site.in_review


def test_publishing_heritage_needs_names_photo_and_coordinates(client, editor):
    asset = make_heritage(published=False)
    client.post(reverse("admin:sites_heritageasset_changelist"), {"action": "publish", "_selected_action": [asset.pk]})
    assert not HeritageAsset.objects.get(pk=asset.pk).published


def test_an_event_without_dates_cannot_be_published(client, editor):
    event = Event.objects.create(
        title_zh="厂BA", title_en="Factory BA", slug="cba", venue_name_zh="体育馆", district="tianyuan"
    )
    assert "at least one date" in [str(m) for m in event.missing_for_publication()]


def test_a_publish_window_that_ends_before_it_starts_is_refused():
    site = make_site()
    site.publish_from, site.publish_until = at(2027, 5, 2), at(2027, 5, 1)
    with pytest.raises(ValidationError, match="after publish from"):
        site.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        site.save()


def test_publish_scheduled_refreshes_cached_pages_when_a_window_opens(tmp_path, settings):
    settings.PAGE_CACHE_VERSION_FILE = tmp_path / "version"
    make_site(publish_from=at(2027, 5, 1, 12, 1))
    with patch("django.utils.timezone.now", return_value=at(2027, 5, 1, 12)):
        call_command("publish_scheduled", stdout=io.StringIO())
    before = pagecache.content_version()
    with patch("django.utils.timezone.now", return_value=at(2027, 5, 1, 12, 1) + datetime.timedelta(seconds=30)):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert pagecache.content_version() != before


def test_publish_scheduled_leaves_the_cache_alone_when_nothing_changed(tmp_path, settings):
    settings.PAGE_CACHE_VERSION_FILE = tmp_path / "version"
    make_site(publish_from=at(2027, 7, 1))
    with patch("django.utils.timezone.now", return_value=NOW):
        call_command("publish_scheduled", stdout=io.StringIO())
    before = pagecache.content_version()
    with patch("django.utils.timezone.now", return_value=NOW + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert pagecache.content_version() == before


def test_publish_scheduled_empties_the_page_of_a_row_whose_window_closes(tmp_path, settings):
    """Detail pages depend on their rows, not on the whole catalogue: the row's own version is bumped too."""
    settings.PAGE_CACHE_VERSION_FILE = tmp_path / "version"
    closing = make_site(publish_until=at(2027, 5, 1, 12, 1))
    other = make_site()
    with patch("django.utils.timezone.now", return_value=at(2027, 5, 1, 12)):
        call_command("publish_scheduled", stdout=io.StringIO())
    tags = [pagecache.row_tag(Site, closing.pk), pagecache.row_tag(Site, other.pk)]
    before = pagecache.row_versions(tags)
    with patch("django.utils.timezone.now", return_value=at(2027, 5, 1, 12, 2)):
        call_command("publish_scheduled", stdout=io.StringIO())
    after = pagecache.row_versions(tags)
    assert after[tags[0]] != before[tags[0]]
    assert after[tags[1]] == before[tags[1]]
