"""Fields every resource shares: bilingual texts, labels of codes, links to public pages, photos and points.

A text answers in the language the client chose (`lang=zh|en`, else Accept-Language): English falls back to the
Chinese text where no English is written, as on the pages. With `lang=all` it answers `{"zh": …, "en": …}` with
`en` null where no English is written, so a partner sees what is missing instead of Chinese in an English slot.
"""

from django.urls import reverse
from django.utils import translation
from drf_spectacular.drainage import set_override
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.links import absolute_url

BOTH = "all"
LANGUAGE_CODES = {"zh": "zh-hans", "en": "en"}

TEXT_SCHEMA = {
    "oneOf": [
        {"type": "string", "description": "In the language asked for (lang=zh|en or Accept-Language)."},
        {
            "type": "object",
            "description": "With lang=all: both languages; en is null where no English text is written.",
            "properties": {"zh": {"type": "string"}, "en": {"type": ["string", "null"]}},
            "required": ["zh", "en"],
            "additionalProperties": False,
        },
    ]
}
URL_SCHEMA = {
    "oneOf": [
        {"type": "string", "format": "uri"},
        {
            "type": "object",
            "description": "With lang=all: the Chinese and the English page.",
            "properties": {"zh": {"type": "string", "format": "uri"}, "en": {"type": "string", "format": "uri"}},
            "required": ["zh", "en"],
            "additionalProperties": False,
        },
    ]
}


def bilingual(lang, zh, en):
    """A text as the client asked for it: one language (English falling back to Chinese) or both."""
    if lang == BOTH:
        return {"zh": zh, "en": en or None}
    return (en or zh) if lang == "en" else zh


def in_each_language(lang, make):
    """`make()` (a label, a URL) under the language asked for, or under each of them for lang=all."""
    if lang == BOTH:
        values = {}
        for short, code in LANGUAGE_CODES.items():
            with translation.override(code):
                values[short] = str(make())
        return values
    with translation.override(LANGUAGE_CODES[lang]):
        return str(make())


def text(obj, lang, name):
    return bilingual(lang, getattr(obj, f"{name}_zh"), getattr(obj, f"{name}_en"))


def page_url(obj, lang):
    """The public page of `obj`, which carries its schema.org JSON-LD."""
    return in_each_language(lang, lambda: absolute_url(obj.get_absolute_url()))


def api_url(name, slug):
    return absolute_url(reverse(f"api:{name}-detail", kwargs={"slug": slug}))


@extend_schema_field(TEXT_SCHEMA)
class Text(serializers.Field):
    """`<name>_zh` and `<name>_en` of the object (the field's name unless `name` is given)."""

    def __init__(self, name=None, **kwargs):
        self.base = name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return text(obj, self.context["lang"], self.base or self.field_name)


@extend_schema_field(TEXT_SCHEMA)
class Label(serializers.Field):
    """The label of a coded value (`get_<name>_display()`) in the language asked for."""

    def __init__(self, name, **kwargs):
        self.base = name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        display = getattr(obj, f"get_{self.base}_display")
        return in_each_language(self.context["lang"], display)


@extend_schema_field(URL_SCHEMA)
class PageUrl(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "The public page, in the language asked for; it carries schema.org JSON-LD.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return page_url(obj, self.context["lang"])


@extend_schema_field(OpenApiTypes.URI)
class ApiUrl(serializers.Field):
    def __init__(self, name, **kwargs):
        self.name = name
        kwargs.setdefault("help_text", "This object in the API.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return api_url(self.name, obj.slug)


class PointSerializer(serializers.Serializer):
    latitude = serializers.FloatField(help_text="WGS-84 degrees.")
    longitude = serializers.FloatField(help_text="WGS-84 degrees.")
    approximate = serializers.BooleanField(help_text="True when the point marks the area rather than the entrance.")


def point(place):
    """{latitude, longitude, approximate} of a Located object, or None."""
    if place is None or not place.has_coordinates:
        return None
    return {
        "latitude": float(place.latitude),
        "longitude": float(place.longitude),
        "approximate": place.coordinates_approximate,
    }


class PhotoSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="A JPEG rendition up to 960 pixels wide.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = Text()
    caption = Text()


class Photo(serializers.Field):
    """The cover photo (the first one), as a rendition, or null."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, obj):
        photo = obj.cover
        if photo is None:
            return None
        lang = self.context["lang"]
        return {
            "url": absolute_url(photo.src),
            "width": 960 if photo.width >= 960 else photo.width,
            "height": photo.ratio_height_960 if photo.width >= 960 else photo.height,
            "alt": text(photo, lang, "alt"),
            "caption": text(photo, lang, "caption"),
        }


extend_schema_field(PhotoSerializer())(Photo)


class Computed(serializers.Field):
    """A value `compute(obj, lang)` makes, documented as `schema` (a serializer, a field or a JSON schema)."""

    def __init__(self, compute, schema, **kwargs):
        self.compute = compute
        super().__init__(source="*", read_only=True, **kwargs)
        set_override(self, "field", schema)

    def to_representation(self, obj):
        return self.compute(obj, self.context["lang"])


class AdmissionSerializer(serializers.Serializer):
    free = serializers.BooleanField()
    price = serializers.FloatField(allow_null=True, help_text="Yuan (CNY), the full adult price; null when free.")
    note = Text(name="admission_note")


def admission(obj, lang):
    price = obj.admission_price
    return {
        "free": obj.admission_free,
        "price": float(price) if price is not None else None,
        "note": text(obj, lang, "admission_note"),
    }
