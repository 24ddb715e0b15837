import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.choices import District, Industry
from core.models import AudienceFields, Located, Photo, paired_coordinates_constraint, price_matches_free_constraint
from core.publishing import (
    Listing,
    PublishableQuerySet,
    missing_coordinates,
    missing_names,
    missing_photo,
    publish_window_constraint,
)
from core.revisions import Revisable
from core.translation import translated
from sites import access


class DemonstrationLevel(models.TextChoices):
    NATIONAL = "national", _("National industrial tourism demonstration base")
    PROVINCIAL = "provincial", _("Provincial industrial tourism demonstration point")
    MUNICIPAL = "municipal", _("Municipal industrial tourism demonstration point")
    NONE = "none", _("Not accredited")


def map_indexes(prefix):
    """The map's searches by area (sites.mapgrid): published places by coordinates, the window columns in the index
    so that counting needs no table rows; the few with a publish window, which the map counts at request time; and
    the list under the map, which counts a district's places from the index alone."""
    return [
        models.Index(
            fields=["district", "publish_from", "publish_until"],
            condition=Q(published=True, latitude__isnull=False),
            name=f"{prefix}_map_district",
        ),
        models.Index(
            fields=["latitude", "longitude", "publish_from", "publish_until"],
            condition=Q(published=True),
            name=f"{prefix}_published_geo",
        ),
        models.Index(
            fields=["latitude", "longitude"],
            condition=Q(published=True) & (Q(publish_from__isnull=False) | Q(publish_until__isnull=False)),
            name=f"{prefix}_scheduled_geo",
        ),
    ]


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


# What a site card (includes/site_card.html) and the home page's hero read of a site: fewer columns to select,
# compile and load than its 50.
CARD_FIELDS = (
    "slug",
    "name_zh",
    "name_en",
    "summary_zh",
    "summary_en",
    "industry",
    "district",
    "level",
    "admission_free",
    "admission_price",
    "booking_required",
    "for_study_tours",
)


# Panels that apps above this one add to a site's page (goods, investment projects), each told apart here by name:
# {name: a function giving a boolean expression over the site, false when the panel surely shows nothing}. Filled
# in their AppConfig.ready(); Site.for_detail() reads each with the site, so an empty panel costs no query.
PAGE_PANELS = {}


class SiteQuerySet(PublishableQuerySet):
    def open_on(self, day):
        """Sites open at some time on `day`: a special opening, or weekly hours and no exception.
        A closure wins over a special opening on the same day, as in hours_on()."""
        exceptions = OpeningException.objects.filter(site=OuterRef("pk"), date=day)
        weekly = OpeningPeriod.objects.filter(site=OuterRef("pk"), weekday=day.weekday())
        return self.filter(Exists(exceptions.filter(closed=False)) | (Exists(weekly) & ~Exists(exceptions))).exclude(
            Exists(exceptions.filter(closed=True))
        )

    def for_listing(self):
        return self.prefetch_related(Prefetch("photos", queryset=SitePhoto.objects.order_by("position", "id")))

    def for_cards(self):
        """A few site cards (the home page's, a site's nearby ones): what they show and the cover, in one query."""
        return self.only(*CARD_FIELDS).with_cover()

    def managed_by(self, user):
        """The sites whose listing, programmes, slots and bookings `user` may see and manage (sites.access).
        Working copies of published listings waiting for review (core.revisions) are not sites of their own:
        see listings_for()."""
        if not access.is_staff(user):
            return self.none()
        sites = self.filter(draft_of__isnull=True)
        return sites if access.sees_all_sites(user) else sites.filter(operators=user)

    def listings_for(self, user):
        """The site rows `user` may open in the back office: their sites and the working copies of them."""
        managed = Site.objects.managed_by(user)
        return self.filter(Q(pk__in=managed) | Q(draft_of__in=managed))

    def for_detail(self):
        panels = {f"may_show_{name}": expression() for name, expression in PAGE_PANELS.items()}
        return self.annotate(**panels).prefetch_related(
            Prefetch("photos", queryset=SitePhoto.objects.order_by("position", "id")),
            Prefetch("periods", queryset=OpeningPeriod.objects.order_by("weekday", "opens")),
            Prefetch(
                "exceptions",
                queryset=OpeningException.objects.filter(
                    date__gte=timezone.localdate() - datetime.timedelta(days=1)
                ).order_by("date", "opens"),
            ),
            Prefetch(
                "heritage_assets",
                queryset=HeritageAsset.objects.published().for_listing().order_by("level", "name_zh"),
            ),
        )


class Site(Listing, Revisable, AudienceFields, Located):
    """A place tourists can visit: a factory tour, a museum, a creative park, a circuit."""

    sitemap_changefreq, sitemap_priority = "weekly", 0.7

    # The change log (office.audit): the path from a row to the site whose operators see its changes.
    site_path = "id"
    # Restoring a deleted listing brings back the rows deleted with it.
    restore_with = ["periods", "exceptions", "photos"]

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
    industry = models.CharField(_("industry"), max_length=20, choices=Industry.choices, db_index=True)
    district = models.CharField(_("district"), max_length=20, choices=District.choices, db_index=True)
    address_zh = models.CharField(_("address (Chinese)"), max_length=200, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=250, blank=True)
    level = models.CharField(
        _("demonstration status"),
        max_length=12,
        choices=DemonstrationLevel.choices,
        default=DemonstrationLevel.NONE,
        db_index=True,
    )
    level_year = models.PositiveSmallIntegerField(
        _("year awarded"), null=True, blank=True, help_text=_("The year the demonstration status was awarded.")
    )
    admission_free = models.BooleanField(_("free admission"), default=True)
    admission_price = models.DecimalField(
        _("admission price (yuan)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Full adult price. Leave empty when admission is free."),
    )
    admission_note_zh = models.CharField(_("admission note (Chinese)"), max_length=200, blank=True)
    admission_note_en = models.CharField(_("admission note (English)"), max_length=250, blank=True)
    booking_required = models.BooleanField(_("booking required"), default=False)
    accessibility_zh = models.TextField(_("accessibility (Chinese)"), blank=True)
    accessibility_en = models.TextField(_("accessibility (English)"), blank=True)
    safety_zh = models.TextField(
        _("visitor safety (Chinese)"), blank=True, help_text=_("For example: closed shoes in the workshops.")
    )
    safety_en = models.TextField(_("visitor safety (English)"), blank=True)
    transport_zh = models.TextField(_("getting there (Chinese)"), blank=True)
    transport_en = models.TextField(_("getting there (English)"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    featured = models.BooleanField(_("featured on the home page"), default=False, db_index=True)
    operators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="operated_sites",
        verbose_name=_("site operators"),
        help_text=_("Accounts of the site's own staff (role “Site operator”): they keep this listing and its tours."),
    )

    objects = SiteQuerySet.as_manager()
    # Copied with a working copy of a published listing (core.revisions).
    revision_children = ["photos", "periods", "exceptions"]
    revision_kept_fields = ["featured", "level", "level_year", "operators"]

    name = translated("name")
    summary = translated("summary")
    description = translated("description")
    address = translated("address")
    admission_note = translated("admission_note")
    accessibility = translated("accessibility")
    safety = translated("safety")
    transport = translated("transport")

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["name_zh"]
        constraints = [
            *Located.Meta.constraints,
            paired_coordinates_constraint(),
            price_matches_free_constraint("site_price_matches_free"),
            models.CheckConstraint(
                condition=Q(level_year__isnull=True)
                | (~Q(level="none") & Q(level_year__gte=1990, level_year__lte=2100)),
                name="site_level_year_valid",
                violation_error_message=_("A year awarded needs a demonstration status, between 1990 and 2100."),
            ),
            publish_window_constraint("site_publish_window_valid"),
        ]
        indexes = [
            models.Index(fields=["published", "level", "name_zh"], name="site_pub_level_name"),
            models.Index(fields=["published", "updated_at"], name="site_pub_updated"),
            models.Index(fields=["latitude", "longitude"], name="site_lat_lng"),  # nearby sites
            # The directory's count and the home page's counts by level: index-only scans on PostgreSQL.
            models.Index(fields=["published", "level", "publish_from", "publish_until"], name="site_pub_window"),
            *map_indexes("site"),
        ]

    def __str__(self):
        return self.name_zh

    def get_absolute_url(self):
        return reverse("sites:site-detail", kwargs={"slug": self.slug})

    def may_show(self, panel):
        """False when the page panel `panel` (PAGE_PANELS) surely shows nothing, as read with the site; True when
        it was not read (a site not loaded by for_detail())."""
        return getattr(self, f"may_show_{panel}", True)

    def is_managed_by(self, user):
        return Site.objects.managed_by(user).filter(pk=self.pk).exists()

    def missing_for_publication(self):
        missing = [*missing_names(self, "name"), *missing_photo(self), *missing_coordinates(self)]
        if self.pk is None or not self.periods.exists():
            missing.append(_("opening hours"))
        return missing

    # Opening hours -------------------------------------------------------------------------------
    def hours_on(self, day):
        """The opening periods on `day` as (opens, closes) pairs; empty when closed."""
        exceptions = [e for e in self.exceptions.all() if e.date == day]
        if exceptions:
            if any(e.closed for e in exceptions):
                return []
            return sorted((e.opens, e.closes) for e in exceptions)
        return [(p.opens, p.closes) for p in self.periods.all() if p.weekday == day.weekday()]

    def exception_on(self, day):
        return next((e for e in self.exceptions.all() if e.date == day), None)

    def is_open(self, at):
        at = timezone.localtime(at)
        now = at.time()
        return any(opens <= now < closes for opens, closes in self.hours_on(at.date()))

    def week_hours(self, start):
        """Seven days from `start`: (date, periods, exception) for the detail page."""
        days = [start + datetime.timedelta(days=n) for n in range(7)]
        return [(day, self.hours_on(day), self.exception_on(day)) for day in days]

    @property
    def has_hours(self):
        return bool(self.periods.all())


class OpeningPeriod(models.Model):
    # Shown only with its site, whose page version its changes bump too: pages follow the site (core.pagecache).
    shown_with = "site"

    site_path = "site_id"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="periods", verbose_name=_("site"))
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opening period")
        verbose_name_plural = _("weekly opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")),
                name="opening_period_closes_after_opens",
                violation_error_message=_("A period must close after it opens."),
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="opening_period_weekday_valid"),
        ]
        indexes = [models.Index(fields=["weekday", "site"], name="period_weekday_site")]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningException(models.Model):
    """A dated change to the weekly hours: closed all day, or open at these times instead."""

    # Shown only with its site, whose page version its changes bump too: pages follow the site (core.pagecache).
    shown_with = "site"

    site_path = "site_id"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("site"))
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note_zh = models.CharField(_("note (Chinese)"), max_length=120, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=160, blank=True)

    note = translated("note")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opening exception")
        verbose_name_plural = _("holiday closures and special openings")
        ordering = ["date", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed=True, opens__isnull=True, closes__isnull=True)
                | Q(closed=False, opens__isnull=False, closes__isnull=False, closes__gt=models.F("opens")),
                name="opening_exception_times_valid",
                violation_error_message=_(
                    "A closed day has no times; a special opening needs an opening time before its closing time."
                ),
            ),
        ]
        indexes = [models.Index(fields=["date", "site"], name="exception_date_site")]

    def __str__(self):
        return f"{self.date} {self.note_zh}"


class SitePhoto(Photo):
    site_path = "site_id"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="photos", verbose_name=_("site"))

    history = HistoricalRecords()

    class Meta(Photo.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        indexes = [models.Index(fields=["site", "position"], name="sitephoto_site_pos")]


class HeritageLevel(models.TextChoices):
    NATIONAL = "national", _("National industrial heritage")
    PROVINCIAL = "provincial", _("Provincial industrial heritage")
    MUNICIPAL = "municipal", _("Municipal industrial heritage")


class HeritageState(models.TextChoices):
    IN_PRODUCTION = "production", _("In production")
    MUSEUM = "museum", _("Museum")
    CREATIVE_PARK = "creative", _("Creative park")
    UNDER_REPAIR = "repair", _("Under repair")
    RUIN = "ruin", _("Ruin")


class HeritageQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.prefetch_related(Prefetch("photos", queryset=HeritagePhoto.objects.order_by("position", "id")))

    def for_detail(self):
        return self.for_listing().select_related("site")


class HeritageAsset(Listing, Located):
    """A listed piece of industrial heritage: a workshop, a kiln, a plant, a whole former works."""

    restore_with = ["photos"]

    name_zh = models.CharField(_("name (Chinese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    level = models.CharField(_("heritage level"), max_length=12, choices=HeritageLevel.choices, db_index=True)
    year_listed = models.PositiveSmallIntegerField(_("year listed"), null=True, blank=True)
    built_from = models.PositiveSmallIntegerField(_("built from (year)"), null=True, blank=True)
    built_to = models.PositiveSmallIntegerField(_("built until (year)"), null=True, blank=True)
    original_use_zh = models.CharField(_("original use (Chinese)"), max_length=200, blank=True)
    original_use_en = models.CharField(_("original use (English)"), max_length=250, blank=True)
    current_use_zh = models.CharField(_("current use (Chinese)"), max_length=200, blank=True)
    current_use_en = models.CharField(_("current use (English)"), max_length=250, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=HeritageState.choices, db_index=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    district = models.CharField(_("district"), max_length=20, choices=District.choices, db_index=True)
    site = models.ForeignKey(
        Site,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="heritage_assets",
        verbose_name=_("visited at site"),
        help_text=_("The site where visitors can see this heritage, if any."),
    )

    objects = HeritageQuerySet.as_manager()

    name = translated("name")
    summary = translated("summary")
    description = translated("description")
    original_use = translated("original_use")
    current_use = translated("current_use")

    class Meta:
        verbose_name = _("heritage asset")
        verbose_name_plural = _("industrial heritage")
        ordering = ["name_zh"]
        constraints = [
            *Located.Meta.constraints,
            paired_coordinates_constraint(),
            models.CheckConstraint(
                condition=Q(built_from__isnull=True)
                | Q(built_to__isnull=True)
                | Q(built_to__gte=models.F("built_from")),
                name="heritage_built_range_valid",
                violation_error_message=_("The last building year cannot come before the first."),
            ),
            models.CheckConstraint(
                condition=Q(year_listed__isnull=True) | Q(year_listed__gte=1980, year_listed__lte=2100),
                name="heritage_year_listed_valid",
            ),
            publish_window_constraint("heritage_publish_window_valid"),
        ]
        indexes = [
            models.Index(fields=["published", "level", "name_zh"], name="heritage_pub_level_name"),
            # The directory's count and the home page's counts by level: index-only scans on PostgreSQL.
            models.Index(fields=["published", "level", "publish_from", "publish_until"], name="heritage_pub_window"),
            *map_indexes("heritage"),
        ]

    def __str__(self):
        return self.name_zh

    def get_absolute_url(self):
        return reverse("sites:heritage-detail", kwargs={"slug": self.slug})

    def missing_for_publication(self):
        return [*missing_names(self, "name"), *missing_photo(self), *missing_coordinates(self)]

    @property
    def built_years(self):
        if self.built_from and self.built_to and self.built_to != self.built_from:
            return f"{self.built_from}–{self.built_to}"
        return str(self.built_from or self.built_to or "")


class HeritagePhoto(Photo):
    asset = models.ForeignKey(
        HeritageAsset, on_delete=models.CASCADE, related_name="photos", verbose_name=_("heritage asset")
    )

    history = HistoricalRecords()

    class Meta(Photo.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        indexes = [models.Index(fields=["asset", "position"], name="heritagephoto_asset_pos")]


class FigureKey(models.TextChoices):
    """What an official figure counts, beside what the portal lists of it."""

    NATIONAL_BASES = "national-bases", _("National industrial (heritage) tourism demonstration bases")
    PROVINCIAL_POINTS = "provincial-points", _("Provincial industrial tourism demonstration points")
    MUNICIPAL_POINTS = "municipal-points", _("Municipal industrial tourism demonstration points")
    NATIONAL_HERITAGE = "national-heritage", _("National industrial heritage")
    PROVINCIAL_HERITAGE = "provincial-heritage", _("Provincial industrial heritage")
    MUNICIPAL_HERITAGE = "municipal-heritage", _("Municipal industrial heritage")


class OfficialFigure(models.Model):
    """A count the bureau states officially. The portal lists fewer places than the city has: the home page shows
    this figure, with its source and year, and what is listed here apart."""

    key = models.CharField(_("figure"), max_length=30, choices=FigureKey.choices, unique=True)
    value = models.PositiveIntegerField(_("value"))
    source_zh = models.CharField(
        _("source (Chinese)"), max_length=200, help_text=_("Where the figure is published, as visitors will read it.")
    )
    source_en = models.CharField(_("source (English)"), max_length=250, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The year the figure was stated."),
    )

    source = translated("source")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("official figure")
        verbose_name_plural = _("official figures")
        ordering = ["key"]

    def __str__(self):
        return f"{self.get_key_display()}: {self.value}"


class MapCell(models.Model):
    """How many published places of a kind lie in one cell of the map's grid at one zoom level, and their centre:
    what the zoomed-out map shows (sites.mapgrid). Derived from the places and rebuilt whole after any change to
    them, never edited; places with a publish window are left out and counted at request time."""

    zoom = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10)
    x = models.IntegerField()
    y = models.IntegerField()
    count = models.PositiveIntegerField()
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["zoom", "kind", "x", "y"], name="mapcell_zoom_kind_xy")]

    def __str__(self):
        return f"{self.kind} {self.zoom}/{self.x}/{self.y}: {self.count}"
