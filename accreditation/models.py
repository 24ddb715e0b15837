"""Accreditation of municipal industrial-tourism demonstration points (市级工业旅游示范点).

The bureau keeps a scheme of criteria (sections, criteria with points, guidance and the evidence asked for, pass
marks per level); a call for applications uses one scheme and has a deadline; a site's operator answers every
criterion of it, with evidence, and submits; two or more assessors score each criterion independently; the
administrator decides, which sets the site's demonstration level (accreditation.services). A scheme that an
application uses is frozen: a new one is a copy.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from core.translation import translated
from sites.models import DemonstrationLevel, Site


class SchemeQuerySet(models.QuerySet):
    def in_use(self):
        return self.filter(calls__applications__isnull=False).distinct()


class Scheme(models.Model):
    """A set of criteria with pass marks, e.g. “市级工业旅游示范点 2025”."""

    name_zh = models.CharField(_("name (Chinese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Criteria and marks made up for the demonstration, not the bureau's: shown with a warning."),
    )
    pass_municipal = models.PositiveSmallIntegerField(
        _("pass mark, municipal"),
        help_text=_("Points needed for a municipal point: set slightly below the provincial."),
    )
    pass_provincial = models.PositiveSmallIntegerField(
        _("pass mark, provincial (reference)"), help_text=_("The provincial mark, for comparison only.")
    )
    pass_national = models.PositiveSmallIntegerField(
        _("pass mark, national (reference)"), help_text=_("The national mark, for comparison only.")
    )
    disagreement_margin = models.PositiveSmallIntegerField(
        _("disagreement margin"),
        default=2,
        help_text=_("Criteria where assessors' scores differ by more than this many points are pointed out."),
    )
    validity_years = models.PositiveSmallIntegerField(
        _("valid for (years)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    appeal_days = models.PositiveSmallIntegerField(
        _("appeal period (days)"), default=30, validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    copied_from = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="copies", verbose_name=_("copied from")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SchemeQuerySet.as_manager()
    name = translated("name")

    class Meta:
        verbose_name = _("assessment scheme")
        verbose_name_plural = _("assessment schemes")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_municipal__lte=models.F("pass_provincial"))
                & Q(pass_provincial__lte=models.F("pass_national")),
                name="scheme_pass_marks_ordered",
                violation_error_message=_("Pass marks must rise: municipal ≤ provincial ≤ national."),
            ),
        ]

    def __str__(self):
        return self.name_zh

    def is_frozen(self):
        """A scheme that any application uses cannot change: the scores given under it would lose their meaning."""
        return Application.objects.filter(call__scheme=self).exists()

    def total_points(self):
        return sum(c.max_points for c in Criterion.objects.filter(section__scheme=self))

    def pass_mark(self, level):
        return {
            DemonstrationLevel.MUNICIPAL: self.pass_municipal,
            DemonstrationLevel.PROVINCIAL: self.pass_provincial,
            DemonstrationLevel.NATIONAL: self.pass_national,
        }[level]

    def clean(self):
        super().clean()
        if self.pk:
            total = self.total_points()
            if total and self.pass_national is not None and self.pass_national > total:
                raise ValidationError(
                    {"pass_national": _("No mark can exceed the scheme's %(total)s points.") % {"total": total}}
                )


class Section(models.Model):
    scheme = models.ForeignKey(Scheme, models.CASCADE, related_name="sections", verbose_name=_("scheme"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_zh = models.CharField(_("title (Chinese)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)

    title = translated("title")

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title_zh


class Criterion(models.Model):
    section = models.ForeignKey(Section, models.CASCADE, related_name="criteria", verbose_name=_("section"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    code = models.CharField(_("code"), max_length=12, help_text=_("Short reference, e.g. A1."))
    title_zh = models.CharField(_("criterion (Chinese)"), max_length=200)
    title_en = models.CharField(_("criterion (English)"), max_length=250, blank=True)
    guidance_zh = models.TextField(_("guidance for applicants and assessors (Chinese)"), blank=True)
    guidance_en = models.TextField(_("guidance for applicants and assessors (English)"), blank=True)
    evidence_zh = models.TextField(_("evidence asked for (Chinese)"), blank=True)
    evidence_en = models.TextField(_("evidence asked for (English)"), blank=True)
    max_points = models.PositiveSmallIntegerField(
        _("points"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    mandatory = models.BooleanField(
        _("mandatory"),
        default=False,
        help_text=_("An application that does not reach the mandatory points here fails, whatever its total."),
    )
    mandatory_points = models.PositiveSmallIntegerField(
        _("mandatory points"), null=True, blank=True, help_text=_("For a mandatory criterion: the least average score.")
    )

    title = translated("title")
    guidance = translated("guidance")
    evidence = translated("evidence")

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(max_points__gte=1), name="criterion_points_positive"),
            models.CheckConstraint(
                condition=Q(mandatory=False, mandatory_points__isnull=True)
                | Q(mandatory=True, mandatory_points__isnull=False, mandatory_points__lte=models.F("max_points")),
                name="criterion_mandatory_points",
                violation_error_message=_("A mandatory criterion needs its mandatory points, at most its points."),
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title_zh}"


class CallQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, deadline__gt=now)


class Call(models.Model):
    """A call for applications: which scheme, which level it awards, from when until the deadline."""

    scheme = models.ForeignKey(Scheme, models.PROTECT, related_name="calls", verbose_name=_("scheme"))
    title_zh = models.CharField(_("title (Chinese)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    level = models.CharField(
        _("level awarded"),
        max_length=12,
        choices=[(DemonstrationLevel.MUNICIPAL.value, DemonstrationLevel.MUNICIPAL.label)],
        default=DemonstrationLevel.MUNICIPAL,
        help_text=_("The city accredits municipal points; the provincial and national ones are awarded above it."),
    )
    opens_at = models.DateTimeField(_("opens"))
    deadline = models.DateTimeField(_("deadline"), help_text=_("Beijing time. Applications are submitted before it."))

    objects = CallQuerySet.as_manager()
    title = translated("title")

    class Meta:
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")
        ordering = ["-deadline"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gt=models.F("opens_at")),
                name="call_deadline_after_opening",
                violation_error_message=_("The deadline must come after the opening."),
            ),
        ]
        indexes = [models.Index(fields=["opens_at", "deadline"], name="call_open_window")]

    def __str__(self):
        return self.title_zh

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.deadline


class Stage(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ASSESSING = "assessing", _("Being assessed")
    SCORED = "scored", _("Scored, awaiting decision")
    DECIDED = "decided", _("Decided")
    APPEALED = "appealed", _("Appealed")


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What `user` may open: the bureau every application, an operator those of their sites, an assessor those
        assigned to them. The one place that answers it (views, report, evidence)."""
        from accreditation import roles

        if not (user.is_authenticated and user.is_active and user.is_staff):
            return self.none()
        if roles.is_bureau_staff(user):
            return self.all()
        mine = Q(site__in=Site.objects.managed_by(user))
        if user.has_perm(roles.SCORE_PERMISSION):
            mine |= Q(pk__in=Assignment.objects.filter(assessor=user).values("application"))
        return self.filter(mine)

    def for_list(self):
        return self.select_related("site", "call")


class Application(models.Model):
    call = models.ForeignKey(Call, models.PROTECT, related_name="applications", verbose_name=_("call"))
    site = models.ForeignKey(Site, models.PROTECT, related_name="applications", verbose_name=_("site"))
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("opened by")
    )
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "site"],
                name="one_application_per_call_and_site",
                violation_error_message=_("This site has already applied in this call."),
            )
        ]
        indexes = [models.Index(fields=["stage", "updated_at"], name="application_stage")]
        permissions = [
            ("manage_applications", _("Can assign assessors to applications")),
            ("score_application", _("Can score applications assigned to them")),
            ("decide_application", _("Can decide on applications")),
        ]

    def __str__(self):
        return f"{self.site} · {self.call}"

    def get_absolute_url(self):
        return reverse("accreditation:application", kwargs={"pk": self.pk})

    def is_editable(self):
        return self.stage == Stage.DRAFT

    def latest_decision(self):
        return self.decisions.order_by("-decided_at", "-pk").first()


class Answer(models.Model):
    application = models.ForeignKey(Application, models.CASCADE, related_name="answers", verbose_name=_("application"))
    criterion = models.ForeignKey(Criterion, models.PROTECT, related_name="+", verbose_name=_("criterion"))
    text = models.TextField(_("answer"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["application", "criterion"], name="one_answer_per_criterion")]

    def __str__(self):
        return f"{self.criterion.code} · {self.application}"


class Evidence(models.Model):
    PHOTO, PDF = "photo", "pdf"

    answer = models.ForeignKey(Answer, models.CASCADE, related_name="evidence", verbose_name=_("answer"))
    file = models.FileField(_("file"), upload_to="evidence/%Y/%m/", storage=private_storage, max_length=200)
    kind = models.CharField(_("kind"), max_length=8, choices=[(PHOTO, _("Photo")), (PDF, _("PDF"))])
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("accreditation:evidence", kwargs={"pk": self.pk})


class Assignment(models.Model):
    """An assessor on an application: their declaration of interests, then their scores, sent once."""

    application = models.ForeignKey(
        Application, models.CASCADE, related_name="assignments", verbose_name=_("application")
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="assessments", verbose_name=_("assessor")
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    declared_at = models.DateTimeField(_("interests declared"), null=True, blank=True)
    has_conflict = models.BooleanField(_("conflict of interest"), default=False)
    conflict_note = models.TextField(_("declaration"), max_length=2000, blank=True)
    submitted_at = models.DateTimeField(_("scores sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("assessor assignment")
        verbose_name_plural = _("assessor assignments")
        ordering = ["assigned_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "assessor"],
                name="one_assignment_per_assessor",
                violation_error_message=_("This assessor is already assigned."),
            )
        ]

    def __str__(self):
        return f"{self.assessor} · {self.application}"

    def may_score(self):
        return self.declared_at is not None and not self.has_conflict and self.submitted_at is None


class Score(models.Model):
    assignment = models.ForeignKey(Assignment, models.CASCADE, related_name="scores", verbose_name=_("assignment"))
    criterion = models.ForeignKey(Criterion, models.PROTECT, related_name="+", verbose_name=_("criterion"))
    points = models.PositiveSmallIntegerField(_("points"))
    comment = models.TextField(_("comment"), max_length=2000)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["assignment", "criterion"], name="one_score_per_criterion")]

    def __str__(self):
        return f"{self.criterion.code}: {self.points}"


class Outcome(models.TextChoices):
    ACCREDIT = "accredit", _("Accredit")
    DEFER = "defer", _("Defer with requests")
    REFUSE = "refuse", _("Refuse")


class DecisionQuerySet(models.QuerySet):
    def accreditations(self):
        return self.filter(outcome=Outcome.ACCREDIT, superseded=False)

    def current(self, today=None):
        today = today or timezone.localdate()
        return self.accreditations().filter(valid_until__gte=today)


class Decision(models.Model):
    """The administrator's decision; a second one answers an appeal and supersedes the first."""

    application = models.ForeignKey(
        Application, models.CASCADE, related_name="decisions", verbose_name=_("application")
    )
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    level = models.CharField(
        _("level"), max_length=12, choices=DemonstrationLevel.choices, default=DemonstrationLevel.NONE
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    reasons = models.TextField(
        _("reasons or requests"), max_length=4000, blank=True, help_text=_("Sent to the operator with the decision.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)
    on_appeal = models.BooleanField(_("on appeal"), default=False)
    superseded = models.BooleanField(_("superseded"), default=False, help_text=_("Replaced by the decision on appeal."))
    expired_at = models.DateTimeField(_("expired"), null=True, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome="accredit")
                | (~Q(level="none") & Q(year__isnull=False, valid_until__isnull=False)),
                name="decision_accreditation_complete",
            ),
        ]
        indexes = [models.Index(fields=["outcome", "superseded", "valid_until"], name="decision_current")]

    def __str__(self):
        return f"{self.get_outcome_display()} · {self.application}"

    def appeal_until(self):
        return (self.decided_at + datetime.timedelta(days=self.application.call.scheme.appeal_days)).date()


class Appeal(models.Model):
    """An operator may appeal a decision once, within the scheme's period."""

    application = models.OneToOneField(
        Application, models.CASCADE, related_name="appeal", verbose_name=_("application")
    )
    grounds = models.TextField(_("grounds"), max_length=4000)
    lodged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("lodged by")
    )
    lodged_at = models.DateTimeField(_("lodged"), auto_now_add=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self):
        return f"{_('Appeal')} · {self.application}"
