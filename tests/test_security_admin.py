"""Staff accounts attacking the back office: every shortcut, revert, preview and status change is scoped and goes
through the same rules as the admin's own forms. Personas: the operators of sites A and B, and a bureau editor."""

from unittest.mock import patch

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone

from bookings import services
from bookings.models import BookingStatus, SlotStatus, TimeSlot
from office import roles
from sites.models import Site
from tests.conftest import at
from tests.factories import add_photo, add_weekly_hours, make_site, person
from tests.test_bookings_helpers import NOW, make_programme, make_slot, service_kwargs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_time_in_english")]


@pytest.fixture
def world():
    site = make_site(name_zh="甲厂", name_en="Works A", slug="works-a")
    add_photo(site, alt_zh="甲厂外景")
    add_weekly_hours(site)
    other = make_site(name_zh="乙厂", name_en="Works B", slug="works-b")
    return {
        "site": site,
        "other": other,
        "operator": person("op-a", roles.OPERATOR, [site]),
        "operator_b": person("op-b", roles.OPERATOR, [other]),
        "editor": person("editor", roles.EDITOR),
    }


def book(slot, **overrides):
    booking, _created = services.create_booking(**service_kwargs(slot, **overrides))
    return booking


def shortcut(obj):
    return reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


# 2. The view-on-site shortcut ------------------------------------------------------------------------------------


def test_no_staff_account_reaches_a_bookings_private_link_through_the_shortcut(client, world):
    booking = book(make_slot(make_programme(site=world["site"])))
    for user in (world["operator"], world["operator_b"], world["editor"]):
        client.force_login(user)
        response = client.get(shortcut(booking))
        assert response.status_code == 404
        assert booking.secret not in response.get("Location", "")
    assert not hasattr(booking, "get_absolute_url")  # a URL with a secret is no "view on site" link


def test_the_shortcut_opens_only_what_the_admin_would_show(client, world):
    draft_b = make_site(slug="draft-b", published=False)
    draft_b.operators.add(world["operator_b"])
    client.force_login(world["operator"])
    assert client.get(shortcut(draft_b)).status_code == 404
    assert client.get(shortcut(world["site"]))["Location"].endswith("/sites/works-a/")
    client.force_login(world["editor"])
    assert client.get(shortcut(draft_b))["Location"].endswith("/sites/draft-b/")


# 3. History revert ---------------------------------------------------------------------------------------------


def test_an_operator_cannot_change_a_published_listing_through_history_revert(client, world):
    site = world["site"]
    old = site.history.earliest()
    Site.objects.filter(pk=site.pk).update(summary_zh="现在的简介")
    client.force_login(world["operator"])
    page = client.get(reverse("admin:sites_site_simple_history", args=[site.pk, old.history_id]))
    form = page.context["adminform"].form if page.status_code == 200 else None
    data = {k: v for k, v in (form.initial if form else {}).items() if v is not None and not isinstance(v, list)}
    data["summary_zh"] = "绕过审核的修改"
    response = client.post(reverse("admin:sites_site_simple_history", args=[site.pk, old.history_id]), data)
    assert response.status_code in (403, 405)
    site.refresh_from_db()
    assert site.summary_zh == "现在的简介"


def test_a_cancelled_booking_cannot_be_revived_through_history_revert(client, world):
    slot = make_slot(make_programme(site=world["site"]), capacity=60)
    booking = book(slot)
    confirmed = booking.history.latest()
    with patch("django.utils.timezone.now", return_value=NOW):
        services.cancel_booking(booking=booking, user=world["editor"], reason="场地检修")
    client.force_login(world["editor"])
    url = reverse("admin:bookings_booking_simple_history", args=[booking.pk, confirmed.history_id])
    response = client.post(url, {"status": BookingStatus.REQUESTED, "slot": slot.pk})
    assert response.status_code in (403, 405)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_history_pages_can_still_be_read_but_offer_no_revert_button(client, world):
    client.force_login(world["editor"])
    site = world["site"]
    response = client.get(reverse("admin:sites_site_simple_history", args=[site.pk, site.history.earliest().pk]))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()


# 4. Slot status only through the services ----------------------------------------------------------------------


def _slot_form(programme_id, **fields):
    """The slot form as staff post it: 20 March 2027, 9 to 11, 30 places."""
    times = {"start_0": "2027-03-20", "start_1": "09:00:00", "end_0": "2027-03-20", "end_1": "11:00:00"}
    return {"programme": programme_id, **times, "capacity": 30, "note": "", **fields}


def test_the_slot_form_cannot_cancel_a_slot_behind_its_bookings_back(client, world):
    slot = make_slot(make_programme(site=world["site"]), start=at(2027, 3, 20, 9))
    booking = book(slot)
    client.force_login(world["operator"])
    url = reverse("admin:bookings_timeslot_change", args=[slot.pk])
    page = client.get(url)
    assert 'name="status"' not in page.content.decode()  # read-only: the actions close, reopen and cancel
    client.post(url, _slot_form(slot.programme_id, status=SlotStatus.CANCELLED))
    slot.refresh_from_db()
    booking.refresh_from_db()
    assert slot.status == SlotStatus.OPEN and booking.status == BookingStatus.REQUESTED


def test_a_new_slot_is_open_or_closed_never_born_cancelled(client, world):
    programme = make_programme(site=world["site"])
    client.force_login(world["operator"])
    page = client.get(reverse("admin:bookings_timeslot_add"))
    choices = [value for value, _label in page.context["adminform"].form.fields["status"].choices]
    assert SlotStatus.CANCELLED not in choices
    response = client.post(
        reverse("admin:bookings_timeslot_add"), _slot_form(programme.pk, status=SlotStatus.CANCELLED)
    )
    assert response.status_code == 200 and not TimeSlot.objects.filter(status=SlotStatus.CANCELLED).exists()


# 5. Erasure reaches every copy ---------------------------------------------------------------------------------


def _text_columns_containing(needle):
    found = []
    for model in apps.get_models():
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)]
        query = models.Q()
        for name in fields:
            query |= models.Q(**{f"{name}__contains": needle})
        if fields and model._default_manager.filter(query).exists():
            found.append(model._meta.label)
    return found


def test_erasing_contact_data_leaves_no_copy_in_any_table(client, world, django_capture_on_commit_callbacks):
    secrets = ["轮椅通道需要预留", "王大明老师", "13912345678", "daming@school.example", "班主任生病"]
    slot = make_slot(make_programme(site=world["site"]), start=at(2027, 3, 15, 9))
    booking = book(
        slot,
        special_needs=secrets[0],
        organiser_name=secrets[1],
        organiser_phone=secrets[2],
        organiser_email=secrets[3],
    )
    with patch("django.utils.timezone.now", return_value=NOW):
        services.decline_booking(booking=booking, user=world["editor"], reason=secrets[4])
    assert _text_columns_containing(secrets[0])  # the test can see a copy where there is one

    services.erase_contacts(now=timezone.now() + timezone.timedelta(days=3650))

    for secret in secrets:
        assert _text_columns_containing(secret) == [], secret
    client.force_login(world["editor"])
    for url in [
        reverse("admin:bookings_booking_history", args=[booking.pk]),
        reverse("admin:bookings_booking_change", args=[booking.pk]),
        reverse("audit-log"),
    ]:
        page = client.get(url).content.decode()
        assert not any(secret in page for secret in secrets), url


# 6. "Send for review" leaves what is published live ------------------------------------------------------------


def test_sending_a_published_programme_for_review_keeps_it_bookable(client, world):
    programme = make_programme(site=world["site"], slug="live-programme")
    slot = make_slot(programme, start=at(2027, 3, 20, 9))
    client.force_login(world["editor"])
    client.post(
        reverse("admin:bookings_studyprogramme_changelist"),
        {"action": "send_for_review", "_selected_action": [programme.pk]},
    )
    programme.refresh_from_db()
    assert programme.is_live()
    booking = book(slot)
    assert booking.status == BookingStatus.REQUESTED


def test_sending_a_published_site_for_review_shows_visitors_no_preview_banner(client, world):
    client.force_login(world["editor"])
    client.post(
        reverse("admin:sites_site_changelist"), {"action": "send_for_review", "_selected_action": [world["site"].pk]}
    )
    client.logout()
    page = client.get("/en/sites/works-a/").content.decode()
    assert "preview-banner" not in page and "noindex" not in page


def test_a_draft_sent_for_review_waits_in_the_queue(client, world):
    draft = make_site(slug="a-draft", published=False)
    client.force_login(world["editor"])
    client.post(reverse("admin:sites_site_changelist"), {"action": "send_for_review", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.in_review and not draft.is_live()


# 7. Preview is scoped like the admin ---------------------------------------------------------------------------


def test_an_operator_previews_only_their_own_sites_drafts(client, world):
    draft_a = make_site(slug="draft-a", published=False)
    draft_a.operators.add(world["operator"])
    draft_b = make_site(slug="draft-b", published=False)
    draft_b.operators.add(world["operator_b"])
    programme_b = make_programme(site=draft_b, slug="programme-b", published=False)
    client.force_login(world["operator"])
    assert client.get("/sites/draft-a/").status_code == 200
    assert client.get("/sites/draft-b/").status_code == 404
    assert client.get(f"/study-tours/{programme_b.slug}/").status_code == 404
    client.force_login(world["editor"])
    assert client.get("/sites/draft-b/").status_code == 200


def test_an_operator_cannot_preview_another_sites_proposed_change(client, world):
    from core import revisions

    copy = revisions.start_revision(world["other"], world["operator_b"])
    client.force_login(world["operator"])
    assert client.get(copy.get_absolute_url()).status_code == 404
    client.force_login(world["operator_b"])
    assert client.get(copy.get_absolute_url()).status_code == 200


def test_an_operator_previews_no_unpublished_event_or_route(client, world):
    from tests.test_routes import make_event, make_route

    make_event(slug="draft-event", published=False)
    make_route(slug="draft-route", published=False)
    client.force_login(world["operator"])
    assert client.get("/events/draft-event/").status_code == 404
    assert client.get("/routes/draft-route/").status_code == 404
