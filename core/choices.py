"""Vocabularies shared by sites, heritage, events and routes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class District(models.TextChoices):
    HETANG = "hetang", _("Hetang District")
    LUSONG = "lusong", _("Lusong District")
    SHIFENG = "shifeng", _("Shifeng District")
    TIANYUAN = "tianyuan", _("Tianyuan District")
    LUKOU = "lukou", _("Lukou District")
    LILING = "liling", _("Liling City")
    YOUXIAN = "youxian", _("You County")
    CHALING = "chaling", _("Chaling County")
    YANLING = "yanling", _("Yanling County")


class Industry(models.TextChoices):
    RAIL = "rail", _("Rail transit")
    AVIATION = "aviation", _("Aviation")
    CERAMICS = "ceramics", _("Ceramics")
    FIREWORKS = "fireworks", _("Fireworks")
    MOTORSPORT = "motorsport", _("Motorsport")
    APPAREL = "apparel", _("Apparel")
    CHEMICALS = "chemicals", _("Chemicals")
    TEXTILES = "textiles", _("Textiles")
    METALLURGY = "metallurgy", _("Metallurgy and materials")
    CREATIVE = "creative", _("Creative industries")


class Audience(models.TextChoices):
    STUDY = "study", _("Study tours")
    FAMILY = "family", _("Families")
    SENIOR = "senior", _("Seniors")
    GENERAL = "general", _("General visitors")


# The boolean field on AudienceFields that stands for each audience.
AUDIENCE_FIELDS = {
    Audience.STUDY: "for_study_tours",
    Audience.FAMILY: "for_families",
    Audience.SENIOR: "for_seniors",
    Audience.GENERAL: "for_general",
}
