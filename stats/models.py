"""Visitor statistics: what each site reports per month, what events drew, and what the bureau publishes of it.

A report is the site's own figure until the bureau publishes it; only published reports count towards the public
totals (stats.figures). Every change is kept (simple-history), so an edit after publishing shows who changed what.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.db.models.functions import Round
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bookings.models import Booking, BookingStatus
from core.translation import translated
from sites.models import Site

FIRST_YEAR, LAST_YEAR = 2000, 2100
MONEY = {"max_digits": 14, "decimal_places": 2}  # up to a trillion yuan, to the fen
NO_MONEY = Decimal("0.00")


def two_decimals(name):
    """Revenue is stored to the fen: the database refuses a value with more than two decimals, whichever door."""
    return models.CheckConstraint(
        condition=Q(**{name: Round(F(name), 2)}),
        name=f"%(class)s_{name}_fen",
        violation_error_message=_("Give amounts in yuan with at most two decimals."),
    )


def at_least_zero(name):
    return models.CheckConstraint(
        condition=Q(**{f"{name}__gte": 0}),
        name=f"%(class)s_{name}_not_negative",
        violation_error_message=_("Figures cannot be negative."),
    )


def money_field(label, **kwargs):
    return models.DecimalField(
        label,
        **MONEY,
        default=NO_MONEY,
        validators=[MinValueValidator(NO_MONEY, _("Figures cannot be negative."))],
        **kwargs,
    )


def previous_month(today):
    first = today.replace(day=1) - datetime.timedelta(days=1)
    return first.year, first.month


def attended_pupils(site, year, month):
    """Pupils of the attended study-tour bookings at `site` in that month (local time): the report's prefill."""
    start = timezone.make_aware(datetime.datetime(year, month, 1))
    end = timezone.make_aware(datetime.datetime(year + month // 12, month % 12 + 1, 1))
    bookings = Booking.objects.filter(
        slot__programme__site=site, status=BookingStatus.ATTENDED, slot__start__gte=start, slot__start__lt=end
    )
    return bookings.aggregate(n=Sum("pupils"))["n"] or 0


class ReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def managed_by(self, user):
        return self.filter(site__in=Site.objects.managed_by(user))


class Publication(models.Model):
    """The bureau's approval: until it is given, a figure stays in the back office."""

    published = models.BooleanField(
        _("published by the bureau"),
        default=False,
        db_index=True,
        help_text=_("Only published figures count towards the public totals. Only the bureau can publish."),
    )
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Demo figures, not reported by anyone: shown with a label.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class SiteMonthReport(Publication):
    """One site's figures for one calendar month."""

    site_path = "site_id"

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="month_reports", verbose_name=_("site"))
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    month = models.PositiveSmallIntegerField(_("month"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    visitors = models.PositiveIntegerField(_("visitors"), help_text=_("Everyone who visited in the month."))
    pupils = models.PositiveIntegerField(
        _("of whom study-tour pupils"),
        default=0,
        help_text=_(
            "Filled in from the attended study-tour bookings of the month; correct it if groups came "
            "without booking through the portal."
        ),  # fmt: skip
    )
    tourism_revenue = money_field(
        _("tourism revenue (yuan)"), help_text=_("Tickets, tours, catering and shop sales of the month.")
    )
    goods_revenue = money_field(
        _("of which creative goods (yuan)"), help_text=_("Sales of cultural and creative products (株洲礼物).")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("reported by"),
    )
    created_at = models.DateTimeField(_("reported at"), default=timezone.now, editable=False)

    objects = ReportQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("monthly site report")
        verbose_name_plural = _("monthly site reports")
        ordering = ["-year", "-month", "site__name_zh"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "year", "month"],
                name="sitemonthreport_once_a_month",
                violation_error_message=_("This site has already reported this month: change that report instead."),
            ),
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12),
                name="sitemonthreport_month_valid",
                violation_error_message=_("Choose a month from 1 to 12."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                name="sitemonthreport_year_valid",
                violation_error_message=_("Choose a year from 2000 to 2100."),
            ),
            *[at_least_zero(name) for name in ("visitors", "pupils", "tourism_revenue", "goods_revenue")],
            models.CheckConstraint(
                condition=Q(pupils__lte=F("visitors")),
                name="sitemonthreport_pupils_within_visitors",
                violation_error_message=_("Pupils are counted among the visitors: they cannot be more."),
            ),
            models.CheckConstraint(
                condition=Q(goods_revenue__lte=F("tourism_revenue")),
                name="sitemonthreport_goods_within_revenue",
                violation_error_message=_("Creative-goods revenue is part of the tourism revenue: it cannot be more."),
            ),
            two_decimals("tourism_revenue"),
            two_decimals("goods_revenue"),
        ]
        indexes = [
            models.Index(fields=["year", "month"], name="sitemonthreport_period"),
            models.Index(fields=["published", "year"], name="sitemonthreport_pub_year"),
        ]

    def __str__(self):
        return f"{self.site} {self.period_label}"

    @property
    def period_label(self):
        return f"{self.year}-{self.month:02d}"

    def clean(self):
        super().clean()
        today = timezone.localdate()
        if self.year and self.month and (self.year, self.month) > (today.year, today.month):
            raise ValidationError({"month": _("A month can be reported once it has begun, not before.")})

    @staticmethod
    def add_url(site, year, month):
        """The pre-filled report form for `site` and a month (the dashboard's reminders link here)."""
        return f"{reverse('admin:stats_sitemonthreport_add')}?site={site.pk}&year={year}&month={month}"


class Qualifier(models.TextChoices):
    """How exact a stated figure is: the bureau writes 400余万 (more than 4 million) and 近4亿 (nearly 400 million)."""

    EXACT = "exact", _("exactly")
    MORE_THAN = "more", _("more than")
    ABOUT = "about", _("about")


class EventReport(Publication):
    """What one edition (or period) of an event drew: attendance and spending, with the source of the figure."""

    event = models.ForeignKey("events.Event", on_delete=models.PROTECT, related_name="reports", verbose_name=_("event"))
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    period_zh = models.CharField(
        _("edition or period (Chinese)"), max_length=60, help_text=_("For example: 两个月赛程, or 两天公众开放日.")
    )
    period_en = models.CharField(_("edition or period (English)"), max_length=80, blank=True)
    attendance = models.PositiveIntegerField(_("attendance"))
    attendance_qualifier = models.CharField(
        _("attendance is"), max_length=5, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    spending = models.DecimalField(
        _("spending (yuan)"),
        **MONEY,
        null=True,
        blank=True,
        validators=[MinValueValidator(NO_MONEY, _("Figures cannot be negative."))],
        help_text=_("Visitor spending the event brought. Leave empty when no figure is known."),
    )
    spending_qualifier = models.CharField(
        _("spending is"), max_length=5, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    source_zh = models.CharField(
        _("source (Chinese)"), max_length=200, help_text=_("Where the figure is published, as visitors will read it.")
    )
    source_en = models.CharField(_("source (English)"), max_length=250, blank=True)

    objects = ReportQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    period = translated("period")
    source = translated("source")

    class Meta:
        verbose_name = _("event report")
        verbose_name_plural = _("event reports")
        ordering = ["-year", "event__title_zh"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "year", "period_zh"],
                name="eventreport_once_a_period",
                violation_error_message=_("This event already has a report for this year and period."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                name="eventreport_year_valid",
                violation_error_message=_("Choose a year from 2000 to 2100."),
            ),
            at_least_zero("attendance"),
            at_least_zero("spending"),
            two_decimals("spending"),
        ]
        indexes = [models.Index(fields=["published", "year"], name="eventreport_pub_year")]

    def __str__(self):
        return f"{self.event} {self.year} {self.period_zh}"
