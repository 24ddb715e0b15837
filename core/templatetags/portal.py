import json

from django import template
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def jsonld(data):
    """A schema.org block; <, > and & are escaped so no text can close the script element."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def language_url(context, language):
    """The current page, query string included, in another language."""
    request = context["request"]
    url = translate_url(request.path, language)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def absolute_language_url(context, language):
    request = context["request"]
    return request.build_absolute_uri(translate_url(request.path, language))


@register.simple_tag(takes_context=True)
def page_url(context, number):
    query = context.get("query", "")
    return f"?{query}&page={number}" if query else f"?page={number}"
