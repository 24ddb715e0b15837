"""The writes of the accreditation workflow, each in one transaction, raising AccreditationError with a message the
view shows. The decision sets the site's demonstration level and year in the same transaction, recorded in the
site's history; the operator's mail goes out only after the commit."""

import contextlib
import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation import mail, roles
from accreditation.models import (
    Answer,
    Appeal,
    Application,
    Assignment,
    Criterion,
    Decision,
    Evidence,
    Outcome,
    Score,
    Stage,
)
from sites.models import DemonstrationLevel, Site

# Levels from the highest: a site already above the level a call awards has nothing to apply for.
LEVEL_RANK = [DemonstrationLevel.NATIONAL, DemonstrationLevel.PROVINCIAL, DemonstrationLevel.MUNICIPAL]
MAX_EVIDENCE_PER_ANSWER = 10


class AccreditationError(Exception):
    pass


def _criteria(scheme):
    return list(
        Criterion.objects.filter(section__scheme=scheme)
        .select_related("section")
        .order_by("section__position", "section__id", "position", "id")
    )


def start_application(*, user, call, site, now=None):
    if not Site.objects.managed_by(user).filter(pk=site.pk).exists() or not user.has_perm(roles.APPLY_PERMISSION):
        raise AccreditationError(_("You may apply only for the sites you manage."))
    if not call.is_open(now):
        raise AccreditationError(_("This call is not open for applications."))
    if site.level in LEVEL_RANK and LEVEL_RANK.index(site.level) <= LEVEL_RANK.index(call.level):
        raise AccreditationError(_("This site already holds this level or a higher one."))
    try:
        with transaction.atomic():
            application = Application.objects.create(call=call, site=site, created_by=user)
            Answer.objects.bulk_create(
                Answer(application=application, criterion=criterion) for criterion in _criteria(call.scheme)
            )
    except IntegrityError:
        raise AccreditationError(_("This site has already applied in this call.")) from None
    return application


def save_answers(*, application, texts, uploads, removals):
    """Store a draft: `texts` {criterion id: text}, `uploads` {criterion id: [(client name, CheckedFile)]},
    `removals` evidence ids. All or nothing: a file written before a failure is deleted again."""
    stored = []
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=application.pk)
            if not application.is_editable():
                raise AccreditationError(_("This application has been submitted and can no longer be changed."))
            answers = {a.criterion_id: a for a in application.answers.all()}
            for criterion_id, text in texts.items():
                answers[criterion_id].text = text
            Answer.objects.bulk_update(answers.values(), ["text"])
            gone = list(Evidence.objects.filter(answer__application=application, pk__in=removals))
            Evidence.objects.filter(pk__in=[e.pk for e in gone]).delete()
            for criterion_id, files in uploads.items():
                answer = answers[criterion_id]
                if answer.evidence.count() + len(files) > MAX_EVIDENCE_PER_ANSWER:
                    raise AccreditationError(
                        _("At most %(count)s files per criterion.") % {"count": MAX_EVIDENCE_PER_ANSWER}
                    )
                for client_name, checked in files:
                    stored.append(_store(answer, client_name, checked))
            application.save(update_fields=["updated_at"])
    except BaseException:
        for evidence in stored:
            with contextlib.suppress(OSError):
                evidence.file.delete(save=False)
        raise
    for evidence in gone:
        transaction.on_commit(_deleter(evidence.file))
    return application


def _deleter(field_file):
    name, storage = field_file.name, field_file.storage
    return lambda: storage.delete(name)


def _store(answer, client_name, checked):
    stem = PurePosixPath(client_name).stem[:80] or "evidence"
    evidence = Evidence(
        answer=answer, kind=checked.kind, original_name=f"{stem}.{checked.extension}"[:200], size=len(checked.data)
    )
    evidence.file.save(f"{stem}.{checked.extension}", ContentFile(checked.data), save=False)
    evidence.save()
    return evidence


def submit_application(*, application, user, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("call").get(pk=application.pk)
        if not application.is_editable():
            raise AccreditationError(_("This application has already been submitted."))
        if not application.call.is_open(now):
            raise AccreditationError(_("The deadline of this call has passed; the application can no longer be sent."))
        unanswered = [a.criterion.code for a in application.answers.select_related("criterion") if not a.text.strip()]
        if unanswered:
            raise AccreditationError(
                _("Answer every criterion before submitting. Still empty: %(codes)s.")
                % {"codes": ", ".join(sorted(unanswered))}
            )
        application.stage, application.submitted_at = Stage.SUBMITTED, now
        application.save(update_fields=["stage", "submitted_at", "updated_at"])
    return application


def assign_assessors(*, application, assessors):
    """Add assessors; the first assignment needs at least two. An operator of the site cannot assess it."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.stage not in (Stage.SUBMITTED, Stage.ASSESSING):
            raise AccreditationError(_("Assessors are assigned to submitted applications only."))
        already = set(application.assignments.values_list("assessor_id", flat=True))
        new = [user for user in assessors if user.pk not in already]
        if not new:
            raise AccreditationError(_("Choose at least one assessor who is not assigned yet."))
        if len(already) + len(new) < 2:
            raise AccreditationError(_("Assign at least two assessors."))
        operators = set(application.site.operators.values_list("pk", flat=True))
        for user in new:
            # Never the site's own operator, nor the one who decides on the scores.
            if user.pk in operators or not user.has_perm(roles.SCORE_PERMISSION) or roles.may_decide(user):
                raise AccreditationError(
                    _("%(name)s cannot assess this application.") % {"name": user.get_full_name() or user.username}
                )
        Assignment.objects.bulk_create(Assignment(application=application, assessor=user) for user in new)
        application.stage = Stage.ASSESSING
        application.save(update_fields=["stage", "updated_at"])


def declare_interests(*, assignment, has_conflict, note, now=None):
    if has_conflict and not note.strip():
        raise AccreditationError(_("Describe the conflict of interest."))
    with transaction.atomic():
        assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if assignment.declared_at:
            raise AccreditationError(_("You have already declared your interests for this application."))
        assignment.has_conflict, assignment.conflict_note = has_conflict, note.strip()
        assignment.declared_at = now or timezone.now()
        assignment.save(update_fields=["has_conflict", "conflict_note", "declared_at"])
        _close_assessment_if_complete(assignment.application_id)
    return assignment


def save_scores(*, assignment, scores, send, now=None):
    """`scores` {criterion id: (points or None, comment)}; `send` submits them, which needs every criterion scored
    with a comment and makes them final."""
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update().select_related("application__call__scheme").get(pk=assignment.pk)
        )
        if not assignment.may_score():
            raise AccreditationError(_("These scores have been sent, or you have not declared your interests."))
        criteria = {c.pk: c for c in _criteria(assignment.application.call.scheme)}
        if set(scores) - set(criteria):
            raise AccreditationError(_("A score names a criterion outside this scheme."))
        for criterion_id, (points, _comment) in scores.items():
            if points is not None and not 0 <= points <= criteria[criterion_id].max_points:
                raise AccreditationError(_("A score is outside its criterion's points."))
        if send:
            missing = [c.code for pk, c in criteria.items() if scores.get(pk, (None, ""))[0] is None]
            silent = [c.code for pk, c in criteria.items() if not scores.get(pk, (None, ""))[1].strip()]
            if missing or silent:
                raise AccreditationError(
                    _("Score every criterion and comment on each before sending. Missing: %(codes)s.")
                    % {"codes": ", ".join(sorted(set(missing + silent)))}
                )
        assignment.scores.all().delete()
        Score.objects.bulk_create(
            Score(assignment=assignment, criterion_id=pk, points=points, comment=comment.strip())
            for pk, (points, comment) in scores.items()
            if points is not None
        )
        if send:
            assignment.submitted_at = now or timezone.now()
            assignment.save(update_fields=["submitted_at"])
            _close_assessment_if_complete(assignment.application_id)
    return assignment


def scoring_assignments(application):
    return [a for a in application.assignments.all() if not a.has_conflict]


def all_scores_in(application):
    """Two or more assessors without a conflict, every assigned assessor has declared, and all of them have sent."""
    assignments = list(application.assignments.all())
    scoring = [a for a in assignments if not a.has_conflict]
    return len(scoring) >= 2 and all(a.declared_at for a in assignments) and all(a.submitted_at for a in scoring)


def _close_assessment_if_complete(application_id):
    application = Application.objects.select_for_update().get(pk=application_id)
    if application.stage == Stage.ASSESSING and all_scores_in(application):
        application.stage = Stage.SCORED
        application.save(update_fields=["stage", "updated_at"])


def _two_places(value):
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class CriterionResult:
    criterion: Criterion
    scores: list = field(default_factory=list)  # (assessor, Score)
    average: Decimal | None = None
    spread: int | None = None
    disagree: bool = False
    fails_mandatory: bool = False


@dataclass
class Results:
    rows: list
    total: Decimal
    max_total: int
    pass_marks: dict
    mandatory_failed: list
    disagreements: list

    def passes(self, level):
        return not self.mandatory_failed and self.total >= self.pass_marks[level]


def results(application):
    """Averages, spreads and disagreements per criterion over the sent scores. Only call it when all_scores_in():
    the views never show a score before that."""
    scheme = application.call.scheme
    assignments = [a for a in scoring_assignments(application) if a.submitted_at]
    by_criterion = {}
    for score in Score.objects.filter(assignment__in=assignments).select_related("assignment__assessor"):
        by_criterion.setdefault(score.criterion_id, []).append((score.assignment.assessor, score))
    rows = []
    for criterion in _criteria(scheme):
        row = CriterionResult(criterion, by_criterion.get(criterion.pk, []))
        points = [score.points for _assessor, score in row.scores]
        if points:
            row.average = _two_places(Decimal(sum(points)) / len(points))
            row.spread = max(points) - min(points)
            row.disagree = row.spread > scheme.disagreement_margin
            row.fails_mandatory = criterion.mandatory and row.average < criterion.mandatory_points
        rows.append(row)
    return Results(
        rows=rows,
        total=sum((row.average or Decimal(0) for row in rows), Decimal(0)),
        max_total=sum(row.criterion.max_points for row in rows),
        pass_marks={level: scheme.pass_mark(level) for level in LEVEL_RANK},
        mandatory_failed=[row for row in rows if row.fails_mandatory],
        disagreements=[row for row in rows if row.disagree],
    )


def decide(*, application, user, outcome, reasons, now=None):
    now = now or timezone.now()
    if not roles.may_decide(user):
        raise AccreditationError(_("Only the bureau administrator decides on applications."))
    if outcome != Outcome.ACCREDIT and not reasons.strip():
        raise AccreditationError(_("Give the reasons or the requests: the operator receives them."))
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("call__scheme").get(pk=application.pk)
        if application.stage not in (Stage.SCORED, Stage.APPEALED):
            raise AccreditationError(_("A decision needs every assessor's scores first."))
        site = Site.objects.select_for_update().get(pk=application.site_id)
        previous = application.decisions.filter(superseded=False).first()
        decision = Decision(
            application=application,
            outcome=outcome,
            reasons=reasons.strip(),
            decided_by=user,
            decided_at=now,
            on_appeal=application.stage == Stage.APPEALED,
        )
        if outcome == Outcome.ACCREDIT:
            level = application.call.level
            if not results(application).passes(level):
                raise AccreditationError(
                    _(
                        "The scores do not reach the pass mark, or a mandatory criterion is not met: it cannot be "
                        "accredited."
                    )
                )
            decision.level, decision.year = level, timezone.localdate(now).year
            decision.valid_until = _years_later(timezone.localdate(now), application.call.scheme.validity_years)
            _set_level(
                site, level, decision.year, user, _("Accredited: %(application)s") % {"application": application}
            )
        elif previous and previous.outcome == Outcome.ACCREDIT and _holds(site, previous):
            _set_level(site, DemonstrationLevel.NONE, None, user, _("Accreditation withdrawn on appeal"))
        if previous:
            previous.superseded = True
            previous.save(update_fields=["superseded"])
        decision.save()
        application.stage = Stage.DECIDED
        application.save(update_fields=["stage", "updated_at"])
        mail.send_on_commit(decision)
    return decision


def _years_later(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _holds(site, decision):
    return site.level == decision.level and site.level_year == decision.year


def _set_level(site, level, year, user, reason):
    site.level, site.level_year = level, year
    site._change_reason, site._history_user = str(reason)[:100], user
    site.save(update_fields=["level", "level_year", "updated_at"])


def lodge_appeal(*, application, user, grounds, now=None):
    now = now or timezone.now()
    if not grounds.strip():
        raise AccreditationError(_("Give the grounds of the appeal."))
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("call__scheme").get(pk=application.pk)
        if not Site.objects.managed_by(user).filter(pk=application.site_id).exists():
            raise AccreditationError(_("Only the site's operator may appeal."))
        decision = application.decisions.filter(superseded=False).first()
        if application.stage != Stage.DECIDED or decision is None or decision.on_appeal:
            raise AccreditationError(_("This decision cannot be appealed."))
        if Appeal.objects.filter(application=application).exists():
            raise AccreditationError(_("A decision can be appealed only once."))
        if timezone.localdate(now) > decision.appeal_until():
            raise AccreditationError(_("The period for an appeal has ended."))
        appeal = Appeal.objects.create(application=application, grounds=grounds.strip(), lodged_by=user)
        application.stage = Stage.APPEALED
        application.save(update_fields=["stage", "updated_at"])
    return appeal


def expire_accreditations(*, today=None):
    """Accreditations past their date lose their level (unless the site has since been given another); each in its
    own transaction. Returns how many expired."""
    today = today or timezone.localdate()
    expired = 0
    for decision_id in (
        Decision.objects.accreditations()
        .filter(valid_until__lt=today, expired_at__isnull=True)
        .values_list("pk", flat=True)
    ):
        with transaction.atomic():
            decision = Decision.objects.select_for_update().select_related("application").get(pk=decision_id)
            site = Site.objects.select_for_update().get(pk=decision.application.site_id)
            if _holds(site, decision):
                _set_level(site, DemonstrationLevel.NONE, None, None, _("Accreditation expired"))
            decision.expired_at = timezone.now()
            decision.save(update_fields=["expired_at"])
            expired += 1
    return expired


def due_for_review(*, today=None, months=6):
    today = today or timezone.localdate()
    return Decision.objects.current(today).filter(valid_until__lte=today + datetime.timedelta(days=31 * months))


def copy_scheme(scheme, *, name_zh=None):
    """A new, editable scheme with the same sections, criteria and marks: how a frozen scheme is changed."""
    from accreditation.models import Scheme

    with transaction.atomic():
        copy = Scheme.objects.get(pk=scheme.pk)
        copy.pk, copy.id, copy.copied_from = None, None, scheme
        copy.name_zh = name_zh or _("%(name)s (copy)") % {"name": scheme.name_zh}
        copy.name_en = f"{scheme.name_en} (copy)" if scheme.name_en else ""
        copy.save()
        for section in scheme.sections.prefetch_related("criteria"):
            criteria = list(section.criteria.all())
            section.pk, section.id, section.scheme = None, None, copy
            section.save()
            for criterion in criteria:
                criterion.pk, criterion.id, criterion.section = None, None, section
            Criterion.objects.bulk_create(criteria)
    return copy
