import json
from functools import lru_cache

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.links import absolute_url
from core.pagecache import CATALOGUE, EVERYTHING, cached_for_content, vary_key
from core.publishing import can_preview

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def jsonld(data):
    """A schema.org block; <, > and & are escaped so no text can close the script element."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def same_site_path(path):
    """`path` as a path on this site: one leading slash and no backslash. A request for `//evil.example/x` or
    `/\\evil.example/` must not turn into a link that browsers read as another host."""
    return "/" + path.replace("\\", "%5C").lstrip("/")


@lru_cache(maxsize=4096)
def _translated_path(path, language):
    # A pure function of the path and the URLconf, asked for three to five times on every page.
    return same_site_path(translate_url(same_site_path(path), language))


@register.simple_tag(takes_context=True)
def language_url(context, language):
    """The current page, query string included, in another language."""
    request = context["request"]
    url = _translated_path(request.path, language)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def absolute_language_url(context, language):
    request = context["request"]
    return absolute_url(_translated_path(request.path, language))


@register.simple_tag(takes_context=True)
def page_url(context, number):
    query = context.get("query", "")
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.tag
def cachedcontent(parser, token):
    """`{% cachedcontent "name" value… [ignoring_bookings] %}…{% endcachedcontent %}`: the enclosed markup, rendered
    once per content version, language and the given values, then served from the data cache
    (core.pagecache.cached_for_content). The values must name everything the markup depends on besides content;
    `ignoring_bookings` marks markup that shows no study tour, which bookings then leave cached. Querysets inside
    stay unevaluated on a hit, so keep them lazy in the view."""
    bits = token.split_contents()[1:]
    parts = EVERYTHING
    if bits and bits[-1] == "ignoring_bookings":
        bits, parts = bits[:-1], (CATALOGUE,)
    if not bits:
        raise template.TemplateSyntaxError("cachedcontent needs a name")
    nodelist = parser.parse(("endcachedcontent",))
    parser.delete_first_token()
    return CachedContentNode(nodelist, [parser.compile_filter(bit) for bit in bits], parts)


class CachedContentNode(template.Node):
    def __init__(self, nodelist, values, parts):
        self.nodelist = nodelist
        self.values = values
        self.parts = parts

    def render(self, context):
        if settings.DATA_CACHE_SECONDS <= 0:
            return self.nodelist.render(context)  # no key to work out for a cache that is off
        request = context.get("request")
        if request is not None and can_preview(getattr(request, "user", None)):
            # Staff may see drafts and previews at public addresses: never cache what they see, nor show them
            # what visitors see.
            return self.nodelist.render(context)
        name, *values = (value.resolve(context) for value in self.values)
        key = f"fragment:{name}:{get_language()}:{vary_key(*values)}"
        return cached_for_content(key, lambda: self.nodelist.render(context), parts=self.parts)


# Markup made of the code alone ({% samemarkup %}), by language, script prefix and values; kept for the life of the
# worker like its compiled templates, and emptied when a setting changes (tests override the URLconf and languages).
_SAME_MARKUP = {}
_SAME_MARKUP_LIMIT = 1000


@receiver(setting_changed)
def _forget_same_markup(**kwargs):
    _SAME_MARKUP.clear()


@register.tag
def samemarkup(parser, token):
    """`{% samemarkup "name" value… %}…{% endsamemarkup %}`: markup made of the code alone (links to named URLs,
    translated text, like the header's and the footer's), never of content nor of the request beyond the values
    given: rendered once per worker, language and values, cache or no cache. Rendered every time with DEBUG on,
    where templates change while the server runs."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("samemarkup needs a name")
    nodelist = parser.parse(("endsamemarkup",))
    parser.delete_first_token()
    return SameMarkupNode(nodelist, [parser.compile_filter(bit) for bit in bits])


class SameMarkupNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values

    def render(self, context):
        if settings.DEBUG:
            return self.nodelist.render(context)
        key = (get_language(), get_script_prefix(), *(str(value.resolve(context)) for value in self.values))
        markup = _SAME_MARKUP.get(key)
        if markup is None:
            if len(_SAME_MARKUP) >= _SAME_MARKUP_LIMIT:
                _SAME_MARKUP.clear()
            markup = _SAME_MARKUP[key] = self.nodelist.render(context)
        return markup


_PICTURE = (
    '<picture>\n  <source type="image/webp" srcset="{}" sizes="{}">\n  <img src="{}" srcset="{}" sizes="{}" width="960"'
    ' height="{}" alt="{}"{} {} decoding="async">\n</picture>'
)
_LOADING = {True: mark_safe('fetchpriority="high"'), False: mark_safe('loading="lazy"')}


@register.simple_tag
def picture(photo, sizes="", eager=False, cls=""):
    """A photo as resized renditions, WebP with a JPEG fallback (includes/picture.html). Written in Python: a list
    page shows twelve, and an include with its variables cost more than the rest of a card."""
    if not photo:
        return ""
    sizes = sizes or "100vw"
    return format_html(
        _PICTURE,
        photo.srcset_webp,
        sizes,
        photo.src,
        photo.srcset_jpeg,
        sizes,
        photo.ratio_height_960,
        photo.alt,
        format_html(' class="{}"', cls) if cls else "",
        _LOADING[bool(eager)],
    )
