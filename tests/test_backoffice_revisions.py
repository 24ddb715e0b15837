"""Held revisions: a site operator's change to a published listing or programme waits for a bureau editor.

The public keeps seeing the published page until an editor applies the proposed change; staff preview it first.
"""

import pytest
from django.urls import reverse

from bookings.models import StudyProgramme
from core import revisions
from office import roles
from office.exports import official_counts
from sites.models import OpeningPeriod, Site, SitePhoto
from tests.factories import add_photo, add_weekly_hours, make_heritage, make_site, person
from tests.test_bookings_helpers import NOW, make_programme, make_slot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_time_in_english")]


@pytest.fixture
def world():
    site = make_site(name_zh="甲厂", name_en="Works A", slug="works-a")
    add_photo(site, alt_zh="甲厂外景")
    add_weekly_hours(site, weekdays=range(5))
    other = make_site(name_zh="乙厂", slug="works-b")
    return {
        "site": site,
        "other": other,
        "operator": person("op-a", roles.OPERATOR, [site]),
        "operator_b": person("op-b", roles.OPERATOR, [other]),
        "editor": person("editor", roles.EDITOR),
    }


def url(name, *args):
    return reverse(f"admin:{name}", args=args)


def form_data(response, **changes):
    form = response.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | tuple)}
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data |= {management.add_prefix(name): value for name, value in management.initial.items()}
        for inline_form in formset.formset.forms:
            data |= {
                inline_form.add_prefix(name): value
                for name, value in inline_form.initial.items()
                if value is not None and name != "image"
            }
            if inline_form.instance.pk:
                data[inline_form.add_prefix("id")] = inline_form.instance.pk
    return data | changes


def propose(client, site, **changes):
    copy_url = client.post(url("sites_site_revise", site.pk))["Location"]
    page = client.get(copy_url)
    response = client.post(copy_url, form_data(page, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    return Site.objects.get(draft_of=site)


def test_a_proposed_change_leaves_the_public_page_as_it_was(client, world):
    client.force_login(world["operator"])
    copy = propose(client, world["site"], name_en="Works A, renewed", summary_en="New hall open.")
    assert copy.in_review and not copy.published
    assert copy.photos.count() == 1 and copy.periods.count() == 5  # copied with the listing

    world["site"].refresh_from_db()
    assert world["site"].name_en == "Works A"
    client.logout()
    public = client.get(world["site"].get_absolute_url())  # in English: the fixture overrides the language
    assert public.status_code == 200 and "Works A" in public.content.decode()
    assert "Works A, renewed" not in public.content.decode()
    assert client.get(copy.get_absolute_url()).status_code == 404  # the copy is not public


def test_staff_preview_the_proposed_change_at_its_public_address(client, world):
    client.force_login(world["operator"])
    copy = propose(client, world["site"], name_zh="甲厂（新馆）")
    page = client.get(copy.get_absolute_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert "甲厂（新馆）" in body and 'class="preview-banner"' in body
    assert '<meta name="robots" content="noindex' in body


def test_the_editor_sees_what_changes_and_applies_it(client, world):
    client.force_login(world["operator"])
    copy = propose(client, world["site"], name_en="Works A, renewed")
    OpeningPeriod.objects.filter(site=copy, weekday=0).delete()  # the operator also dropped Monday's hours
    client.force_login(world["editor"])
    page = client.get(url("sites_site_change", copy.pk)).content.decode()
    assert "Works A, renewed" in page and "<del>Works A</del>" in page
    assert "Apply to the published page" in page

    response = client.post(url("sites_site_apply-revision", copy.pk), follow=True)
    assert response.redirect_chain[-1][0] == url("sites_site_change", world["site"].pk)
    site = Site.objects.get(pk=world["site"].pk)
    assert site.name_en == "Works A, renewed" and site.slug == "works-a" and site.published
    assert site.periods.count() == 4 and site.photos.count() == 1
    assert not Site.objects.filter(draft_of=site).exists()
    assert SitePhoto.objects.filter(image=site.photos.get().image.name).count() == 1
    latest = site.history.order_by("-history_id").first()  # the clock is fixed: same dates
    assert latest.history_user == world["editor"] and latest.history_change_reason == "Proposed change applied"
    client.logout()
    assert "Works A, renewed" in client.get(site.get_absolute_url()).content.decode()


def test_an_operator_cannot_apply_their_own_change(client, world):
    client.force_login(world["operator"])
    copy = propose(client, world["site"], name_en="Sneaky")
    assert "Apply to the published page" not in client.get(url("sites_site_change", copy.pk)).content.decode()
    assert client.post(url("sites_site_apply-revision", copy.pk)).status_code == 403
    # …nor through the publish action, nor by ticking the read-only published box.
    action = {"action": "publish", "_selected_action": [copy.pk]}
    assert client.post(url("sites_site_changelist"), action).status_code in (302, 403)
    world["site"].refresh_from_db()
    copy.refresh_from_db()
    assert world["site"].name_en == "Works A" and not copy.published


def test_the_publish_action_on_a_proposed_change_applies_it(client, world):
    client.force_login(world["operator"])
    copy = propose(client, world["site"], name_en="Applied by action")
    client.force_login(world["editor"])
    client.post(url("sites_site_changelist"), {"action": "publish", "_selected_action": [copy.pk]})
    world["site"].refresh_from_db()
    assert world["site"].name_en == "Applied by action"
    assert Site.objects.filter(published=True, name_zh="甲厂").count() == 1


def test_a_proposed_change_missing_content_is_not_applied(client, world):
    client.force_login(world["operator"])
    copy = propose(client, world["site"], name_en="")
    client.force_login(world["editor"])
    response = client.post(url("sites_site_apply-revision", copy.pk), follow=True)
    assert "an English name" in " ".join(str(m) for m in response.context["messages"])
    world["site"].refresh_from_db()
    assert world["site"].name_en == "Works A" and Site.objects.filter(draft_of=world["site"]).exists()


def test_discarding_a_proposed_change_keeps_the_published_listing(client, world):
    client.force_login(world["operator"])
    copy = propose(client, world["site"], name_en="Never mind")
    assert client.post(url("sites_site_discard-revision", copy.pk)).status_code == 302
    world["site"].refresh_from_db()
    assert world["site"].name_en == "Works A" and world["site"].photos.count() == 1
    assert not Site.objects.filter(draft_of=world["site"]).exists()


def test_proposing_twice_continues_the_same_change(client, world):
    client.force_login(world["operator"])
    first = client.post(url("sites_site_revise", world["site"].pk))["Location"]
    second = client.post(url("sites_site_revise", world["site"].pk))["Location"]
    assert first == second and Site.objects.filter(draft_of=world["site"]).count() == 1


def test_another_sites_operator_never_sees_the_proposed_change(client, world):
    client.force_login(world["operator"])
    copy = propose(client, world["site"], name_en="Private")
    client.force_login(world["operator_b"])
    assert client.get(url("sites_site_change", copy.pk)).status_code == 404
    assert client.post(url("sites_site_discard-revision", copy.pk)).status_code == 404
    assert client.post(url("sites_site_apply-revision", copy.pk)).status_code in (403, 404)
    assert "Private" not in client.get(url("sites_site_changelist")).content.decode()


def test_a_proposed_change_is_not_a_site_of_its_own(client, world):
    counts_before = official_counts()
    copy = revisions.start_revision(world["site"])
    assert copy not in Site.objects.managed_by(world["editor"])
    assert official_counts() == counts_before
    assert client.get(reverse("sites:site-list")).content.decode().count("甲厂") == 1


def test_the_editor_still_edits_a_published_listing_in_place(client, world):
    client.force_login(world["editor"])
    page = client.get(url("sites_site_change", world["site"].pk))
    assert "_save" in page.content.decode()
    client.post(url("sites_site_change", world["site"].pk), form_data(page, name_en="Edited by the bureau"))
    world["site"].refresh_from_db()
    assert world["site"].name_en == "Edited by the bureau" and world["site"].published


# Programmes ---------------------------------------------------------------------------------------------------


def test_an_operators_new_programme_waits_for_review_and_cannot_be_published_by_them(client, world):
    client.force_login(world["operator"])
    data = {
        "site": world["site"].pk,
        "title_zh": "机车研学",
        "title_en": "Locomotive study tour",
        "slug": "loco-tour",
        "summary_zh": "看机车。",
        "summary_en": "See locomotives.",
        "for_junior": "on",
        "duration_minutes": 120,
        "group_min": 10,
        "group_max": 40,
        "pupils_per_teacher": 10,
        "safety_officers_per_group": 0,
        "tutors_per_group": 0,
        "price_per_pupil": "0",
        "lead_days": 7,
        "published": "on",  # read-only for an operator: ignored
    }
    assert client.post(url("bookings_studyprogramme_add"), data).status_code == 302
    programme = StudyProgramme.objects.get(slug="loco-tour")
    assert programme.in_review and not programme.published
    client.logout()
    assert client.get(programme.get_absolute_url()).status_code == 404
    assert "机车研学" not in client.get(reverse("bookings:programme-list")).content.decode()


def test_a_published_programme_change_waits_for_review_but_slots_do_not(client, world):
    programme = make_programme(world["site"], title_en="Old title", summary_zh="旧", summary_en="Old")
    client.force_login(world["operator"])
    assert client.get(url("bookings_studyprogramme_change", programme.pk)).status_code == 200
    copy_url = client.post(url("bookings_studyprogramme_revise", programme.pk))["Location"]
    page = client.get(copy_url)
    assert client.post(copy_url, form_data(page, title_en="New title")).status_code == 302
    programme.refresh_from_db()
    assert programme.title_en == "Old title" and programme.published
    # Slots are the operator's day-to-day work on the published programme: no review.
    generate = client.get(url("bookings_studyprogramme_generate_slots", programme.pk))
    assert generate.status_code == 200
    copy = StudyProgramme.objects.get(draft_of=programme)
    assert client.get(url("bookings_studyprogramme_generate_slots", copy.pk)).status_code == 404

    client.force_login(world["editor"])
    client.post(url("bookings_studyprogramme_apply-revision", copy.pk))
    programme.refresh_from_db()
    assert programme.title_en == "New title" and programme.published and not programme.in_review


def test_a_programme_publish_window_hides_it_and_its_slots(world):
    programme = make_programme(world["site"], publish_until=NOW)
    slot = make_slot(programme)
    assert programme not in StudyProgramme.objects.published(NOW)
    assert slot.unavailable_reason(NOW) == "This programme is not open for booking."


def test_a_draft_shows_a_preview_banner_to_staff_only(client, world):
    asset = make_heritage(name_zh="老厂房", published=False)
    assert client.get(asset.get_absolute_url()).status_code == 404
    client.force_login(world["editor"])
    page = client.get(asset.get_absolute_url()).content.decode()
    assert 'class="preview-banner"' in page and "Draft" in page
    assert url("sites_heritageasset_change", asset.pk) in page
    published = client.get(world["site"].get_absolute_url()).content.decode()
    assert 'class="preview-banner"' not in published and "noindex" not in published


def test_the_site_autocomplete_offers_no_proposed_changes(client, world):
    revisions.start_revision(world["site"])
    for user in (world["operator"], world["editor"]):
        client.force_login(user)
        query = "?app_label=bookings&model_name=studyprogramme&field_name=site&term=甲"
        results = client.get(url("autocomplete") + query).json()["results"]
        assert [r["id"] for r in results] == [str(world["site"].pk)]


# The review queue -----------------------------------------------------------------------------------------------


def test_the_review_queue_lists_drafts_and_proposed_changes_with_who_sent_them(client, world):
    client.force_login(world["operator"])
    propose(client, world["site"], name_en="Works A, renewed")
    make_programme(world["site"], title_zh="待审研学", published=False, in_review=True)
    make_programme(world["other"], title_zh="乙厂研学", published=False, in_review=True)

    page = client.get(reverse("review-queue")).content.decode()
    assert "Proposed change" in page and "op-a" in page and "待审研学" in page
    assert "乙厂研学" not in page  # another site's

    client.force_login(world["editor"])
    page = client.get(reverse("review-queue")).content.decode()
    assert "待审研学" in page and "乙厂研学" in page
    dashboard = client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("review-queue")}"><strong>3</strong>' in dashboard


def test_the_review_queue_says_when_nothing_waits(client, world):
    client.force_login(world["editor"])
    assert "Nothing is waiting for review." in client.get(reverse("review-queue")).content.decode()


def test_the_review_queue_makes_the_same_queries_for_one_item_and_many(client, world, django_assert_num_queries):
    client.force_login(world["editor"])
    make_programme(world["site"], published=False, in_review=True)
    client.get(reverse("review-queue"))
    # Session, user, permissions (4), then one query per kind of content (7: sites, heritage, events, routes,
    # programmes, investment projects, goods).
    with django_assert_num_queries(11) as one:
        client.get(reverse("review-queue"))
    for n in range(5):
        make_site(name_zh=f"草稿{n}", published=False, in_review=True)
        make_programme(world["site"], published=False, in_review=True)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(reverse("review-queue"))


def test_applying_keeps_what_the_bureau_changed_on_the_original_meanwhile(client, world):
    client.force_login(world["operator"])
    copy = propose(client, world["site"], name_en="Works A, renewed")
    Site.objects.filter(pk=world["site"].pk).update(level="provincial", level_year=2025, featured=True)
    world["site"].operators.add(world["operator_b"])
    revisions.apply_revision(Site.objects.get(pk=copy.pk), world["editor"])
    site = Site.objects.get(pk=world["site"].pk)
    assert (site.name_en, site.level, site.level_year, site.featured) == ("Works A, renewed", "provincial", 2025, True)
    assert set(site.operators.all()) == {world["operator"], world["operator_b"]}


def test_a_draft_needs_no_proposed_change(client, world):
    draft = make_site(name_zh="草稿厂", published=False)
    draft.operators.add(world["operator"])
    client.force_login(world["operator"])
    assert client.post(url("sites_site_revise", draft.pk)).status_code == 404
    assert "_save" in client.get(url("sites_site_change", draft.pk)).content.decode()


def test_applying_a_proposed_change_twice_loses_nothing(client, world):
    """Two editors press "apply" at once: the second finds the change gone and leaves the listing alone."""
    client.force_login(world["operator"])
    copy = propose(client, world["site"], name_en="Works A, renewed")
    stale = Site.objects.get(pk=copy.pk)
    revisions.apply_revision(Site.objects.get(pk=copy.pk), world["editor"])
    revisions.apply_revision(stale, world["editor"])
    site = Site.objects.get(pk=world["site"].pk)
    assert site.photos.count() == 1 and site.periods.count() == 5 and site.name_en == "Works A, renewed"
