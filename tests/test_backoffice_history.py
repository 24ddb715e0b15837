"""The audit trail: who changed what and when, old → new, on the object and in the log; restoring a deletion."""

from unittest.mock import patch

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation

from bookings import services
from office import roles
from sites.models import OpeningPeriod, Site
from tests.factories import add_weekly_hours, make_heritage, make_site, person
from tests.test_bookings_helpers import NOW, make_programme, make_slot, service_kwargs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def change_through_admin(client, site, **changes):
    url = reverse("admin:sites_site_change", args=[site.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | tuple)}
    for prefix in ["photos", "periods", "exceptions"]:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    response = client.post(url, data | changes)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors


def test_an_admin_change_is_recorded_with_who_and_old_and_new_values(client):
    site = make_site(summary_zh="旧的介绍")
    editor = person("editor", roles.EDITOR)
    client.force_login(editor)
    change_through_admin(client, site, summary_zh="新的介绍")
    latest = site.history.latest()
    assert latest.history_user == editor
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(latest.prev_record).changes}
    assert changes["summary_zh"] == ("旧的介绍", "新的介绍")
    page = client.get(reverse("admin:sites_site_history", args=[site.pk])).content.decode()
    assert "新的介绍" in page and "editor" in page


def test_the_log_lists_changes_with_old_and_new_values_and_filters_by_user(client):
    site = make_site(summary_zh="旧的介绍")
    client.force_login(person("editor", roles.EDITOR))
    change_through_admin(client, site, summary_zh="新的介绍")
    page = client.get(reverse("audit-log"), {"kind": "site", "change": "~"}).content.decode()
    assert "旧的介绍 → 新的介绍" in page
    nobody = client.get(reverse("audit-log"), {"kind": "site", "user": "somebody-else"}).content.decode()
    assert "新的介绍" not in nobody


def test_an_operator_sees_only_their_sites_changes_in_the_log(client):
    site_a = make_site(name_zh="甲厂")
    make_site(name_zh="乙厂")
    client.force_login(person("op-a", roles.OPERATOR, [site_a]))
    page = client.get(reverse("audit-log"), {"kind": "site"}).content.decode()
    assert "甲厂" in page and "乙厂" not in page
    # Heritage is not the operator's: asking for it falls back to their own sites.
    make_heritage(name_zh="老厂房")
    assert "老厂房" not in client.get(reverse("audit-log"), {"kind": "heritageasset"}).content.decode()


def test_bad_log_filters_are_ignored_not_a_crash(client):
    client.force_login(person("editor", roles.EDITOR))
    response = client.get(reverse("audit-log"), {"since": "yesterday", "kind": "nope", "page": "x"})
    assert response.status_code == 200


def test_visitors_cannot_open_the_log(client):
    assert client.get(reverse("audit-log")).status_code == 302


def test_a_deleted_site_is_restored_with_its_hours_as_a_draft(client):
    site = make_site(name_zh="被删的厂", slug="deleted-works")
    add_weekly_hours(site)
    pk = site.pk
    client.force_login(person("editor", roles.EDITOR))
    client.post(reverse("admin:sites_site_delete", args=[pk]), {"post": "yes"})
    assert not Site.objects.filter(pk=pk).exists()
    record = Site.history.get(id=pk, history_type="-")
    page = client.get(reverse("audit-log"), {"kind": "site", "change": "-"}).content.decode()
    assert reverse("audit-restore", args=["site", record.history_id]) in page
    client.post(reverse("audit-restore", args=["site", record.history_id]))
    restored = Site.objects.get(pk=pk)
    assert restored.slug == "deleted-works" and not restored.published and restored.in_review
    assert OpeningPeriod.objects.filter(site=restored).count() == 7


def test_an_operator_cannot_restore_anything(client):
    site = make_site()
    pk = site.pk
    site.delete()
    record = Site.history.get(id=pk, history_type="-")
    client.force_login(person("op", roles.OPERATOR, []))
    assert client.post(reverse("audit-restore", args=["site", record.history_id])).status_code == 403
    assert not Site.objects.filter(pk=pk).exists()


def test_booking_changes_are_recorded_without_the_organisers_contact_data():
    with patch("django.utils.timezone.now", return_value=NOW):
        slot = make_slot(make_programme())
        booking, _ = services.create_booking(**service_kwargs(slot))
        staff = User.objects.create_superuser("boss", "boss@example.com", "a-long-password-1")
        services.confirm_booking(booking=booking, user=staff)
    statuses = [r.status for r in booking.history.order_by("history_date")]
    assert statuses[0] == "requested" and statuses[-1] == "confirmed"
    assert not hasattr(booking.history.first(), "organiser_email")
