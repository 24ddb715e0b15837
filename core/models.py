"""Abstract building blocks shared by the content apps."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import images
from core.choices import AUDIENCE_FIELDS, Audience
from core.translation import translated


class Publishing(models.Model):
    """No table: it carries the one permission to publish content of any kind (core.permissions)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("publish_content", _("Can publish listings, events, routes and programmes"))]

    def __str__(self):
        return str(self._meta.verbose_name)


class AudienceFields(models.Model):
    for_study_tours = models.BooleanField(_("study tours"), default=False, db_index=True)
    for_families = models.BooleanField(_("families"), default=False, db_index=True)
    for_seniors = models.BooleanField(_("seniors"), default=False, db_index=True)
    for_general = models.BooleanField(_("general visitors"), default=True, db_index=True)

    class Meta:
        abstract = True

    def audience_labels(self):
        return [audience.label for audience, field in AUDIENCE_FIELDS.items() if getattr(self, field)]

    def audience_values(self):
        return [audience.value for audience, field in AUDIENCE_FIELDS.items() if getattr(self, field)]


def rank_by(field, order):
    """An expression sorting rows by `field` in the given order of values, others last."""
    whens = [models.When(**{field: value}, then=models.Value(n)) for n, value in enumerate(order)]
    return models.Case(*whens, default=models.Value(len(order)), output_field=models.IntegerField())


def audience_q(value):
    """The filter for places suited to one audience (a value of core.choices.Audience)."""
    return Q(**{AUDIENCE_FIELDS[Audience(value)]: True})


class Located(models.Model):
    """WGS-84 coordinates. Map tiles in GCJ-02 get shifted copies at display time, never stored."""

    latitude = models.DecimalField(
        _("latitude (WGS-84)"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude (WGS-84)"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    coordinates_approximate = models.BooleanField(
        _("coordinates are approximate"),
        default=False,
        help_text=_("Tick when the point marks the area rather than the entrance."),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="%(app_label)s_%(class)s_coordinates_valid",
            ),
        ]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


def paired_coordinates_constraint():
    """Both coordinates or neither. SQL lets a NULL through the range check, so a lone latitude
    would pass it and then break the map."""
    return models.CheckConstraint(
        condition=Q(latitude__isnull=True, longitude__isnull=True) | Q(latitude__isnull=False, longitude__isnull=False),
        name="%(app_label)s_%(class)s_coordinates_paired",
        violation_error_message=_("Give both latitude and longitude, or neither."),
    )


def price_matches_free_constraint(name):
    """An admission price exactly when admission is not free, never negative (sites and events)."""
    return models.CheckConstraint(
        condition=Q(admission_free=True, admission_price__isnull=True)
        | Q(admission_free=False, admission_price__isnull=False, admission_price__gte=0),
        name=name,
        violation_error_message=_("Give a price unless admission is free, and no price if it is."),
    )


class Photo(models.Model):
    """An uploaded photo. Pages show resized renditions (see core.images), never the original."""

    image = models.ImageField(
        _("image"),
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[images.validate_image],
        help_text=_("JPEG, PNG or WebP, at least 800 pixels wide. Location data is removed."),
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_zh = models.CharField(
        _("alt text (Chinese)"),
        max_length=200,
        help_text=_("Describe what the photo shows for people who cannot see it."),
    )
    alt_en = models.CharField(_("alt text (English)"), max_length=200, blank=True)
    caption_zh = models.CharField(_("caption (Chinese)"), max_length=200, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    alt = translated("alt")
    caption = translated("caption")

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self):
        return self.alt_zh

    def save(self, *args, **kwargs):
        # Django fills width/height when a file is assigned, but not when it comes through
        # FieldFile.save(content, save=False); read them here so every door records them.
        if self.image and not self.image._committed:
            # A fresh upload: store it without metadata, so no GPS position or script leaks through the original,
            # under the extension of the type in its content, so it is served as what it is.
            data, extension = images.without_metadata(self.image)
            name = images.stored_name(self.image, self, self.image.name, extension)
            self.image.save(name, ContentFile(data), save=False)
            images.remember_stored(self.image.name)
            self.width = self.height = 0
        if self.image and not (self.width and self.height):
            self.width, self.height = images.dimensions(self.image)
        super().save(*args, **kwargs)

    def _rendition_stem_url(self):
        # Worked out once per photo and image (a card asks for seven URLs): pathlib is the costly part.
        name = self.image.name
        known = self.__dict__.get("_stem_url")
        if known is None or known[0] != name:
            known = self.__dict__["_stem_url"] = (name, settings.MEDIA_URL + images.rendition_stem(name))
        return known[1]

    def rendition_url(self, width, fmt="jpeg"):
        return f"{self._rendition_stem_url()}-{images.fit_width(width, self.width)}.{images.FORMATS[fmt][0]}"

    def srcset(self, fmt="jpeg"):
        return images.srcset_from(self._rendition_stem_url(), self.width, fmt)

    @property
    def srcset_webp(self):
        return self.srcset("webp")

    @property
    def srcset_jpeg(self):
        return self.srcset("jpeg")

    @property
    def src(self):
        return self.rendition_url(960)

    @property
    def thumbnail_url(self):
        return self.rendition_url(images.WIDTHS[0])

    def display_height(self, width):
        return round(self.height * width / self.width) if self.width else 0

    @property
    def ratio_height_960(self):
        return self.display_height(960)


class PostCount(models.Model):
    """How many times one client did one thing (posted the booking form, asked for a password reset) in one
    time window; core.ratelimit. In the database so that every worker counts in the same place."""

    key = models.CharField(max_length=255, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"
