"""Investment projects (招商项目) the bureau promotes, their stages, documents, and investors' enquiries.

A project's financing need is kept in yuan (Decimal) and shown in 亿元 in Chinese, billions or millions in English
(invest.money). Its stage changes are recorded one row each, with the day and who made the change, so the page
shows how far a project has come and the back office who moved it.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.choices import District, Industry
from core.publishing import Listing, PublishableQuerySet, missing_names, publish_window_constraint, published_q
from core.storage import private_storage
from core.translation import translated
from invest.documents import validate_pdf
from sites.models import Site, SitePhoto


class Stage(models.TextChoices):
    PLANNED = "planned", _("Planned")
    APPROVED = "approved", _("Approved")
    SEEKING = "seeking", _("Seeking investors")
    SIGNED = "signed", _("Signed")
    BUILDING = "building", _("Under construction")
    OPEN = "open", _("Open")


class ProjectType(models.TextChoices):
    RENOVATION = "renovation", _("Heritage renovation")
    CREATIVE_PARK = "creative_park", _("Creative park")
    COMPLEX = "complex", _("Tourism complex")
    STUDY = "study", _("Study and science base")
    LOW_ALTITUDE = "low_altitude", _("Low-altitude tourism")
    FACILITIES = "facilities", _("Visitor facilities")


class ProjectQuerySet(PublishableQuerySet):
    def published(self, now=None):
        """Published; a project at a site shows only while the site is public too (its card links there)."""
        return self.filter(published_q(now=now)).filter(Q(site__isnull=True) | published_q("site__", now=now))

    def for_listing(self):
        return self.select_related("site")

    def for_detail(self):
        return self.select_related("site").prefetch_related(
            Prefetch("site__photos", queryset=SitePhoto.objects.order_by("position", "id")),
            Prefetch("stage_changes", queryset=StageChange.objects.order_by("date", "id")),
            Prefetch("documents", queryset=ProjectDocument.objects.order_by("position", "id")),
        )

    def totals_by_stage(self):
        """[(stage, count, financing)] for every stage in order, zeros included, and the grand total: one query,
        and the rows always add up to the total because the total is their sum."""
        rows = {
            row["stage"]: (row["count"], row["need"] or Decimal(0))
            for row in self.order_by().values("stage").annotate(count=Count("pk"), need=Sum("financing_need"))
        }
        by_stage = [(stage, *rows.get(stage.value, (0, Decimal(0)))) for stage in Stage]
        total = (sum(row[1] for row in by_stage), sum((row[2] for row in by_stage), Decimal(0)))
        return by_stage, total


class InvestmentProject(Listing):
    """A project the bureau offers to investors, at a site or in a district."""

    sitemap_changefreq = "monthly"
    site_path = "site_id"

    name_zh = models.CharField(_("name (Chinese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Part of the page address. Made from the pinyin of the Chinese name; fixed once published."),
    )
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    site = models.ForeignKey(
        Site,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="investment_projects",
        verbose_name=_("site"),
        help_text=_("The site the project builds on, if any; its page then shows the project."),
    )
    district = models.CharField(_("district"), max_length=20, choices=District.choices, db_index=True)
    industry = models.CharField(_("industry"), max_length=20, choices=Industry.choices, db_index=True)
    project_type = models.CharField(_("type"), max_length=20, choices=ProjectType.choices)
    financing_need = models.DecimalField(
        _("financing need (yuan)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("In yuan: 1 亿元 is 100000000."),
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.PLANNED, db_index=True)
    contact_office_zh = models.CharField(_("contact office (Chinese)"), max_length=120)
    contact_office_en = models.CharField(_("contact office (English)"), max_length=160, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Demo content not stated by the bureau; the page says so."),
    )
    featured = models.BooleanField(_("featured"), default=False)

    objects = ProjectQuerySet.as_manager()

    name = translated("name")
    summary = translated("summary")
    description = translated("description")
    contact_office = translated("contact_office")

    class Meta:
        verbose_name = _("investment project")
        verbose_name_plural = _("investment projects")
        ordering = ["-featured", "name_zh"]
        constraints = [
            models.CheckConstraint(
                condition=Q(financing_need__gt=0),
                name="project_financing_positive",
                violation_error_message=_("The financing need must be more than zero."),
            ),
            publish_window_constraint("project_publish_window_valid"),
        ]
        indexes = [models.Index(fields=["stage", "district", "industry"], name="project_filters")]

    def __str__(self):
        return self.name_zh

    def get_absolute_url(self):
        return reverse("invest:project-detail", kwargs={"slug": self.slug})

    def missing_for_publication(self):
        missing = missing_names(self, "name")
        if not self.summary_zh.strip() or not self.summary_en.strip():
            missing.append(_("a summary in both languages"))
        if not self.contact_office_zh.strip():
            missing.append(_("a contact office"))
        return missing

    @property
    def cover(self):
        return self.site.cover if self.site_id and self.site else None


class StageChange(models.Model):
    """One step of a project's way: the stage it reached, on which day, and who recorded it."""

    project = models.ForeignKey(
        InvestmentProject, on_delete=models.CASCADE, related_name="stage_changes", verbose_name=_("project")
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    note_zh = models.CharField(_("note (Chinese)"), max_length=200, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=250, blank=True)

    note = translated("note")

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["project", "date"], name="stagechange_project_date")]

    def __str__(self):
        return f"{self.date} {self.get_stage_display()}"


def _document_name(instance, filename):
    return f"invest/{uuid.uuid4().hex}.pdf"  # never the client's name


class ProjectDocument(models.Model):
    site_path = "project__site_id"

    project = models.ForeignKey(
        InvestmentProject, on_delete=models.CASCADE, related_name="documents", verbose_name=_("project")
    )
    title_zh = models.CharField(_("title (Chinese)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    file = models.FileField(
        _("PDF file"),
        upload_to=_document_name,
        storage=private_storage,
        validators=[validate_pdf],
        help_text=_("A PDF without scripts or attachments, at most 10 MB."),
    )
    size = models.PositiveIntegerField(_("size (bytes)"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()
    title = translated("title")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title_zh

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("invest:document", kwargs={"slug": self.project.slug, "pk": self.pk})


class Interest(models.TextChoices):
    INVEST = "invest", _("Investing in the project")
    OPERATE = "operate", _("Operating it")
    BUILD = "build", _("Design or construction")
    PARTNER = "partner", _("Another partnership")


class EnquiryStatus(models.TextChoices):
    NEW = "new", _("New")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class Enquiry(models.Model):
    """An investor's enquiry, in the bureau's queue. The contact data is erased ENQUIRY_RETENTION_DAYS after it
    came in (`erase_enquiry_contacts`); the company, project and interest stay, for the bureau's figures."""

    # Not content: a new enquiry changes no public page (core.registry).
    shown_on_pages = False

    project = models.ForeignKey(
        InvestmentProject,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
        verbose_name=_("project"),
    )
    company = models.CharField(_("company"), max_length=150)
    contact_name = models.CharField(_("contact person"), max_length=80)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    interest = models.CharField(_("interest"), max_length=12, choices=Interest.choices)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=10, default="zh-hans", editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=EnquiryStatus.choices, default=EnquiryStatus.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    contact_erased_at = models.DateTimeField(_("contact data erased"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("investor enquiry")
        verbose_name_plural = _("investor enquiries")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(phone="", email="") | Q(contact_erased_at__isnull=False),
                name="enquiry_has_contact",
                violation_error_message=_("Give a phone number or an email address."),
            ),
        ]

    def __str__(self):
        return f"{self.company} ({self.created_at:%Y-%m-%d})" if self.created_at else self.company


def may_be_at_the_site():
    """Whether approved projects are at the site of the outer query (sites.models.PAGE_PANELS); publish windows
    aside, as for goods (gifts.models.may_draw_on_the_site)."""
    return Exists(InvestmentProject.objects.filter(published=True, site=OuterRef("pk")))
