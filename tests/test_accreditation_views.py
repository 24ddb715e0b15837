"""The accreditation desk over HTTP: who sees what, hidden scores, and bad input on every form and upload."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accreditation import services
from accreditation.models import Application, Assignment, Evidence, Outcome, Score, Stage
from sites.models import Site
from tests.accreditation_world import NOW, criteria, make_world, pdf_bytes, score, scored, submitted
from tests.factories import STAFF_PASSWORD, jpeg_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_time_in_english")]


@pytest.fixture
def world():
    return make_world(NOW)


def login(client, user):
    client.login(username=user.username, password=STAFF_PASSWORD)
    return client


def url(name, application):
    return reverse(f"accreditation:{name}", args=[application.pk])


def answers_post(application, texts=None, submit=False, files=None):
    data = {}
    for code, criterion in criteria(application.call.scheme).items():
        data[f"c{criterion.pk}-text"] = (texts or {}).get(code, f"{code} 的回答")
        if files and code in files:
            data[f"c{criterion.pk}-files"] = files[code]
    data["submit" if submit else "save"] = "1"
    return data


# Who sees what


def test_an_operator_sees_only_their_own_applications(client, world):
    mine = submitted(world, "a")
    theirs = submitted(world, "b")
    login(client, world["operator_a"])
    page = client.get(reverse("accreditation:desk")).content.decode()
    assert "Works A" in page or "甲厂" in page
    assert "乙厂" not in page
    for name in ["application", "edit", "report"]:
        assert client.get(url(name, theirs)).status_code == 404, name
    assert client.get(url("application", mine)).status_code == 200
    assert client.get(reverse("admin:accreditation_application_changelist")).content.decode().count("乙厂") == 0


def test_an_operator_cannot_open_an_application_for_another_sites_call_by_post(client, world):
    login(client, world["operator_a"])
    response = client.post(reverse("accreditation:start"), {"call": world["call"].pk, "site": world["b"].pk})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Application.objects.exists()


def test_an_assessor_sees_only_the_applications_assigned_to_them(client, world):
    assigned = submitted(world, "a")
    other = submitted(world, "b")
    services.assign_assessors(application=assigned, assessors=[world["x"], world["y"]])
    services.assign_assessors(application=other, assessors=[world["y"], world["z"]])
    login(client, world["x"])
    assert client.get(url("application", assigned)).status_code == 200
    assert client.get(url("assess", assigned)).status_code == 200
    for name in ["application", "assess", "report"]:
        assert client.get(url(name, other)).status_code == 404, name
    evidence_of_other = reverse("accreditation:evidence", args=["1"])
    assert client.get(evidence_of_other).status_code == 404


def test_nobody_sees_another_assessors_scores_before_all_are_in(client, world):
    application = submitted(world)
    services.assign_assessors(application=application, assessors=[world["x"], world["y"]])
    score(world, application, "x", {"A1": 9, "A2": 3, "B1": 7})
    for who in ["y", "editor", "administrator", "operator_a"]:
        login(client, world[who])
        page = client.get(url("application", application)).content.decode()
        assert "A1 评语" not in page, who
        assert client.get(url("report", application)).status_code in (302, 404), who
    login(client, world["y"])
    client.post(url("assess", application), {"has_conflict": "no", "note": ""})
    page = client.get(url("assess", application)).content.decode()
    assert "A1 评语" not in page and 'value="9"' not in page
    score(world, application, "y", {"A1": 7, "A2": 8, "B1": 7})
    for who in ["x", "y", "editor", "administrator"]:
        login(client, world[who])
        page = client.get(url("application", application)).content.decode()
        assert "A1 评语" in page and "Assessors disagree" in page, who
    login(client, world["operator_a"])
    assert "A1 评语" not in client.get(url("application", application)).content.decode()


def test_the_report_shows_scores_comments_and_the_decision(client, world):
    application = scored(world)
    services.decide(application=application, user=world["administrator"], outcome=Outcome.ACCREDIT, reasons="")
    login(client, world["editor"])
    page = client.get(url("report", application)).content.decode()
    assert "Assessment report" in page and "B1 评语" in page and "valid until 2030-03-01" in page
    assert "accreditation-report.css" in page


def test_evidence_is_downloaded_only_by_those_who_may_see_the_application(client, world):
    application = services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    login(client, world["operator_a"])
    files = {"A1": SimpleUploadedFile("路线图.pdf", pdf_bytes(), "application/pdf")}
    client.post(url("edit", application), answers_post(application, files=files))
    item = Evidence.objects.get()
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and "attachment" in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == "sandbox"
    login(client, world["operator_b"])
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.get(reverse("accreditation:evidence", args=["99999999999999999999"])).status_code == 404
    client.logout()
    assert client.get(item.get_absolute_url()).status_code == 302  # to the sign-in page


def test_only_the_administrator_is_offered_and_may_post_the_decision(client, world):
    application = scored(world)
    login(client, world["editor"])
    assert "Record the decision" not in client.get(url("application", application)).content.decode()
    assert client.post(url("decide", application), {"outcome": "accredit"}).status_code == 404
    assert Site.objects.get(pk=world["a"].pk).level == "none"


def test_an_assessor_cannot_assign_and_an_operator_cannot_assess(client, world):
    application = submitted(world)
    login(client, world["x"])
    assert client.post(url("assign", application), {"assessors": [world["x"].pk]}).status_code == 404
    services.assign_assessors(application=application, assessors=[world["x"], world["y"]])
    login(client, world["operator_a"])
    assert client.get(url("assess", application)).status_code == 404


# Bad input, and nothing half-saved


def test_a_bad_upload_saves_nothing_of_the_post_and_says_which_file(client, world):
    application = services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    login(client, world["operator_a"])
    files = {
        "A1": SimpleUploadedFile("ok.jpg", jpeg_bytes(300, 200), "image/jpeg"),
        "A2": SimpleUploadedFile("macro.pdf", pdf_bytes(javascript="app.alert(1)"), "application/pdf"),
    }
    response = client.post(url("edit", application), answers_post(application, texts={"A1": "新的回答"}, files=files))
    assert response.status_code == 400
    page = response.content.decode()
    assert "macro.pdf: This PDF contains scripts" in page
    assert "Nothing was saved" in page
    assert "新的回答" in page  # what was typed is kept in the form
    assert not Evidence.objects.exists()
    assert not application.answers.exclude(text="").exists()


def test_a_disguised_file_is_refused(client, world):
    application = services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    login(client, world["operator_a"])
    files = {"A1": SimpleUploadedFile("photo.jpg", b"<svg onload=alert(1)>", "image/jpeg")}
    response = client.post(url("edit", application), answers_post(application, files=files))
    assert response.status_code == 400
    assert "photo.jpg: Upload a photo (JPEG, PNG or WebP) or a PDF" in response.content.decode()


def test_too_long_an_answer_is_refused_with_its_limit(client, world):
    application = services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    login(client, world["operator_a"])
    response = client.post(url("edit", application), answers_post(application, texts={"A1": "长" * 4001}))
    assert response.status_code == 400
    assert "at most 4000 characters" in response.content.decode()


def test_submitting_with_an_empty_answer_saves_the_draft_and_says_what_is_missing(client, world):
    application = services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    login(client, world["operator_a"])
    response = client.post(url("edit", application), answers_post(application, texts={"B1": "  "}, submit=True))
    assert response.status_code == 400
    assert "Still empty: B1" in response.content.decode()
    application.refresh_from_db()
    assert application.stage == Stage.DRAFT


def test_an_operator_saves_removes_evidence_and_submits(client, world):
    application = services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    login(client, world["operator_a"])
    files = {"A1": [SimpleUploadedFile("a.jpg", jpeg_bytes(300, 200)), SimpleUploadedFile("b.pdf", pdf_bytes())]}
    assert client.post(url("edit", application), answers_post(application, files=files)).status_code == 302
    assert sorted(Evidence.objects.values_list("original_name", "kind")) == [("a.jpg", "photo"), ("b.pdf", "pdf")]
    photo = Evidence.objects.get(kind="photo")
    a1 = criteria(world["scheme"])["A1"]
    data = {**answers_post(application, submit=True), f"c{a1.pk}-remove": [str(photo.pk)]}
    assert client.post(url("edit", application), data).status_code == 302
    application.refresh_from_db()
    assert application.stage == Stage.SUBMITTED
    assert list(Evidence.objects.values_list("original_name", flat=True)) == ["b.pdf"]
    assert client.get(url("edit", application)).status_code == 302  # no more editing


def test_a_conflict_without_a_description_is_refused(client, world):
    application = submitted(world)
    services.assign_assessors(application=application, assessors=[world["x"], world["y"]])
    login(client, world["x"])
    response = client.post(url("assess", application), {"has_conflict": "yes", "note": ""})
    assert response.status_code == 400 and "Describe the conflict" in response.content.decode()
    assert client.post(url("assess", application), {"has_conflict": "maybe"}).status_code == 400
    assert Assignment.objects.get(assessor=world["x"]).declared_at is None


def test_out_of_range_or_missing_scores_save_nothing(client, world):
    application = submitted(world)
    services.assign_assessors(application=application, assessors=[world["x"], world["y"]])
    login(client, world["x"])
    client.post(url("assess", application), {"has_conflict": "no"})
    c = criteria(world["scheme"])
    bad = {f"c{c['A1'].pk}-points": "11", f"c{c['A2'].pk}-points": "-1", f"c{c['B1'].pk}-points": "abc", "save": "1"}
    response = client.post(url("assess", application), bad)
    assert response.status_code == 400
    page = response.content.decode()
    assert "less than or equal to 10" in page and "greater than or equal to 0" in page and "whole number" in page
    incomplete = {f"c{c['A1'].pk}-points": "5", f"c{c['A1'].pk}-comment": "好", "send": "1"}
    response = client.post(url("assess", application), incomplete)
    assert response.status_code == 400 and "Missing: A2, B1" in response.content.decode()
    assert not Score.objects.exists()
    assert Assignment.objects.get(assessor=world["x"]).submitted_at is None


def test_a_refusal_without_reasons_and_an_unknown_outcome_change_nothing(client, world):
    application = scored(world)
    login(client, world["administrator"])
    response = client.post(url("decide", application), {"outcome": "refuse", "reasons": ""}, follow=True)
    assert "Give the reasons" in response.content.decode()
    response = client.post(url("decide", application), {"outcome": "crown"}, follow=True)
    assert "not one of the available choices" in response.content.decode()
    application.refresh_from_db()
    assert application.stage == Stage.SCORED and not application.decisions.exists()


def test_assigning_one_assessor_or_nobody_is_refused(client, world):
    application = submitted(world)
    login(client, world["editor"])
    response = client.post(url("assign", application), {"assessors": [world["x"].pk]}, follow=True)
    assert "Assign at least two assessors" in response.content.decode()
    response = client.post(url("assign", application), {"assessors": ["nope"]}, follow=True)
    assert response.status_code == 200 and not Assignment.objects.exists()


def test_an_empty_appeal_and_a_second_one_are_refused(client, world):
    application = scored(world)
    services.decide(application=application, user=world["administrator"], outcome=Outcome.REFUSE, reasons="讲解不足")
    login(client, world["operator_a"])
    response = client.post(url("appeal", application), {"grounds": ""}, follow=True)
    assert "Give the grounds" in response.content.decode()
    client.post(url("appeal", application), {"grounds": "已补充讲解员"})
    response = client.post(url("appeal", application), {"grounds": "again"}, follow=True)
    assert "cannot be appealed" in response.content.decode()


def test_a_bad_stage_or_page_on_the_desk_is_a_message_not_an_error(client, world):
    submitted(world)
    login(client, world["editor"])
    response = client.get(reverse("accreditation:desk"), {"stage": "<script>", "page": "x²"})
    assert response.status_code == 200
    assert "Unknown stage" in response.content.decode()


# The bureau's schemes in the admin


def test_a_scheme_in_use_is_read_only_in_the_admin_and_a_copy_is_editable(client, world):
    scheme = world["scheme"]
    login(client, world["editor"])
    change = reverse("admin:accreditation_scheme_change", args=[scheme.pk])
    assert 'name="_save"' in client.get(change).content.decode()
    submitted(world)
    page = client.get(change).content.decode()
    assert 'name="_save"' not in page and "Copy it to make a new one" in page
    client.post(change, {"name_zh": "改名", "pass_municipal": 1, "pass_provincial": 2, "pass_national": 3})
    scheme.refresh_from_db()
    assert scheme.name_zh != "改名" and scheme.pass_municipal == 18
    section = scheme.sections.first()
    assert client.get(reverse("admin:accreditation_section_change", args=[section.pk])).status_code == 200
    assert (
        'name="_save"'
        not in client.get(reverse("admin:accreditation_section_change", args=[section.pk])).content.decode()
    )
    response = client.post(
        reverse("admin:accreditation_scheme_changelist"), {"action": "copy", "_selected_action": [scheme.pk]}
    )
    copy = scheme.copies.get()
    assert response.url == reverse("admin:accreditation_scheme_change", args=[copy.pk])
    assert 'name="_save"' in client.get(response.url).content.decode()


def test_pass_marks_that_do_not_rise_are_refused(client, world):
    login(client, world["editor"])
    add = reverse("admin:accreditation_scheme_add")
    data = {
        "name_zh": "新细则",
        "pass_municipal": 80,
        "pass_provincial": 75,
        "pass_national": 85,
        "disagreement_margin": 2,
        "validity_years": 3,
        "appeal_days": 30,
        "sections-TOTAL_FORMS": 0,
        "sections-INITIAL_FORMS": 0,
    }
    response = client.post(add, data)
    assert response.status_code == 200
    assert "Pass marks must rise" in response.content.decode()


def test_an_operator_and_an_assessor_cannot_open_the_schemes(client, world):
    for who in ["operator_a", "x"]:
        login(client, world[who])
        assert client.get(reverse("admin:accreditation_scheme_changelist")).status_code == 403, who


def test_a_calls_scheme_cannot_change_once_someone_applied(client, world):
    submitted(world)
    login(client, world["editor"])
    page = client.get(reverse("admin:accreditation_call_change", args=[world["call"].pk])).content.decode()
    assert 'name="scheme"' not in page and 'name="deadline_0"' in page
