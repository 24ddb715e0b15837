"""株洲礼物: creative goods that draw on a site or a piece of industrial heritage, "the Zhuzhou you can take home".

A site's operators keep the goods tied to their site (their changes go to review, a published item changes through
a proposed change); the bureau publishes, features and groups them into seasonal collections.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.db.models import Exists, ExpressionWrapper, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.choices import Industry
from core.models import Photo
from core.publishing import (
    Listing,
    PublishableQuerySet,
    missing_names,
    missing_photo,
    publish_window_constraint,
    published_q,
)
from core.revisions import Revisable
from core.translation import translated
from sites.models import HeritageAsset, Site


class CollectionQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(shown=True)


class Collection(models.Model):
    """A seasonal collection the bureau puts together (Spring Festival, the summer of 厂BA, the expos)."""

    name_zh = models.CharField(_("name (Chinese)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True, help_text=_("Used in the showcase's filter."))
    description_zh = models.CharField(_("description (Chinese)"), max_length=300, blank=True)
    description_en = models.CharField(_("description (English)"), max_length=400, blank=True)
    starts_on = models.DateField(_("season starts"), null=True, blank=True)
    ends_on = models.DateField(_("season ends"), null=True, blank=True)
    shown = models.BooleanField(_("shown"), default=True, help_text=_("Offered as a filter in the showcase."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()
    objects = CollectionQuerySet.as_manager()

    name = translated("name")
    description = translated("description")

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["position", "name_zh"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="collection_season_valid",
                violation_error_message=_("The season must end on or after the day it starts."),
            )
        ]

    def __str__(self):
        return self.name_zh

    def get_absolute_url(self):
        return reverse("gifts:gift-list") + f"?collection={self.slug}"


class GiftQuerySet(PublishableQuerySet):
    def published(self, now=None):
        """Published; goods tied to a site show only while the site is public too (the page names and links it)."""
        return self.filter(published_q(now=now)).filter(Q(site__isnull=True) | published_q("site__", now=now))

    def for_listing(self):
        return self.select_related("site", "heritage", "heritage__site").prefetch_related(
            Prefetch("photos", queryset=GiftPhoto.objects.order_by("position", "id"))
        )

    def for_detail(self):
        return self.for_listing().prefetch_related(
            Prefetch("outlets", queryset=Outlet.objects.select_related("site").order_by("position", "id")),
            Prefetch("collections", queryset=Collection.objects.shown()),
        )

    def drawing_on_sites(self, sites):
        """Goods tied to any of `sites`, directly or through heritage seen there."""
        return self.filter(Q(site__in=sites) | Q(heritage__site__in=sites))


def may_draw_on_the_site():
    """Whether approved goods draw on the site of the outer query (sites.models.PAGE_PANELS): its page's panel of
    goods shows nothing otherwise. Publish windows aside, which the panel itself asks: the site is kept in the data
    cache for the day, and a window may open within it. Two EXISTS over the site and heritage indexes."""
    approved = Gift.objects.filter(published=True)
    return ExpressionWrapper(
        Exists(approved.filter(site=OuterRef("pk"))) | Exists(approved.filter(heritage__site=OuterRef("pk"))),
        output_field=models.BooleanField(),
    )


class Gift(Listing, Revisable):
    """A creative product: who makes it, what it draws on, what it costs and where to buy it."""

    sitemap_changefreq = "monthly"
    site_path = "site_id"
    restore_with = ["photos", "outlets"]
    revision_children = ["photos", "outlets"]
    # The bureau's curation: a proposed change by an operator never touches them.
    revision_kept_fields = ["featured", "collections"]

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
    maker_zh = models.CharField(_("maker (Chinese)"), max_length=120)
    maker_en = models.CharField(_("maker (English)"), max_length=160, blank=True)
    site = models.ForeignKey(
        Site,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gifts",
        verbose_name=_("site"),
        help_text=_("The site the product draws on; its operators keep it, and its page shows it."),
    )
    heritage = models.ForeignKey(
        HeritageAsset,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gifts",
        verbose_name=_("industrial heritage"),
        help_text=_("The heritage it draws on, if any."),
    )
    industry = models.CharField(_("industry"), max_length=20, choices=Industry.choices, db_index=True)
    price_min = models.DecimalField(
        _("lowest price (yuan)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    price_max = models.DecimalField(
        _("highest price (yuan)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Leave empty for a single price."),
    )
    collections = models.ManyToManyField(Collection, blank=True, related_name="gifts", verbose_name=_("collections"))
    featured = models.BooleanField(_("featured"), default=False, db_index=True)
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Demo content not stated by the bureau; the page says so.")
    )

    objects = GiftQuerySet.as_manager()

    name = translated("name")
    summary = translated("summary")
    description = translated("description")
    maker = translated("maker")

    class Meta:
        verbose_name = _("creative product")
        verbose_name_plural = _("creative products")
        ordering = ["-featured", "name_zh"]
        constraints = [
            models.CheckConstraint(
                condition=Q(price_min__gte=0) & (Q(price_max__isnull=True) | Q(price_max__gte=models.F("price_min"))),
                name="gift_price_range_valid",
                violation_error_message=_("The highest price must be at least the lowest, and neither negative."),
            ),
            models.CheckConstraint(
                condition=Q(site__isnull=False) | Q(heritage__isnull=False),
                name="gift_draws_on_something",
                violation_error_message=_("Choose the site or the heritage the product draws on."),
            ),
            publish_window_constraint("gift_publish_window_valid"),
        ]
        indexes = [models.Index(fields=["industry", "featured"], name="gift_industry_featured")]

    def __str__(self):
        return self.name_zh

    def get_absolute_url(self):
        return reverse("gifts:gift-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.site_id is None and self.heritage_id is None:
            raise ValidationError(_("Choose the site or the heritage the product draws on."))
        if self.price_max is not None and self.price_min is not None and self.price_max < self.price_min:
            raise ValidationError({"price_max": _("The highest price must be at least the lowest.")})

    def missing_for_publication(self):
        missing = [*missing_names(self, "name"), *missing_photo(self)]
        if not self.maker_zh.strip():
            missing.append(_("a maker"))
        return missing

    @property
    def single_price(self):
        return self.price_max is None or self.price_max == self.price_min

    @property
    def public_site(self):
        """The site to name and link: the product's own, else the heritage's, when it is live."""
        site = self.site or (self.heritage.site if self.heritage_id and self.heritage else None)
        return site if site is not None and site.is_live() else None


class GiftPhoto(Photo):
    site_path = "gift__site_id"

    gift = models.ForeignKey(Gift, on_delete=models.CASCADE, related_name="photos", verbose_name=_("product"))

    history = HistoricalRecords()

    class Meta(Photo.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        indexes = [models.Index(fields=["gift", "position"], name="giftphoto_gift_pos")]


class OutletKind(models.TextChoices):
    SITE = "site", _("At the site")
    SHOP = "shop", _("Shop")
    ONLINE = "online", _("Online shop")


_https = URLValidator(schemes=["https", "http"])


class Outlet(models.Model):
    """Where to buy a product: at a site, in a shop (name and address) or in an online shop (a plain link)."""

    site_path = "gift__site_id"

    gift = models.ForeignKey(Gift, on_delete=models.CASCADE, related_name="outlets", verbose_name=_("product"))
    kind = models.CharField(_("kind"), max_length=10, choices=OutletKind.choices)
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("site")
    )
    name_zh = models.CharField(_("name (Chinese)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    address_zh = models.CharField(_("address (Chinese)"), max_length=200, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=250, blank=True)
    url = models.URLField(
        _("online shop address"),
        max_length=300,
        blank=True,
        validators=[_https],
        help_text=_("A plain http(s) link to the product in an online shop."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    name = translated("name")
    address = translated("address")

    class Meta:
        verbose_name = _("where to buy")
        verbose_name_plural = _("where to buy")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="site") & Q(site__isnull=False))
                | (Q(kind="shop") & ~Q(name_zh=""))
                | (Q(kind="online") & ~Q(url="") & ~Q(name_zh="")),
                name="outlet_kind_complete",
                violation_error_message=_(
                    "A site outlet names its site; a shop its name; an online shop its name and address."
                ),
            )
        ]

    def __str__(self):
        return self.name_zh or str(self.site or "")

    def clean(self):
        super().clean()
        if self.kind == OutletKind.SITE and self.site_id is None:
            raise ValidationError({"site": _("Choose the site.")})
        if self.kind == OutletKind.SHOP and not self.name_zh.strip():
            raise ValidationError({"name_zh": _("Give the shop's name.")})
        if self.kind == OutletKind.ONLINE and (not self.url or not self.name_zh.strip()):
            raise ValidationError(_("An online shop needs its name and the link."))

    @property
    def shown_name(self):
        if self.kind == OutletKind.SITE and self.site is not None:
            return self.site.name
        return self.name
