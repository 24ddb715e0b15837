"""The accreditation workflow through its services: apply, assess, decide, appeal, expire; and the evidence checks."""

import datetime
from unittest.mock import patch

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accreditation import evidence, services
from accreditation.models import Application, Assignment, Decision, Evidence, Outcome, Scheme, Stage
from accreditation.services import AccreditationError
from sites.models import Site
from tests.accreditation_world import NOW, criteria, make_world, pdf_bytes, score, scored, submitted
from tests.factories import jpeg_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_time_in_english")]


@pytest.fixture
def world():
    return make_world(NOW)


def test_an_operator_cannot_apply_for_another_operators_site(world):
    with pytest.raises(AccreditationError, match="only for the sites you manage"):
        services.start_application(user=world["operator_a"], call=world["call"], site=world["b"])
    assert not Application.objects.exists()


def test_a_site_applies_once_per_call(world):
    services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    with pytest.raises(AccreditationError, match="already applied"):
        services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])


def test_a_closed_call_takes_no_application_and_a_late_submission_is_refused(world):
    application = services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    late = world["call"].deadline + datetime.timedelta(minutes=1)
    with pytest.raises(AccreditationError, match="deadline"):
        services.submit_application(application=application, user=world["operator_a"], now=late)
    with pytest.raises(AccreditationError, match="not open"):
        services.start_application(user=world["operator_b"], call=world["call"], site=world["b"], now=late)


def test_a_provincial_point_cannot_apply_for_the_municipal_level(world):
    Site.objects.filter(pk=world["a"].pk).update(level="provincial", level_year=2020)
    world["a"].refresh_from_db()
    with pytest.raises(AccreditationError, match="higher one"):
        services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])


def test_submitting_needs_an_answer_to_every_criterion(world):
    application = services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    a1 = criteria(world["scheme"])["A1"]
    services.save_answers(application=application, texts={a1.pk: "路线说明"}, uploads={}, removals=set())
    with pytest.raises(AccreditationError, match="A2, B1"):
        services.submit_application(application=application, user=world["operator_a"])
    application.refresh_from_db()
    assert application.stage == Stage.DRAFT


def test_a_submitted_application_can_no_longer_be_changed(world):
    application = submitted(world)
    with pytest.raises(AccreditationError, match="submitted"):
        services.save_answers(application=application, texts={}, uploads={}, removals=set())


def test_assigning_needs_two_assessors_and_never_the_sites_operator(world):
    application = submitted(world)
    with pytest.raises(AccreditationError, match="at least two"):
        services.assign_assessors(application=application, assessors=[world["x"]])
    with pytest.raises(AccreditationError, match="cannot assess"):
        services.assign_assessors(application=application, assessors=[world["x"], world["operator_a"]])
    with pytest.raises(AccreditationError, match="cannot assess"):
        services.assign_assessors(application=application, assessors=[world["x"], world["administrator"]])
    assert not Assignment.objects.exists()
    services.assign_assessors(application=application, assessors=[world["x"], world["y"]])
    application.refresh_from_db()
    assert application.stage == Stage.ASSESSING


def test_an_assessor_with_a_conflict_does_not_score_and_a_third_one_completes(world):
    application = submitted(world)
    services.assign_assessors(application=application, assessors=[world["x"], world["y"]])
    conflicted = Assignment.objects.get(assessor=world["y"])
    with pytest.raises(AccreditationError, match="Describe"):
        services.declare_interests(assignment=conflicted, has_conflict=True, note=" ")
    services.declare_interests(assignment=conflicted, has_conflict=True, note="曾任该厂顾问")
    score(world, application, "x", {"A1": 8, "A2": 8, "B1": 8})
    application.refresh_from_db()
    assert application.stage == Stage.ASSESSING  # one scoring assessor is not enough
    services.assign_assessors(application=application, assessors=[world["z"]])
    score(world, application, "z", {"A1": 7, "A2": 7, "B1": 7})
    application.refresh_from_db()
    assert application.stage == Stage.SCORED


def test_sending_scores_needs_every_criterion_with_a_comment(world):
    application = submitted(world)
    services.assign_assessors(application=application, assessors=[world["x"], world["y"]])
    assignment = Assignment.objects.get(assessor=world["x"])
    services.declare_interests(assignment=assignment, has_conflict=False, note="")
    c = criteria(world["scheme"])
    with pytest.raises(AccreditationError, match="A2"):
        services.save_scores(
            assignment=assignment, scores={c["A1"].pk: (5, "ok"), c["A2"].pk: (5, ""), c["B1"].pk: (7, "ok")}, send=True
        )
    with pytest.raises(AccreditationError, match="outside"):
        services.save_scores(assignment=assignment, scores={c["A1"].pk: (11, "too many")}, send=False)
    assert not assignment.scores.exists()


def test_results_show_average_spread_and_disagreement(world):
    application = scored(world, x={"A1": 9, "A2": 7, "B1": 8}, y={"A1": 5, "A2": 8, "B1": 7})
    result = services.results(application)
    a1 = next(row for row in result.rows if row.criterion.code == "A1")
    assert (str(a1.average), a1.spread, a1.disagree) == ("7.00", 4, True)
    assert [row.criterion.code for row in result.disagreements] == ["A1"]
    assert str(result.total) == "22.00"


def test_accrediting_sets_the_sites_level_and_year_with_history_and_mails_after_commit(
    world, django_capture_on_commit_callbacks
):
    world["operator_a"].email = "op-a@example.com"
    world["operator_a"].save()
    application = scored(world)
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decide(
            application=application, user=world["administrator"], outcome=Outcome.ACCREDIT, reasons=""
        )
    site = Site.objects.get(pk=world["a"].pk)
    assert (site.level, site.level_year) == ("municipal", 2027)
    assert decision.valid_until == datetime.date(2030, 3, 1)
    latest = site.history.first()
    assert (latest.level, latest.history_user, latest.history_change_reason.startswith("Accredited")) == (
        "municipal",
        world["administrator"],
        True,
    )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["op-a@example.com"]
    assert "Accredit" in mail.outbox[0].subject or "认定" in mail.outbox[0].subject


def test_a_failed_mandatory_criterion_blocks_accreditation_whatever_the_total(world):
    application = scored(world, x={"A1": 10, "A2": 10, "B1": 5}, y={"A1": 10, "A2": 10, "B1": 5})
    assert services.results(application).total >= 18
    with pytest.raises(AccreditationError, match="mandatory"):
        services.decide(application=application, user=world["administrator"], outcome=Outcome.ACCREDIT, reasons="")
    assert Site.objects.get(pk=world["a"].pk).level == "none"
    assert not Decision.objects.exists()


def test_only_the_administrator_decides_and_a_refusal_needs_reasons(world):
    application = scored(world)
    with pytest.raises(AccreditationError, match="administrator"):
        services.decide(application=application, user=world["editor"], outcome=Outcome.REFUSE, reasons="no")
    with pytest.raises(AccreditationError, match="reasons"):
        services.decide(application=application, user=world["administrator"], outcome=Outcome.REFUSE, reasons="")


def test_no_decision_before_every_score_is_in(world):
    application = submitted(world)
    services.assign_assessors(application=application, assessors=[world["x"], world["y"]])
    score(world, application, "x", {"A1": 8, "A2": 8, "B1": 8})
    with pytest.raises(AccreditationError, match="scores first"):
        services.decide(application=application, user=world["administrator"], outcome=Outcome.REFUSE, reasons="no")


def test_an_appeal_is_heard_once_within_the_period(world):
    application = scored(world)
    services.decide(application=application, user=world["administrator"], outcome=Outcome.DEFER, reasons="补充讲解材料")
    late = NOW + datetime.timedelta(days=31)
    with pytest.raises(AccreditationError, match="ended"):
        services.lodge_appeal(application=application, user=world["operator_a"], grounds="材料已补", now=late)
    with pytest.raises(AccreditationError, match="operator"):
        services.lodge_appeal(application=application, user=world["operator_b"], grounds="材料已补")
    services.lodge_appeal(application=application, user=world["operator_a"], grounds="材料已补")
    services.decide(application=application, user=world["administrator"], outcome=Outcome.ACCREDIT, reasons="")
    assert Site.objects.get(pk=world["a"].pk).level == "municipal"
    assert list(application.decisions.values_list("superseded", "on_appeal")) == [(False, True), (True, False)]
    with pytest.raises(AccreditationError, match="cannot be appealed"):
        services.lodge_appeal(application=application, user=world["operator_a"], grounds="again")


def test_an_expired_accreditation_takes_the_level_away_and_is_due_for_review_before(world):
    application = scored(world)
    decision = services.decide(
        application=application, user=world["administrator"], outcome=Outcome.ACCREDIT, reasons=""
    )
    assert list(services.due_for_review(today=decision.valid_until - datetime.timedelta(days=30))) == [decision]
    assert services.expire_accreditations(today=decision.valid_until) == 0
    assert services.expire_accreditations(today=decision.valid_until + datetime.timedelta(days=1)) == 1
    site = Site.objects.get(pk=world["a"].pk)
    assert (site.level, site.level_year) == ("none", None)
    assert site.history.first().history_change_reason == "Accreditation expired"


def test_a_scheme_in_use_is_frozen_and_its_copy_is_not(world):
    assert not world["scheme"].is_frozen()
    services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    assert world["scheme"].is_frozen()
    copy = services.copy_scheme(world["scheme"])
    assert not copy.is_frozen()
    assert copy.total_points() == world["scheme"].total_points() == 30
    assert Scheme.objects.get(pk=copy.pk).copied_from == world["scheme"]


# Evidence uploads


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_a_photo_is_stored_re_encoded_and_a_clean_pdf_as_is():
    photo = evidence.check_upload(upload("site.jpg", jpeg_bytes(400, 300)))
    assert (photo.kind, photo.extension) == ("photo", "jpg")
    data = pdf_bytes()
    pdf = evidence.check_upload(upload("permit.pdf", data))
    assert (pdf.kind, pdf.data) == ("pdf", data)


@pytest.mark.parametrize(
    "data, message",
    [
        (pdf_bytes(javascript="app.alert(1)"), "scripts"),
        (pdf_bytes(launch=True), "scripts"),
        (pdf_bytes(open_action_js=True), "scripts"),
        (b"%PDF-1.7\n garbage", "cannot be read"),
        (b"<html><script>alert(1)</script></html>", "neither"),
        (jpeg_bytes(400, 300)[:500], "neither"),
        (b"", "empty"),
    ],
    ids=["javascript", "launch", "hex-escaped-js-action", "broken-pdf", "html", "truncated-jpeg", "empty"],
)
def test_bad_evidence_is_refused_with_a_clear_message(data, message):
    with pytest.raises(ValidationError, match=message):
        evidence.check_upload(upload("evidence.pdf", data, "application/pdf"))


def test_too_large_evidence_is_refused_before_it_is_read(settings):
    settings.EVIDENCE_MAX_BYTES = 1000
    with patch("accreditation.evidence.PdfReader") as reader, pytest.raises(ValidationError, match="too large"):
        evidence.check_upload(upload("big.pdf", pdf_bytes() + b" " * 2000))
    reader.assert_not_called()


def test_a_failed_save_leaves_no_file_and_no_row(world, settings):
    application = services.start_application(user=world["operator_a"], call=world["call"], site=world["a"])
    a1 = criteria(world["scheme"])["A1"]
    checked = evidence.check_upload(upload("a.jpg", jpeg_bytes(300, 200)))
    files = [(f"p{i}.jpg", checked) for i in range(services.MAX_EVIDENCE_PER_ANSWER + 1)]
    with pytest.raises(AccreditationError, match="At most"):
        services.save_answers(application=application, texts={a1.pk: "改了"}, uploads={a1.pk: files}, removals=set())
    assert not Evidence.objects.exists()
    assert application.answers.get(criterion=a1).text == ""
    assert not any(p.is_file() for p in (settings.PRIVATE_MEDIA_ROOT / "evidence").rglob("*"))


def test_the_daily_command_expires_and_lists_what_is_due(world):
    import io

    from django.core.management import call_command

    application = scored(world)
    decision = services.decide(
        application=application, user=world["administrator"], outcome=Outcome.ACCREDIT, reasons=""
    )
    out = io.StringIO()
    with patch("django.utils.timezone.localdate", return_value=decision.valid_until - datetime.timedelta(days=10)):
        call_command("review_accreditations", stdout=out)
    assert "0 accreditation(s) expired." in out.getvalue() and "Review due: 甲厂" in out.getvalue()
