"""The permission matrix: what each role sees and may do in the back office.

Personas: the bureau editor, the operator of site A, the operator of site B. The operator of A must get a 403 or
a 404 for B's objects through every address, action, export and form post, ids edited by hand included.
"""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from bookings import services
from bookings.models import StudyProgramme, TimeSlot
from office import roles
from sites.models import Site
from tests.factories import add_photo, add_weekly_hours, make_heritage, make_site, person
from tests.test_bookings_helpers import make_programme, make_slot, service_kwargs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_time_in_english")]


@pytest.fixture
def world():
    site_a = make_site(name_zh="甲厂", slug="works-a")
    site_b = make_site(name_zh="乙厂", slug="works-b")
    slot_a = make_slot(make_programme(site_a, slug="tour-a"))
    slot_b = make_slot(make_programme(site_b, slug="tour-b"))
    booking_a, _ = services.create_booking(**service_kwargs(slot_a, school="甲校"))
    booking_b, _ = services.create_booking(**service_kwargs(slot_b, school="乙校"))
    return {
        "a": site_a,
        "b": site_b,
        "slot_b": slot_b,
        "booking_a": booking_a,
        "booking_b": booking_b,
        "operator_a": person("op-a", roles.OPERATOR, [site_a]),
        "operator_b": person("op-b", roles.OPERATOR, [site_b]),
        "editor": person("editor", roles.EDITOR),
    }


def admin_url(name, *args):
    return reverse(f"admin:{name}", args=args)


def test_the_three_roles_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {roles.ADMINISTRATOR, roles.EDITOR, roles.OPERATOR}
    assert Group.objects.get(name=roles.ADMINISTRATOR).permissions.filter(codename="change_user").exists()
    assert not Group.objects.get(name=roles.EDITOR).permissions.filter(codename="change_user").exists()
    assert not Group.objects.get(name=roles.OPERATOR).permissions.filter(codename="publish_content").exists()


def test_an_operator_manages_only_their_own_sites(world):
    assert list(Site.objects.managed_by(world["operator_a"])) == [world["a"]]
    assert set(Site.objects.managed_by(world["editor"])) == {world["a"], world["b"]}
    assert not world["b"].is_managed_by(world["operator_a"])


def test_an_operator_who_is_no_longer_staff_sees_nothing(world):
    operator = world["operator_a"]
    operator.is_staff = False
    operator.save()
    assert not Site.objects.managed_by(operator).exists()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("sites_site_change", "b"),
        ("sites_site_history", "b"),
        ("bookings_studyprogramme_change", "programme_b"),
        ("bookings_studyprogramme_history", "programme_b"),
        ("bookings_studyprogramme_generate_slots", "programme_b"),
        ("bookings_timeslot_change", "slot_b"),
        ("bookings_timeslot_history", "slot_b"),
        ("bookings_booking_change", "booking_b"),
        ("bookings_booking_history", "booking_b"),
    ],
)
def test_the_operator_of_site_a_cannot_open_site_b_objects(client, world, name, key):
    world["programme_b"] = world["slot_b"].programme
    client.force_login(world["operator_a"])
    assert client.get(admin_url(name, world[key].pk)).status_code in (403, 404)


def test_the_operator_of_site_a_cannot_open_another_sites_old_versions(client, world):
    site_b = world["b"]
    site_b.summary_zh = "改过"
    site_b.save()
    version = site_b.history.latest().history_id
    client.force_login(world["operator_a"])
    url = admin_url("sites_site_simple_history", site_b.pk, version)
    assert client.get(url).status_code == 404
    assert client.post(url, {"name_zh": "篡改"}).status_code == 404
    assert Site.objects.get(pk=site_b.pk).name_zh == "乙厂"


@pytest.mark.parametrize(
    "name",
    [
        "sites_heritageasset_changelist",
        "sites_heritageasset_add",
        "sites_site_add",
        "events_event_changelist",
        "itineraries_itinerary_changelist",
        "auth_user_changelist",
    ],
)
def test_an_operator_cannot_reach_bureau_pages(client, world, name):
    client.force_login(world["operator_a"])
    assert client.get(admin_url(name)).status_code == 403


def test_an_operator_cannot_delete_their_site(client, world):
    client.force_login(world["operator_a"])
    assert client.post(admin_url("sites_site_delete", world["a"].pk), {"post": "yes"}).status_code == 403
    assert Site.objects.filter(pk=world["a"].pk).exists()


def test_the_lists_show_an_operator_only_their_sites_data(client, world):
    client.force_login(world["operator_a"])
    for name in ["sites_site_changelist", "bookings_studyprogramme_changelist", "bookings_booking_changelist"]:
        page = client.get(admin_url(name)).content.decode()
        assert "乙" not in page, name
    assert "甲校" in client.get(admin_url("bookings_booking_changelist")).content.decode()


def test_filtering_by_another_sites_id_shows_nothing(client, world):
    client.force_login(world["operator_a"])
    url = admin_url("bookings_booking_changelist") + f"?site={world['b'].pk}"
    assert "乙校" not in client.get(url).content.decode()


def test_the_site_autocomplete_offers_an_operator_only_their_sites(client, world):
    client.force_login(world["operator_a"])
    url = admin_url("autocomplete") + "?app_label=bookings&model_name=studyprogramme&field_name=site&term="
    results = client.get(url).json()["results"]
    assert [r["id"] for r in results] == [str(world["a"].pk)]


def test_a_programme_posted_for_another_site_is_refused(client, world):
    client.force_login(world["operator_a"])
    data = {
        "site": world["b"].pk,
        "title_zh": "偷偷加的课程",
        "slug": "sneaky",
        "duration_minutes": 60,
        "group_min": 5,
        "group_max": 30,
        "pupils_per_teacher": 10,
        "price_per_pupil": "0",
        "lead_days": 3,
        "for_junior": "on",
    }
    response = client.post(admin_url("bookings_studyprogramme_add"), data)
    assert response.status_code == 200
    assert "site" in response.context["adminform"].form.errors
    assert not StudyProgramme.objects.filter(slug="sneaky").exists()


def test_a_slot_posted_for_another_sites_programme_is_refused(client, world):
    client.force_login(world["operator_a"])
    data = {"programme": world["slot_b"].programme.pk, "start_0": "2027-04-01", "start_1": "09:00"}
    data |= {"end_0": "2027-04-01", "end_1": "11:00", "capacity": 30, "status": "open"}
    response = client.post(admin_url("bookings_timeslot_add"), data)
    assert response.status_code == 200
    assert "programme" in response.context["adminform"].form.errors
    assert TimeSlot.objects.filter(programme=world["slot_b"].programme).count() == 1


def test_an_action_on_another_sites_booking_ids_changes_nothing(client, world):
    client.force_login(world["operator_a"])
    booking_b = world["booking_b"]
    data = {"action": "confirm", "_selected_action": [booking_b.pk]}
    client.post(admin_url("bookings_booking_changelist"), data)
    booking_b.refresh_from_db()
    assert booking_b.status == "requested"


def test_the_booking_export_gives_an_operator_only_their_bookings(client, world):
    client.force_login(world["operator_a"])
    response = client.get(admin_url("bookings_booking_export"), {"start": "2027-03-01", "end": "2027-03-31"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    schools = {cell for row in rows for cell in row}
    assert "甲校" in schools and "乙校" not in schools


def test_an_operator_edits_their_listing_and_it_goes_to_review_unpublished(client, world):
    site_a = Site.objects.get(pk=world["a"].pk)
    site_a.published = False
    site_a.save()
    client.force_login(world["operator_a"])
    url = admin_url("sites_site_change", site_a.pk)
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | tuple)}
    data |= _empty_inlines() | {"summary_zh": "新的介绍", "published": "on", "featured": "on"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    site_a.refresh_from_db()
    assert site_a.summary_zh == "新的介绍"
    assert site_a.in_review and not site_a.published and not site_a.featured


def test_an_operator_is_not_offered_the_publish_action_and_posting_it_does_nothing(client, world):
    Site.objects.filter(pk=world["a"].pk).update(published=False)
    add_photo(world["a"])
    add_weekly_hours(world["a"])
    client.force_login(world["operator_a"])
    changelist = client.get(admin_url("sites_site_changelist"))
    offered = [value for value, _label in changelist.context["action_form"].fields["action"].choices]
    assert "send_for_review" in offered and "publish" not in offered
    client.post(admin_url("sites_site_changelist"), {"action": "publish", "_selected_action": [world["a"].pk]})
    assert not Site.objects.get(pk=world["a"].pk).published


def test_the_bureau_editor_sees_every_site_and_heritage(client, world):
    make_heritage(name_zh="老厂房")
    client.force_login(world["editor"])
    assert "乙厂" in client.get(admin_url("sites_site_changelist")).content.decode()
    assert "老厂房" in client.get(admin_url("sites_heritageasset_changelist")).content.decode()


def test_the_bureau_editor_assigns_operators_on_the_site_page(client, world):
    client.force_login(world["editor"])
    form = client.get(admin_url("sites_site_change", world["a"].pk)).context["adminform"].form
    assert "operators" in form.fields


def _empty_inlines():
    data = {}
    for prefix in ["photos", "periods", "exceptions"]:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data


def test_a_ready_site_checks_pass(world):
    site = world["a"]
    add_photo(site)
    add_weekly_hours(site)
    assert site.missing_for_publication() == []


def _proposed_change_url(client, site):
    """An operator cannot change a published listing in place: they propose a change on a working copy."""
    response = client.post(admin_url("sites_site_revise", site.pk))
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.parametrize("published", [True, False])
def test_a_photo_id_of_another_site_posted_in_the_own_sites_form_changes_nothing(client, world, published):
    Site.objects.filter(pk=world["a"].pk).update(published=published)
    photo_b = add_photo(world["b"], alt_zh="乙厂的照片")
    client.force_login(world["operator_a"])
    url = _proposed_change_url(client, world["a"]) if published else admin_url("sites_site_change", world["a"].pk)
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | tuple)}
    data |= _empty_inlines() | {"photos-TOTAL_FORMS": "1", "photos-INITIAL_FORMS": "1"}
    data |= {"photos-0-id": str(photo_b.pk), "photos-0-site": str(world["a"].pk), "photos-0-alt_zh": "改掉"}
    data |= {"photos-0-position": "0", "photos-0-DELETE": "on"}
    response = client.post(url, data)
    assert response.status_code in (200, 302, 400, 404)
    photo_b.refresh_from_db()
    assert photo_b.alt_zh == "乙厂的照片" and photo_b.site == world["b"]


def test_an_operator_cannot_post_a_change_to_a_published_listing_in_place(client, world):
    client.force_login(world["operator_a"])
    url = admin_url("sites_site_change", world["a"].pk)
    page = client.get(url)
    assert page.status_code == 200 and "_save" not in page.content.decode()  # read-only, with "Propose a change"
    assert "Propose a change" in page.content.decode()
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | tuple)}
    assert client.post(url, data | _empty_inlines() | {"name_en": "Changed in place"}).status_code == 403
    world["a"].refresh_from_db()
    assert world["a"].name_en != "Changed in place"


def test_an_operator_cannot_propose_a_change_to_another_sites_listing(client, world):
    client.force_login(world["operator_a"])
    assert client.post(admin_url("sites_site_revise", world["b"].pk)).status_code == 404
    assert not Site.objects.filter(draft_of=world["b"]).exists()


def test_an_operator_is_told_their_change_went_to_review(client, world):
    client.force_login(world["operator_a"])
    url = _proposed_change_url(client, world["a"])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | tuple)}
    response = client.post(url, data | _empty_inlines(), follow=True)
    assert "sent to the bureau for review" in " ".join(str(m) for m in response.context["messages"])


def test_the_slot_list_offers_only_the_own_sites_programmes_as_filters(client, world):
    client.force_login(world["operator_a"])
    page = client.get(admin_url("bookings_timeslot_changelist")).content.decode()
    assert world["slot_b"].programme.title_zh not in page  # B's programme was offered in the filter sidebar
