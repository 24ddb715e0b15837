"""What the editor reads in the back office is what happened: a diff of real changes, the change log's words for a
proposed change, and times in Beijing time."""

import pytest
from django.urls import reverse
from django.utils import translation

from office import roles
from sites.models import Site
from tests.conftest import at
from tests.factories import add_photo, add_weekly_hours, make_site, person
from tests.test_backoffice_history import change_through_admin
from tests.test_backoffice_revisions import propose, url

# The real clock: the log finds a change's previous state by time, which a fixed clock makes equal.
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def site():
    site = make_site(name_en="Works A", slug="works-a", description_en="The hall.\nThe yard.")
    add_photo(site)
    add_weekly_hours(site)  # what publishing asks for
    return site


def _diff_rows(client, copy):
    page = client.get(url("sites_site_change", copy.pk)).context
    return [label for label, _old, _new in page["revision_changes"]]


def test_the_diff_shows_only_what_the_operator_changed_not_a_browsers_line_endings(client, site):
    client.force_login(person("op", roles.OPERATOR, [site]))
    # A browser sends a textarea's lines with \r\n.
    copy = propose(client, site, name_en="Works A, renewed", description_en="The hall.\r\nThe yard.")
    client.force_login(person("editor", roles.EDITOR))
    assert _diff_rows(client, copy) == ["name (English)"]


def test_the_change_log_shows_an_applied_proposed_change_as_applied_not_deleted(client, site):
    client.force_login(person("op", roles.OPERATOR, [site]))
    copy = propose(client, site, name_en="Works A, renewed")
    client.force_login(person("editor", roles.EDITOR))
    client.post(url("sites_site_apply-revision", copy.pk))
    page = client.get(reverse("audit-log"), {"kind": "site"}).content.decode()
    assert "<td>Proposed change applied</td>" in page and "<td>Proposed change closed</td>" in page
    assert "Deleted" not in page


def test_the_change_log_shows_publish_times_in_beijing_time(client, site):
    client.force_login(person("editor", roles.EDITOR))
    change_through_admin(client, site, publish_from_0="2027-03-05", publish_from_1="09:30:00")
    assert Site.objects.get(pk=site.pk).publish_from == at(2027, 3, 5, 9, 30)
    page = client.get(reverse("audit-log"), {"kind": "site", "change": "~"}).content.decode()
    assert "2027-03-05 09:30" in page
    assert "+00:00" not in page and "01:30" not in page
