import math

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.choices import AUDIENCE_FIELDS
from core.models import AudienceFields
from core.publishing import Listing, PublishableQuerySet, missing_names, publish_window_constraint, published_q
from core.translation import translated
from events.models import EventPhoto, Occurrence
from sites.models import HeritagePhoto, SitePhoto

MAX_DAYS = 14
EARTH_RADIUS_KM = 6371.0088


class Theme(models.TextChoices):
    HEAVY_INDUSTRY = "heavy_industry", _("Pillars of the nation")
    CERAMICS = "ceramics", _("Porcelain capital")
    SPEED = "speed", _("Speed and passion")
    HISTORY = "history", _("History and culture")
    FASHION = "fashion", _("Fashion and apparel")
    STUDY = "study", _("Study tour")
    NOSTALGIA = "nostalgia", _("Factory nostalgia")
    EXPO = "expo", _("Follow the expo")


class TravelMode(models.TextChoices):
    WALK = "walk", _("On foot")
    BUS = "bus", _("City bus")
    ART = "art", _("Smart rail (ART)")
    TAXI = "taxi", _("Taxi or car")
    COACH = "coach", _("Coach")
    TRAIN = "train", _("Train")


def haversine_km(a, b):
    """Great-circle distance in kilometres between two (latitude, longitude) points in degrees."""
    lat1, lng1, lat2, lng2 = (math.radians(float(v)) for v in (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def path_km(points):
    """Straight-line length of a path, skipping stops whose position is unknown."""
    known = [p for p in points if p is not None]
    return sum(haversine_km(a, b) for a, b in zip(known, known[1:], strict=False))


def visible_stop_q(prefix=""):
    """Stops whose place is published: a route never links to a page visitors cannot open."""
    return published_q(f"{prefix}site__") | published_q(f"{prefix}heritage__") | published_q(f"{prefix}event__")


class StopQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(visible_stop_q())

    def for_cards(self):
        """With what a route card reads of a stop: its place's position and cover (Stop.point, Stop.cover, the
        totals), not the places' texts nor an event's dates."""
        return self.for_display(dates=False).only(*STOP_CARD_FIELDS)

    def for_display(self, now=None, dates=True):
        """With what a stop shows: its place, the place's photos and, with `dates` (the route's own page), an
        event's next dates.

        The photos as lists (`photo_list`, read by Listing.cover), not in the places' `photos` managers: for a
        list Django builds no queryset per place (the routes list's 53 places: stops 14.5 -> 10.7 ms)."""
        photos = (
            Prefetch(f"{place}__photos", queryset=model.objects.order_by("position", "id"), to_attr="photo_list")
            for place, model in PLACE_PHOTOS.items()
        )
        stops = self.select_related(*PLACES).prefetch_related(*photos)
        if not dates:
            return stops
        upcoming = Occurrence.objects.upcoming(now).filter(cancelled=False).order_by("starts_at")
        return stops.prefetch_related(Prefetch("event__occurrences", queryset=upcoming, to_attr="upcoming_dates"))


PLACES = ("site", "heritage", "heritage__site", "event", "event__site")
PLACE_PHOTOS = {"site": SitePhoto, "heritage": HeritagePhoto, "event": EventPhoto}
# What a route card reads of its stops (Stop.point, Stop.cover, the totals); Event.place_point asks whether the
# event's site is live.
_POINT = ("latitude", "longitude")
STOP_CARD_FIELDS = (
    "itinerary",
    "day",
    "position",
    "visit_minutes",
    *(f"{place}__{field}" for place in ("site", "heritage", "heritage__site", "event") for field in _POINT),
    "heritage__site",
    "event__site",
    *(f"event__site__{field}" for field in (*_POINT, "published", "in_review", "publish_from", "publish_until")),
)
# What a route card reads of the route itself (itineraries/route_card.html); the rest comes from its stops.
ROUTE_CARD_FIELDS = ("slug", "title_zh", "title_en", "theme", "summary_zh", "summary_en", *AUDIENCE_FIELDS.values())


class ItineraryQuerySet(PublishableQuerySet):
    def with_days(self):
        """`num_days` to filter by, the last day with a visible stop: derived, never typed in. (The pages show
        the days from the stops, so it is an alias, not a column of the result: one subquery per route, not two.)

        A subquery per route, not an aggregate over a join of every stop with its place: a list ordered by the
        route index reads the stops of the routes it shows only (home routes 19 ms → 0.3 ms at 1,000 routes)."""
        last = Stop.objects.visible().filter(itinerary=OuterRef("pk")).order_by("-day").values("day")[:1]
        return self.alias(num_days=Subquery(last))

    def for_cards(self):
        """With the visible stops a route card reads (StopQuerySet.for_cards()): lists of routes, the home page."""
        return self.prefetch_related(plan_prefetch(Stop.objects.for_cards()))

    def for_listing(self):
        """With the visible stops and their places in full, without an event's dates (the open data API)."""
        return self.prefetch_related(plan_prefetch(Stop.objects.for_display(dates=False)))

    def for_detail(self):
        upcoming = Occurrence.objects.upcoming().filter(cancelled=False).order_by("starts_at")
        return (
            self.prefetch_related(plan_prefetch(Stop.objects.for_display()))
            .select_related("related_event", "related_event__site")
            .prefetch_related(Prefetch("related_event__occurrences", queryset=upcoming, to_attr="upcoming_dates"))
        )

    def stopping_at_site(self, site, heritage=None):
        """Routes with a stop at the site or at heritage seen there (`heritage`: their ids, when known)."""
        if heritage is not None:
            # One lookup on the stops (a BitmapOr of two indexes) that leads to the few routes: the OR of two
            # subqueries walked all 950 published routes to test each (0.7 -> 0.3 ms at 1,000 routes).
            here = Stop.objects.filter(Q(site=site) | Q(heritage__in=heritage))
            return self.filter(pk__in=here.values("itinerary_id"))
        # Two index lookups on the stops, not an OR across a join of every stop with its heritage place (7 ms).
        at_site = Stop.objects.filter(site=site).values("itinerary_id")
        at_heritage = Stop.objects.filter(heritage__site=site).values("itinerary_id")
        return self.filter(Q(pk__in=at_site) | Q(pk__in=at_heritage))

    def for_event(self, event):
        """Routes made for the event ("follow the expo") or passing by it."""
        passing = Stop.objects.filter(event=event).values("itinerary_id")
        return self.filter(Q(related_event=event) | Q(pk__in=passing))


def plan_prefetch(stops):
    """The visible ones of `stops` of routes in order, as `plan_stops` (Itinerary.stop_list())."""
    return Prefetch("stops", queryset=stops.visible().order_by("day", "position", "id"), to_attr="plan_stops")


class Itinerary(Listing, AudienceFields):
    """A themed route: stops over one or more days. Its totals come from the stops."""

    name_field = "title"

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
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices, db_index=True)
    description_zh = models.TextField(_("introduction (Chinese)"), blank=True)
    description_en = models.TextField(_("introduction (English)"), blank=True)
    tips_zh = models.TextField(
        _("before you go (Chinese)"),
        blank=True,
        help_text=_("Practical advice: ID cards for factory visits, closed shoes, booking ahead."),
    )
    tips_en = models.TextField(_("before you go (English)"), blank=True)
    related_event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="routes",
        verbose_name=_("follow the expo"),
        help_text=_("An expo or festival this route is made for; the event page offers the route."),
    )
    featured = models.BooleanField(_("featured on the home page"), default=False, db_index=True)

    objects = ItineraryQuerySet.as_manager()

    title = translated("title")
    summary = translated("summary")
    description = translated("description")
    tips = translated("tips")

    class Meta:
        verbose_name = _("themed route")
        verbose_name_plural = _("themed routes")
        ordering = ["title_zh"]
        # In the lists' order (featured first, then by title): a page reads its own routes' stops only.
        indexes = [models.Index(fields=["published", "-featured", "title_zh"], name="route_pub_featured_title")]
        constraints = [publish_window_constraint("route_publish_window_valid")]

    def __str__(self):
        return self.title_zh

    def get_absolute_url(self):
        return reverse("itineraries:route-detail", kwargs={"slug": self.slug})

    def missing_for_publication(self):
        stops = [] if self.pk and self.stops.visible().exists() else [_("a stop at a published place")]
        return [*missing_names(self, "title"), *stops]

    # The plan and its totals ---------------------------------------------------------------------
    def stop_list(self):
        """The visible stops in order: prefetched by for_cards(), for_listing() or for_detail(), else one query."""
        if not hasattr(self, "plan_stops"):
            self.plan_stops = list(self.stops.visible().for_display().order_by("day", "position", "id"))
        return self.plan_stops

    def plan(self):
        """[(day, stops)] with stops numbered across the whole route, as on the map."""
        days = {}
        for number, stop in enumerate(self.stop_list(), start=1):
            stop.number = number
            days.setdefault(stop.day, []).append(stop)
        stops = self.stop_list()
        for stop, following in zip(stops, stops[1:], strict=False):
            stop.next_stop = following
        return [DayPlan(day, day_stops) for day, day_stops in days.items()]

    @property
    def days(self):
        return max((stop.day for stop in self.stop_list()), default=0)

    @property
    def stop_count(self):
        return len(self.stop_list())

    @property
    def visit_minutes(self):
        return sum(stop.visit_minutes for stop in self.stop_list())

    @property
    def visit_hours(self):
        return self.visit_minutes / 60

    @property
    def distance_km(self):
        return path_km(stop.point for stop in self.stop_list())

    @property
    def cover(self):
        return next((stop.cover for stop in self.stop_list() if stop.cover), None)


class DayPlan:
    """One day of a route with its own totals, for the day-by-day plan."""

    def __init__(self, day, stops):
        self.day = day
        self.stops = stops

    @property
    def visit_hours(self):
        return sum(stop.visit_minutes for stop in self.stops) / 60

    @property
    def distance_km(self):
        return path_km(stop.point for stop in self.stops)


class Stop(models.Model):
    """A place on a route: exactly one of a site, a heritage asset or an event."""

    # Shown only with its route, whose page version its changes bump too: pages follow the route (core.pagecache).
    shown_with = "itinerary"

    itinerary = models.ForeignKey(
        Itinerary, on_delete=models.CASCADE, related_name="stops", verbose_name=_("themed route")
    )
    day = models.PositiveSmallIntegerField(
        _("day"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_DAYS)]
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Stops are shown by day, then by this number.")
    )
    site = models.ForeignKey(
        "sites.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="route_stops",
        verbose_name=_("site"),
    )
    heritage = models.ForeignKey(
        "sites.HeritageAsset",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="route_stops",
        verbose_name=_("heritage asset"),
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="route_stops",
        verbose_name=_("event"),
        help_text=_("An event stop shows its next dates; check them when you plan the day."),
    )
    visit_minutes = models.PositiveSmallIntegerField(
        _("suggested visit (minutes)"),
        default=60,
        validators=[MinValueValidator(10), MaxValueValidator(720)],
    )
    note_zh = models.CharField(_("what to see (Chinese)"), max_length=300, blank=True)
    note_en = models.CharField(_("what to see (English)"), max_length=400, blank=True)
    next_mode = models.CharField(_("to the next stop by"), max_length=10, choices=TravelMode.choices, blank=True)
    next_minutes = models.PositiveSmallIntegerField(
        _("travel to the next stop (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    next_directions_zh = models.CharField(
        _("directions to the next stop (Chinese)"),
        max_length=300,
        blank=True,
        help_text=_("For example: bus 26 from the main gate to Locomotive Square, about 25 minutes."),
    )
    next_directions_en = models.CharField(_("directions to the next stop (English)"), max_length=400, blank=True)

    objects = StopQuerySet.as_manager()
    history = HistoricalRecords()

    note = translated("note")
    next_directions = translated("next_directions")

    class Meta:
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
        ordering = ["day", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(site__isnull=False, heritage__isnull=True, event__isnull=True)
                | Q(site__isnull=True, heritage__isnull=False, event__isnull=True)
                | Q(site__isnull=True, heritage__isnull=True, event__isnull=False),
                name="stop_has_one_target",
                violation_error_message=_("A stop names exactly one of a site, a heritage asset or an event."),
            ),
            models.CheckConstraint(condition=Q(day__gte=1, day__lte=MAX_DAYS), name="stop_day_valid"),
            models.CheckConstraint(
                condition=Q(visit_minutes__gte=10, visit_minutes__lte=720),
                name="stop_visit_minutes_valid",
                violation_error_message=_("A visit lasts from 10 minutes to 12 hours."),
            ),
        ]
        indexes = [
            # With the place columns, a route's last visible stop (with_days(), per route in the list's count)
            # reads the stops from the index alone: about 5 -> 4 ms for the count of 950 routes.
            # (Key columns, not INCLUDE, which SQLite warns about.)
            models.Index(
                fields=["itinerary", "day", "position", "site", "heritage", "event"], name="stop_route_day_pos_places"
            )
        ]

    def __str__(self):
        target = self.target
        return f"{self.day}: {target}" if target else str(_("(no place)"))

    def get_absolute_url(self):
        return self.target.get_absolute_url()

    @property
    def target(self):
        return self.site or self.heritage or self.event

    @property
    def kind(self):
        if self.event_id:
            return "event"
        return "site" if self.site_id else "heritage"

    @property
    def kind_label(self):
        return {"site": _("Site"), "heritage": _("Industrial heritage"), "event": _("Event")}[self.kind]

    @property
    def name(self):
        return self.event.title if self.event_id else self.target.name

    @property
    def point(self):
        """(latitude, longitude) of the place, or None when it has no known position."""
        if self.event_id:
            return self.event.place_point
        place = self.target
        if place.has_coordinates:
            return (place.latitude, place.longitude)
        # Heritage without its own point is seen at its site.
        site = place.site if self.heritage_id else None
        return (site.latitude, site.longitude) if site and site.has_coordinates else None

    @property
    def cover(self):
        return self.target.cover

    @property
    def district_label(self):
        if self.event_id:
            return self.event.get_place_district_display()
        return self.target.get_district_display()

    @property
    def address(self):
        if self.event_id:
            return self.event.place_address
        if self.heritage_id:
            return self.heritage.site.address if self.heritage.site_id else ""
        return self.site.address

    @property
    def next_dates(self):
        """The event's next dates, from for_display(); empty for places."""
        return getattr(self.event, "upcoming_dates", [])[:3] if self.event_id else []

    @property
    def leg_km(self):
        """Straight-line distance to the next stop, when both positions are known."""
        following = getattr(self, "next_stop", None)
        if following is None or self.point is None or following.point is None:
            return None
        return haversine_km(self.point, following.point)

    @property
    def has_leg(self):
        return getattr(self, "next_stop", None) is not None and bool(
            self.next_mode or self.next_minutes or self.next_directions or self.leg_km is not None
        )
