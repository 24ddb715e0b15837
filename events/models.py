import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, F, Func, Max, Min, OuterRef, Prefetch, Q, Subquery, Sum, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.choices import District
from core.models import AudienceFields, Located, Photo, price_matches_free_constraint
from core.publishing import (
    Listing,
    PublishableQuerySet,
    missing_coordinates,
    missing_names,
    missing_photo,
    publish_window_constraint,
    published_q,
)
from core.translation import translated


class EventKind(models.TextChoices):
    SPORTS_LEAGUE = "sports", _("Sports league or match")
    FESTIVAL = "festival", _("Festival")
    CARNIVAL = "carnival", _("Carnival")
    SHOW = "show", _("Show")
    EXPO = "expo", _("Expo or fair")
    OPEN_DAY = "open_day", _("Open day")
    EXHIBITION = "exhibition", _("Exhibition")
    CONFERENCE = "conference", _("Summit or conference")
    OTHER = "other", _("Other event")


# schema.org types for JSON-LD; kinds without a closer type are plain Events.
SCHEMA_TYPES = {
    EventKind.SPORTS_LEAGUE: "SportsEvent",
    EventKind.FESTIVAL: "Festival",
    EventKind.CARNIVAL: "Festival",
    EventKind.EXPO: "ExhibitionEvent",
    EventKind.EXHIBITION: "ExhibitionEvent",
    EventKind.CONFERENCE: "BusinessEvent",
}


# Paths under /events/ that a slug would hide.
RESERVED_SLUGS = {"past", "calendar"}


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class EventQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.select_related("site").prefetch_related(
            Prefetch("photos", queryset=EventPhoto.objects.order_by("position", "id"))
        )

    def for_detail(self):
        return self.for_listing().prefetch_related(
            Prefetch("occurrences", queryset=Occurrence.objects.order_by("starts_at"))
        )

    def coming_up(self, now=None, until=None):
        """Events with a date still to come (not cancelled), soonest first, annotated with
        `next_date` and `dates_left` (not the stored `next_start`, which may fall on a cancelled date).

        Each event's first such date and their number are read from its dates' index (event, ends_at), for the
        few events asked for (a site's, the home page's six); the stored last date (Event.last_end, kept with
        every write of the dates) leaves out those with none to come first. Grouping the events with every
        column of theirs and their site's by their dates took 1.2 ms to plan for a site of five events."""
        now = now or timezone.now()
        ahead = Occurrence.objects.filter(event=OuterRef("pk"), ends_at__gte=now, cancelled=False).order_by()
        count = Func("pk", function="COUNT", output_field=models.IntegerField())  # one row, no GROUP BY
        queryset = (
            self.filter(last_end__gte=now)
            .annotate(next_date=Subquery(ahead.order_by("starts_at").values("starts_at")[:1]))
            .filter(next_date__isnull=False)
            .annotate(dates_left=Subquery(ahead.values(n=count)))
        )
        if until:
            queryset = queryset.filter(next_date__lt=until)
        return queryset.order_by("next_date", "title_zh")

    def ahead(self, now):
        """Events with a date not yet over, soonest first by the first such date, a cancelled one too: the open
        data API's list, read from the stored first date ahead (Event.ahead_start) instead of grouping 54,000
        dates. An event whose stored date has ended waits for publish_scheduled (within the minute)."""
        return self.filter(ahead_end__gte=now).order_by("ahead_start", "title_zh", "pk")

    def count_past_dates(self, now):
        """How many dates of these events are over at `now`, as many as Occurrence.objects.past(now) of them.

        One index-only pass over the events with a date over, adding their stored number of dates; only those
        with dates on both sides of `now` (a few hundred) count theirs, from the dates' index. Joining the
        dates instead took 43 ms at the province's 200,000 past dates."""
        over = Occurrence.objects.filter(event=OuterRef("pk"), ends_at__lt=now).order_by()
        # COUNT as a plain function: one row, no GROUP BY, from the index alone (event_id is in it).
        count = Func("event", function="COUNT", output_field=models.IntegerField())
        past = Case(When(last_end__lt=now, then="date_count"), default=Subquery(over.values(n=count)))
        return self.filter(first_end__lt=now).aggregate(n=Coalesce(Sum(past), 0))["n"]


class Event(Listing, AudienceFields, Located):
    """Something on in Zhuzhou: a league, a festival, an expo. Its dates are its Occurrences."""

    name_field = "title"
    sitemap_changefreq = "weekly"

    restore_with = []

    title_zh = models.CharField(_("title (Chinese)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Part of the page address. Made from the pinyin of the Chinese title; fixed once published."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices, db_index=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    site = models.ForeignKey(
        "sites.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("venue (a site)"),
        help_text=_("Choose the site when the event takes place at one; otherwise name the place below."),
    )
    venue_name_zh = models.CharField(_("place name (Chinese)"), max_length=120, blank=True)
    venue_name_en = models.CharField(_("place name (English)"), max_length=160, blank=True)
    address_zh = models.CharField(_("address (Chinese)"), max_length=200, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=250, blank=True)
    district = models.CharField(
        _("district"),
        max_length=20,
        choices=District.choices,
        blank=True,
        db_index=True,
        help_text=_("For a named place. An event at a site is in the site's district."),
    )

    organiser_zh = models.CharField(_("organiser (Chinese)"), max_length=160, blank=True)
    organiser_en = models.CharField(_("organiser (English)"), max_length=200, blank=True)
    admission_free = models.BooleanField(_("free admission"), default=True)
    admission_price = models.DecimalField(
        _("admission from (yuan)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The lowest full price. Leave empty when admission is free."),
    )
    admission_note_zh = models.CharField(_("admission note (Chinese)"), max_length=200, blank=True)
    admission_note_en = models.CharField(_("admission note (English)"), max_length=250, blank=True)
    booking_required = models.BooleanField(
        _("booking required"), default=False, help_text=_("Leave unticked to show “no booking needed”.")
    )
    booking_url = models.URLField(_("booking link"), blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.SCHEDULED, db_index=True
    )
    status_reason_zh = models.CharField(
        _("reason (Chinese)"),
        max_length=300,
        blank=True,
        help_text=_("Why the event is postponed or cancelled; shown to visitors."),
    )
    status_reason_en = models.CharField(_("reason (English)"), max_length=400, blank=True)

    published_at = models.DateTimeField(
        _("first published"), null=True, blank=True, editable=False, help_text=_("Orders the news feed.")
    )
    # The date the upcoming list shows the event at: its first date not yet over, one that will happen before a
    # cancelled one; empty when none is left. Kept by refresh_next_dates() in the transaction that changes the
    # dates, and by publish_scheduled once it has ended, so the list and its count read an index, not the dates.
    next_start = models.DateTimeField(_("next date starts"), null=True, blank=True, editable=False)
    next_end = models.DateTimeField(_("next date ends"), null=True, blank=True, editable=False)
    # The date the open data API lists the event at, kept the same way: its first date not yet over, a cancelled
    # one too (EventQuerySet.ahead).
    ahead_start = models.DateTimeField(_("first date ahead starts"), null=True, blank=True, editable=False)
    ahead_end = models.DateTimeField(_("first date ahead ends"), null=True, blank=True, editable=False)
    # What the archive counts its dates from, kept with the next date: the earliest and the latest end of the
    # event's dates and how many it has (EventQuerySet.count_past_dates).
    first_end = models.DateTimeField(_("first date ends"), null=True, blank=True, editable=False)
    last_end = models.DateTimeField(_("last date ends"), null=True, blank=True, editable=False)
    date_count = models.PositiveIntegerField(_("number of dates"), default=0, editable=False)

    objects = EventQuerySet.as_manager()

    title = translated("title")
    summary = translated("summary")
    description = translated("description")
    venue_name = translated("venue_name")
    address = translated("address")
    organiser = translated("organiser")
    admission_note = translated("admission_note")
    status_reason = translated("status_reason")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["title_zh"]
        constraints = [
            *Located.Meta.constraints,
            models.CheckConstraint(
                condition=Q(site__isnull=False) | ~Q(venue_name_zh=""),
                name="event_has_venue",
                violation_error_message=_("Choose a site or name the place where the event happens."),
            ),
            price_matches_free_constraint("event_price_matches_free"),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(status_reason_zh=""),
                name="event_cancelled_has_reason",
                violation_error_message=_("Say why the event is cancelled."),
            ),
            publish_window_constraint("event_publish_window_valid"),
        ]
        indexes = [
            models.Index(fields=["published", "published_at"], name="event_pub_published_at"),
            # The upcoming list's order, and its count (index-only: what published_q reads comes with it).
            models.Index(fields=["next_start", "title_zh", "id"], name="event_next_start"),
            models.Index(fields=["next_end", "published", "publish_from", "publish_until"], name="event_next_end"),
            # The API's order, and its count (index-only).
            models.Index(fields=["ahead_start", "title_zh", "id"], name="event_ahead_start"),
            models.Index(fields=["ahead_end", "published", "publish_from", "publish_until"], name="event_ahead_end"),
            # The archive's count (index-only: the window, the other end, the number of dates and the pk come too).
            models.Index(
                fields=["first_end", "published", "publish_from", "publish_until", "last_end", "date_count", "id"],
                name="event_first_end",
            ),
        ]

    def __str__(self):
        return self.title_zh

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by another events page; choose another slug.")})
        if not self.site_id and not self.district:
            raise ValidationError({"district": _("Give the district of a named place.")})

    def save(self, *args, **kwargs):
        if self.published and not self.published_at:
            self.published_at = timezone.now()
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding:
            # The save wrote the next date as read earlier; the dates may have moved since (another request).
            refresh_next_dates(Event.objects.filter(pk=self.pk))

    def missing_for_publication(self):
        # An event at a site is shown at the site's coordinates.
        where = missing_coordinates(self.site if self.site_id else self)
        dates = [] if self.pk and self.occurrences.exists() else [_("at least one date")]
        return [*missing_names(self, "title"), *missing_photo(self), *where, *dates]

    @property
    def public_site(self):
        """The site the event is held at, if visitors may see it now; None for a draft or a site out of its publish
        window, whose name must not show on public pages (the event's own venue does instead)."""
        return self.site if self.site_id and self.site.is_live() else None

    @property
    def place_name(self):
        return self.public_site.name if self.public_site else self.venue_name

    @property
    def place_address(self):
        return self.public_site.address if self.public_site else self.address

    @property
    def place_district(self):
        return self.public_site.district if self.public_site else self.district

    def get_place_district_display(self):
        return District(self.place_district).label if self.place_district else ""

    @property
    def place_point(self):
        """(latitude, longitude) of the venue, or None."""
        place = self.public_site or self
        return (place.latitude, place.longitude) if place.has_coordinates else None

    @property
    def schema_type(self):
        return SCHEMA_TYPES.get(self.kind, "Event")

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    def is_past(self, now=None):
        """True once the last date has ended (uses prefetched occurrences)."""
        now = now or timezone.now()
        return all(o.ends_at < now for o in self.occurrences.all())


def refresh_next_dates(events, now=None):
    """Store on `events` (a queryset) the date the upcoming list shows each at (Event.next_start, next_end), the
    one the API lists it at (ahead_start, ahead_end) and what the archive counts from (first_end, last_end,
    date_count).

    One UPDATE with no signals (the caller's save or delete of the dates already bumped what it must); call it
    in the transaction that changes the dates. Returns how many events it wrote."""
    dates = Occurrence.objects.filter(event=OuterRef("pk")).order_by().values("event")
    ahead = dates.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")
    first = ahead.order_by("cancelled", "starts_at", "pk")
    return events.update(
        next_start=Subquery(first.values("starts_at")[:1]),
        next_end=Subquery(first.values("ends_at")[:1]),
        ahead_start=Subquery(ahead.values("starts_at")[:1]),
        ahead_end=Subquery(ahead.values("ends_at")[:1]),
        first_end=Subquery(dates.annotate(end=Min("ends_at")).values("end")),
        last_end=Subquery(dates.annotate(end=Max("ends_at")).values("end")),
        date_count=Coalesce(Subquery(dates.annotate(n=Count("pk")).values("n")), 0),
    )


def refresh_ended_next_dates(now=None):
    """Move on the events whose stored next date or first date ahead has ended since (publish_scheduled, every
    minute)."""
    now = now or timezone.now()
    return refresh_next_dates(Event.objects.filter(Q(next_end__lt=now) | Q(ahead_end__lt=now)), now)


class OccurrenceQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(published_q("event__"))

    def upcoming(self, now=None):
        """Not yet over: running now or still to come."""
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())

    def between(self, first_day, last_day):
        """Occurrences touching any day from `first_day` to `last_day` inclusive (local dates)."""
        start = local_midnight(first_day)
        end = local_midnight(last_day + datetime.timedelta(days=1))
        return self.filter(starts_at__lt=end, ends_at__gt=start)

    def for_listing(self):
        return self.select_related("event", "event__site").prefetch_related(
            Prefetch("event__photos", queryset=EventPhoto.objects.order_by("position", "id"))
        )

    def next_per_event(self, events=None):
        """One date per event (NextDates): a weekly show is one row, not pages. `events`, when given, are these
        dates' events (published, next date not over, the same filters) to order by their stored next date."""
        return NextDates(self, events)


class NextDates:
    """Each event of `occurrences` once, at its first date there (one that will happen before a cancelled one),
    soonest first, with how many of its dates there will happen (`Occurrence.more_dates`).

    Read like a queryset by a paginator: count() and a slice. The events are grouped and ordered in SQL by a hash
    aggregate over their dates, and a page reads only its own events' dates. A window over every date would sort
    them all on each request: 0.4 s at the province's 255,000 dates."""

    def __init__(self, occurrences, events=None):
        self.occurrences = occurrences
        self.stored = events is not None
        if self.stored:
            # The same events and order read from the stored next date (Event.next_start): an index scan.
            self.events = events.order_by("next_start", "title_zh", "pk")
            self.event_ids = self.events.values("pk")
            return
        happening = Q(cancelled=False)
        self.events = (
            occurrences.order_by()
            .values("event_id", "event__title_zh")
            .annotate(next_start=Coalesce(Min("starts_at", filter=happening), Min("starts_at")))
            .order_by("next_start", "event__title_zh", "event_id")
        )
        self.event_ids = self.events.values("event_id")

    def count(self):
        return self.events.count()

    def __getitem__(self, index):
        same_event = self.occurrences.order_by().filter(event_id=OuterRef("event_id"))
        if self.stored:
            first = Q(starts_at=F("event__next_start"))  # one date: (event, starts_at) is unique
        else:
            first = Q(pk=Subquery(same_event.order_by("cancelled", "starts_at", "pk").values("pk")[:1]))
        happening = same_event.filter(cancelled=False).values("event_id").annotate(n=Count("pk")).values("n")
        return self.occurrences.filter(first, event_id__in=self.event_ids[index]).annotate(
            dates_happening=Coalesce(Subquery(happening), 0)
        )


class CountedRows:
    """`rows` (a queryset) read like one by a paginator, but counted by `count` (a function) from the events'
    stored dates instead of over the rows (the archive's past dates)."""

    def __init__(self, rows, count):
        self.rows, self.count = rows, count

    def __getitem__(self, index):
        return self.rows[index]


def local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class Occurrence(models.Model):
    """One date of an event, stored explicitly so a single date can be moved or cancelled."""

    # Shown only with its event, whose page version its changes bump too: pages follow the event (core.pagecache).
    shown_with = "event"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences", verbose_name=_("event"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    cancelled = models.BooleanField(
        _("cancelled"), default=False, help_text=_("Cancel this date only; the event's other dates stay.")
    )
    note_zh = models.CharField(
        _("note (Chinese)"), max_length=160, blank=True, help_text=_("For example: public open day, or the match.")
    )
    note_en = models.CharField(_("note (English)"), max_length=200, blank=True)

    objects = OccurrenceQuerySet.as_manager()
    history = HistoricalRecords()

    note = translated("note")

    class Meta:
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="occurrence_ends_after_start",
                violation_error_message=_("A date must end after it starts."),
            ),
            models.UniqueConstraint(
                fields=["event", "starts_at"],
                name="occurrence_unique_start",
                violation_error_message=_("This event already has a date starting at that time."),
            ),
        ]
        indexes = [
            models.Index(fields=["ends_at", "starts_at"], name="occurrence_ends_starts"),
            models.Index(fields=["starts_at", "ends_at"], name="occurrence_starts_ends"),
            # An event's dates over by a time, counted from the index alone (the archive's count).
            models.Index(fields=["event", "ends_at"], name="occurrence_event_ends"),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at)
        return f"{self.event} {start:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return self.event.get_absolute_url()

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at)

    @property
    def month(self):
        """The first day of the local month it starts in, for grouping."""
        return self.local_start.date().replace(day=1)

    @property
    def is_multi_day(self):
        # An occurrence ending at midnight belongs to the day before.
        return (self.local_end - datetime.timedelta(microseconds=1)).date() > self.local_start.date()

    @property
    def is_off(self):
        """Not happening on this date: cancelled alone or with the whole event."""
        return self.cancelled or self.event.status == EventStatus.CANCELLED

    @property
    def more_dates(self):
        """From NextDates: how many other dates of the event the list leaves out."""
        return max(getattr(self, "dates_happening", 0) - (0 if self.cancelled else 1), 0)

    def days(self):
        """The local dates this occurrence touches."""
        first = self.local_start.date()
        last = (self.local_end - datetime.timedelta(microseconds=1)).date()
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


class EventPhoto(Photo):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos", verbose_name=_("event"))

    history = HistoricalRecords()

    class Meta(Photo.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        indexes = [models.Index(fields=["event", "position"], name="eventphoto_event_pos")]
