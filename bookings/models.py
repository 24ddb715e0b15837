"""Study tours (研学游): programmes at a site, time slots, and the bookings schools make for them.

Places are counted in persons (pupils, teachers, safety officers, tutors) from the live bookings of a slot,
never kept in a counter.
Writes that consume places go through bookings.services, which locks the slot before counting.
"""

import datetime
import math
import secrets
from collections import namedtuple

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from bookings.expressions import Days, sum_of
from core.publishing import Listing, PublishableQuerySet, missing_names, publish_window_constraint, published_q
from core.revisions import Revisable
from core.translation import translated
from sites.models import Site


class GradeBand(models.TextChoices):
    PRIMARY_LOWER = "primary_lower", _("Primary school, grades 1–3")
    PRIMARY_UPPER = "primary_upper", _("Primary school, grades 4–6")
    JUNIOR = "junior", _("Junior secondary school")
    SENIOR = "senior", _("Senior secondary school")
    UNIVERSITY = "university", _("University")


GRADE_BANDS = [band.value for band in GradeBand]


def pupils_field(band):
    return f"pupils_{band}"


def grade_field(band):
    return f"for_{band}"


# Safety officers or tutors a programme may require, or a group bring, per group.
MAX_STAFF_PER_GROUP = 20  # as in the constraints' messages


class ProgrammeQuerySet(PublishableQuerySet):
    def published(self, now=None):
        """Published in its own window, at a site that is public too."""
        return self.filter(published_q(now=now), published_q("site__", now=now))

    def for_grade(self, band):
        return self.filter(**{grade_field(GradeBand(band)): True})

    def with_next_slot(self, now=None):
        """Annotates `next_slot_start`: the first slot still open for booking requests with room for a group."""
        now = now or timezone.now()
        slots = TimeSlot.objects.filter(programme=OuterRef("pk")).bookable_from(now).with_room_for_a_group(now)
        return self.annotate(next_slot_start=Subquery(slots.order_by("start").values("start")[:1]))

    def for_listing(self, now=None):
        return self.select_related("site").with_next_slot(now)


class StudyProgramme(Listing, Revisable):
    """A study tour a site offers to school groups, booked per time slot."""

    name_field = "title"
    sitemap_changefreq = "weekly"

    site_path = "site_id"

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("site"))
    title_zh = models.CharField(_("title (Chinese)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Part of the page address."))
    learning_zh = models.TextField(_("what pupils learn (Chinese)"), blank=True)
    learning_en = models.TextField(_("what pupils learn (English)"), blank=True)
    for_primary_lower = models.BooleanField(GradeBand.PRIMARY_LOWER.label, default=False)
    for_primary_upper = models.BooleanField(GradeBand.PRIMARY_UPPER.label, default=False)
    for_junior = models.BooleanField(GradeBand.JUNIOR.label, default=False)
    for_senior = models.BooleanField(GradeBand.SENIOR.label, default=False)
    for_university = models.BooleanField(GradeBand.UNIVERSITY.label, default=False)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=120, validators=[MinValueValidator(15), MaxValueValidator(720)]
    )
    group_min = models.PositiveSmallIntegerField(
        _("fewest pupils"), default=10, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    group_max = models.PositiveSmallIntegerField(
        _("most pupils"), default=50, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    pupils_per_teacher = models.PositiveSmallIntegerField(
        _("pupils per teacher"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Staffing rule: a group brings at least one teacher for every this many pupils."),
    )
    safety_officers_per_group = models.PositiveSmallIntegerField(
        _("safety officers per group"),
        default=0,
        validators=[MaxValueValidator(MAX_STAFF_PER_GROUP)],
        help_text=_("LB/T 054: safety officers each group brings besides its teachers (0 for none)."),
    )
    tutors_per_group = models.PositiveSmallIntegerField(
        _("tutors per group"),
        default=0,
        validators=[MaxValueValidator(MAX_STAFF_PER_GROUP)],
        help_text=_("LB/T 054: study-tour tutors (研学导师) each group brings besides its teachers (0 for none)."),
    )
    price_per_pupil = models.DecimalField(
        _("price per pupil (yuan)"),
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 for a free programme. Teachers go free."),
    )
    lead_days = models.PositiveSmallIntegerField(
        _("lead time (days)"),
        default=7,
        validators=[MaxValueValidator(365)],
        help_text=_("Schools book at least this many days before the visit."),
    )
    safety_zh = models.TextField(_("safety notes (Chinese)"), blank=True)
    safety_en = models.TextField(_("safety notes (English)"), blank=True)
    booking_phone = models.CharField(
        _("booking phone"), max_length=40, blank=True, help_text=_("Public; leave empty to give the site's phone.")
    )
    booking_email = models.EmailField(
        _("booking email"), blank=True, help_text=_("Public; leave empty to give the site's email.")
    )

    objects = ProgrammeQuerySet.as_manager()

    title = translated("title")
    summary = translated("summary")
    learning = translated("learning")
    safety = translated("safety")

    class Meta:
        verbose_name = _("study programme")
        verbose_name_plural = _("study programmes")
        ordering = ["title_zh"]
        constraints = [
            models.CheckConstraint(
                condition=Q(group_min__gte=1, group_max__gte=F("group_min"), group_max__lte=500),
                name="programme_group_size_valid",
                violation_error_message=_("The most pupils must be at least the fewest, and at most 500."),
            ),
            models.CheckConstraint(
                condition=Q(pupils_per_teacher__gte=1),
                name="programme_staffing_valid",
                violation_error_message=_("Give the number of pupils per teacher."),
            ),
            models.CheckConstraint(
                condition=Q(price_per_pupil__gte=0),
                name="programme_price_not_negative",
                violation_error_message=_("The price cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=15, duration_minutes__lte=720),
                name="programme_duration_valid",
                violation_error_message=_("A programme lasts between 15 minutes and 12 hours."),
            ),
            models.CheckConstraint(
                condition=Q(for_primary_lower=True)
                | Q(for_primary_upper=True)
                | Q(for_junior=True)
                | Q(for_senior=True)
                | Q(for_university=True),
                name="programme_has_grade_band",
                violation_error_message=_("Tick at least one grade band."),
            ),
            models.CheckConstraint(
                condition=Q(
                    safety_officers_per_group__lte=MAX_STAFF_PER_GROUP, tutors_per_group__lte=MAX_STAFF_PER_GROUP
                ),
                name="programme_staff_valid",
                violation_error_message=_("A programme requires at most 20 safety officers and 20 tutors per group."),
            ),
            publish_window_constraint("programme_publish_window_valid"),
        ]
        # The list of study tours, in its order: the first page reads a dozen rows, not every programme.
        indexes = [models.Index(fields=["title_zh", "id"], condition=Q(published=True), name="programme_pub_title")]

    def __str__(self):
        return self.title_zh

    def get_absolute_url(self):
        return reverse("bookings:programme-detail", kwargs={"slug": self.slug})

    def missing_for_publication(self):
        missing = missing_names(self, "title")
        if not self.summary_zh.strip() or not self.summary_en.strip():
            missing.append(_("a summary in both languages"))
        return missing

    @property
    def contact_phone(self):
        """Whom schools call about a booking: the programme's own number, else the site's."""
        return self.booking_phone or self.site.phone

    @property
    def contact_email(self):
        return self.booking_email or self.site.email

    @property
    def is_free(self):
        return self.price_per_pupil == 0

    def grade_bands(self):
        return [band for band in GradeBand if getattr(self, grade_field(band))]

    def teachers_needed(self, pupils):
        return math.ceil(pupils / self.pupils_per_teacher) if pupils > 0 else 0

    @property
    def staff_per_group(self):
        return self.safety_officers_per_group + self.tutors_per_group

    def smallest_group(self):
        """Persons in the smallest group this programme takes: the fewest pupils and the staff they need."""
        return self.group_min + max(self.teachers_needed(self.group_min), 1) + self.staff_per_group

    @staticmethod
    def smallest_group_expression(prefix=""):
        """smallest_group() in SQL; integer division rounds down on both databases, hence the `+ n - 1`."""
        fewest, per_teacher = F(f"{prefix}group_min"), F(f"{prefix}pupils_per_teacher")
        staff = F(f"{prefix}safety_officers_per_group") + F(f"{prefix}tutors_per_group")
        return fewest + (fewest + per_teacher - 1) / per_teacher + staff

    def group_errors(self, pupils_by_band, teachers, safety_officers=0, tutors=0):
        """What is wrong with a group of `pupils_by_band` ({band: count}) and its staff, as {field: message}."""
        errors = {}
        for band, count in pupils_by_band.items():
            if count and not getattr(self, grade_field(band)):
                errors[pupils_field(band)] = _("This programme is not offered for this grade band.")
        pupils = sum(pupils_by_band.values())
        if pupils < self.group_min:
            errors[None] = _("This programme needs at least %(min)d pupils; you entered %(n)d.") % {
                "min": self.group_min,
                "n": pupils,
            }
        elif pupils > self.group_max:
            errors[None] = _("This programme takes at most %(max)d pupils; you entered %(n)d.") % {
                "max": self.group_max,
                "n": pupils,
            }
        needed = self.teachers_needed(pupils)
        if teachers < max(needed, 1):
            errors["teachers"] = _(
                "Bring at least one teacher for every %(n)d pupils: %(needed)d teachers for this group."
            ) % {"n": self.pupils_per_teacher, "needed": max(needed, 1)}
        if safety_officers < self.safety_officers_per_group:
            errors["safety_officers"] = ngettext(
                "This programme needs %(n)d safety officer per group.",
                "This programme needs %(n)d safety officers per group.",
                self.safety_officers_per_group,
            ) % {"n": self.safety_officers_per_group}
        if tutors < self.tutors_per_group:
            errors["tutors"] = ngettext(
                "This programme needs %(n)d tutor per group.",
                "This programme needs %(n)d tutors per group.",
                self.tutors_per_group,
            ) % {"n": self.tutors_per_group}
        return errors


class SlotStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed to new bookings")
    CANCELLED = "cancelled", _("Cancelled")


class TimeSlotQuerySet(models.QuerySet):
    def bookable_from(self, now):
        """Open slots far enough ahead for each programme's lead time, by calendar day in Zhuzhou."""
        today = timezone.localdate(now)
        # Lead time counts whole days; a slot on `today + lead_days` may be booked. Compare against the
        # first moment of that day, which depends on the programme, hence a per-row expression.
        midnight = datetime.datetime.combine(today, datetime.time.min, tzinfo=timezone.get_current_timezone())
        return self.filter(
            published_q("programme__", now=now),
            status=SlotStatus.OPEN,
            start__gt=now,
            start__gte=midnight + Days(F("programme__lead_days")),
        )

    def with_room_for_a_group(self, now):
        """Slots whose places left take at least the smallest group of their programme."""
        held = (
            Booking.objects.filter(Booking.holding_q(now), slot=OuterRef("pk"))
            .values("slot")
            .annotate(n=Sum("persons"))
            .values("n")
        )
        room = F("capacity") - Coalesce(Subquery(held), 0)
        return self.alias(room=room).filter(room__gte=StudyProgramme.smallest_group_expression("programme__"))

    def with_held(self, now=None):
        """Annotates `held`: persons (pupils and staff) of the bookings holding places."""
        holding = Booking.holding_q(now or timezone.now(), prefix="bookings__")
        return self.annotate(held=Coalesce(Sum("bookings__persons", filter=holding), 0))


class TimeSlot(models.Model):
    site_path = "programme__site"

    programme = models.ForeignKey(
        StudyProgramme, on_delete=models.CASCADE, related_name="slots", verbose_name=_("programme")
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"))
    capacity = models.PositiveSmallIntegerField(
        _("capacity (persons)"),
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("Pupils, teachers and other staff together."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SlotStatus.choices,
        default=SlotStatus.OPEN,
        help_text=_(
            "Change it with the actions of the slot list: close, reopen, or cancel (which cancels the slot's "
            "bookings and emails their organisers)."
        ),
    )
    note = models.CharField(_("staff note"), max_length=200, blank=True)

    objects = TimeSlotQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="timeslot_ends_after_start",
                violation_error_message=_("A slot must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=1000),
                name="timeslot_capacity_valid",
                violation_error_message=_("Capacity is between 1 and 1000 persons."),
            ),
            models.UniqueConstraint(
                fields=["programme", "start"],
                name="timeslot_unique_start",
                violation_error_message=_("This programme already has a slot at this time."),
            ),
        ]

    def __str__(self):
        return f"{self.programme} {timezone.localtime(self.start):%Y-%m-%d %H:%M}"

    def persons_held(self, now=None):
        return self.bookings.holding(now or timezone.now()).aggregate(n=Coalesce(Sum("persons"), 0))["n"]

    def places_left(self, now=None):
        held = getattr(self, "held", None)
        return max(self.capacity - (self.persons_held(now) if held is None else held), 0)

    def places_for_a_group(self, now=None):
        """The places left, or 0 when they are fewer than the smallest group the programme takes."""
        left = self.places_left(now)
        return left if left >= self.programme.smallest_group() else 0

    def unavailable_reason(self, now):
        """Why no request can be made for this slot at `now`, or None when it can."""
        if self.status == SlotStatus.CANCELLED:
            return _("This time slot has been cancelled.")
        if self.status == SlotStatus.CLOSED:
            return _("This time slot is closed to new bookings.")
        if self.start <= now:
            return _("This time slot has already started.")
        if not (self.programme.is_live(now) and self.programme.site.is_live(now)):
            return _("This programme is not open for booking.")
        days_ahead = (timezone.localdate(self.start) - timezone.localdate(now)).days
        if days_ahead < self.programme.lead_days:
            return _("Book this programme at least %(days)d days ahead; this slot is too soon.") % {
                "days": self.programme.lead_days
            }
        return None

    def cancel_cutoff(self):
        return self.start - datetime.timedelta(hours=settings.BOOKING_CANCEL_CUTOFF_HOURS)


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("No-show")


# The only moves a booking can make; anything else is refused by services.change_status.
TRANSITIONS = {
    BookingStatus.REQUESTED: {
        BookingStatus.CONFIRMED,
        BookingStatus.DECLINED,
        BookingStatus.CANCELLED,
        BookingStatus.EXPIRED,
    },
    BookingStatus.CONFIRMED: {BookingStatus.CANCELLED, BookingStatus.ATTENDED, BookingStatus.NO_SHOW},
}

# No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
REFERENCE_LENGTH = 8

phone_validator = RegexValidator(
    r"^(?:(?:\+?86)?1[3-9]\d{9}|0\d{2,3}\d{7,8}|\+[1-9]\d{6,14})$",
    _("Enter a mobile number (11 digits), a landline with its area code, or an international number with +."),
)


def new_reference():
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def new_secret():
    return secrets.token_urlsafe(24)


StatusChange = namedtuple("StatusChange", "at from_status to_status actor user note")


class BookingQuerySet(models.QuerySet):
    def holding(self, now):
        return self.filter(Booking.holding_q(now))

    def for_staff_list(self):
        return self.select_related("slot__programme__site")

    def counts_by_status(self):
        return dict(self.values_list("status").annotate(n=Count("id")).order_by())


_PUPIL_FIELDS = [pupils_field(band) for band in GRADE_BANDS]


class Booking(models.Model):
    """A school's request for places on one time slot. Holds no pupil's personal data, only head counts."""

    site_path = "slot__programme__site"

    reference = models.CharField(_("reference"), max_length=REFERENCE_LENGTH, unique=True, editable=False)
    secret = models.CharField(max_length=64, default=new_secret, editable=False)
    slot = models.ForeignKey(TimeSlot, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("time slot"))
    school = models.CharField(_("school"), max_length=120)
    organiser_name = models.CharField(_("organiser's name"), max_length=60)
    organiser_phone = models.CharField(_("organiser's phone"), max_length=20, validators=[phone_validator])
    organiser_email = models.EmailField(_("organiser's email"))
    pupils_primary_lower = models.PositiveSmallIntegerField(GradeBand.PRIMARY_LOWER.label, default=0)
    pupils_primary_upper = models.PositiveSmallIntegerField(GradeBand.PRIMARY_UPPER.label, default=0)
    pupils_junior = models.PositiveSmallIntegerField(GradeBand.JUNIOR.label, default=0)
    pupils_senior = models.PositiveSmallIntegerField(GradeBand.SENIOR.label, default=0)
    pupils_university = models.PositiveSmallIntegerField(GradeBand.UNIVERSITY.label, default=0)
    teachers = models.PositiveSmallIntegerField(_("teachers"), default=1)
    safety_officers = models.PositiveSmallIntegerField(
        _("safety officers"), default=0, validators=[MaxValueValidator(MAX_STAFF_PER_GROUP)]
    )
    tutors = models.PositiveSmallIntegerField(
        _("tutors"), default=0, validators=[MaxValueValidator(MAX_STAFF_PER_GROUP)]
    )
    # Derived by the database, so the counts that capacity is checked against can never drift.
    pupils = models.GeneratedField(
        expression=sum_of(_PUPIL_FIELDS), output_field=models.PositiveIntegerField(_("pupils")), db_persist=True
    )
    persons = models.GeneratedField(
        expression=sum_of([*_PUPIL_FIELDS, "teachers", "safety_officers", "tutors"]),
        output_field=models.PositiveIntegerField(_("persons")),
        db_persist=True,
    )
    special_needs = models.TextField(
        _("special needs"),
        blank=True,
        validators=[MaxLengthValidator(1000)],
        help_text=_("For the whole group, e.g. two wheelchair users; never pupils' names."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="zh-hans")
    status = models.CharField(
        _("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.REQUESTED, db_index=True
    )
    status_note = models.CharField(
        _("reason given"), max_length=500, blank=True, help_text=_("Shown to the organiser.")
    )
    submission_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    expires_at = models.DateTimeField(_("request expires"), help_text=_("Unanswered requests free their places then."))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    contact_erased_at = models.DateTimeField(_("contact data erased"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()
    # The organiser's contact data is erased after the visit (PIPL), so the history never copies it; the derived
    # totals are left out too and the secret link stays out of staff view.
    history = HistoricalRecords(
        excluded_fields=[
            "secret",
            "submission_key",
            "organiser_name",
            "organiser_phone",
            "organiser_email",
            "pupils",
            "persons",
            "updated_at",
        ]
    )

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["-created_at"]
        permissions = [("manage_bookings", _("Can confirm, decline and export study-tour bookings"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(teachers__gte=1, teachers__lte=200),
                name="booking_teachers_valid",
                violation_error_message=_("A group brings between 1 and 200 teachers."),
            ),
            models.CheckConstraint(
                condition=Q(safety_officers__lte=MAX_STAFF_PER_GROUP, tutors__lte=MAX_STAFF_PER_GROUP),
                name="booking_staff_valid",
                violation_error_message=_("A group brings at most 20 safety officers and 20 tutors."),
            ),
            models.CheckConstraint(condition=Q(status__in=BookingStatus.values), name="booking_status_valid"),
        ]
        indexes = [
            models.Index(fields=["slot", "status"], name="booking_slot_status"),
            models.Index(fields=["status", "expires_at"], name="booking_status_expires"),
        ]

    def __str__(self):
        return self.reference

    # Not get_absolute_url(): the path carries the organiser's secret, and the admin would offer it to any staff
    # member as "view on site". Only mails to the organiser hold it.
    def manage_path(self):
        return reverse("bookings:booking-manage", kwargs={"reference": self.reference, "secret": self.secret})

    @staticmethod
    def holding_q(now, prefix=""):
        """Bookings that hold places: confirmed ones, and requests not yet past their expiry."""
        return Q(**{f"{prefix}status": BookingStatus.CONFIRMED}) | Q(
            **{f"{prefix}status": BookingStatus.REQUESTED, f"{prefix}expires_at__gt": now}
        )

    def pupils_by_band(self):
        return {band: getattr(self, pupils_field(band)) for band in GradeBand}

    def band_rows(self):
        return [(band.label, n) for band, n in self.pupils_by_band().items() if n]

    def can_move_to(self, status):
        return status in TRANSITIONS.get(self.status, set())

    def can_cancel(self, now):
        """The organiser may cancel a live booking until the cut-off before the visit."""
        return self.can_move_to(BookingStatus.CANCELLED) and now < self.slot.cancel_cutoff()

    @property
    def is_live(self):
        return self.status in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED)

    def status_log(self):
        """Every change of status, oldest first, read from the booking's history: when, from, to, by whom
        ("staff", "organiser" or "system"), the staff member, and the reason given with it."""
        log, status, note = [], "", ""
        for row in self.history.select_related("history_user").order_by("history_date", "history_id"):
            if row.status != status:
                reason = row.status_note if row.status_note != note else ""
                actor = row.history_change_reason or ("staff" if row.history_user_id else "")
                log.append(StatusChange(row.history_date, status, row.status, actor, row.history_user, reason))
            status, note = row.status, row.status_note
        return log

    @property
    def price_total(self):
        return self.slot.programme.price_per_pupil * self.pupils


from bookings.outbox import BookingMail  # noqa: E402, F401  (its own module: this one is long enough)
