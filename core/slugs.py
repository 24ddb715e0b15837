from django.utils.text import slugify
from pypinyin import lazy_pinyin


def pinyin_slug(text, max_length=80):
    """`中车株机` → `zhong-che-zhu-ji`; Latin letters and digits are kept."""
    return slugify("-".join(lazy_pinyin(text)))[:max_length].strip("-") or "item"


def unique_slug(model, text, exclude_pk=None, max_length=80):
    base = pinyin_slug(text, max_length - 4)
    slug, n = base, 2
    taken = model._default_manager.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
