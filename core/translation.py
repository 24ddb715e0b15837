"""Bilingual content fields: every text is stored as `<name>_zh` and `<name>_en`.

`translated("name")` gives a model a `name` property in the active language, falling back to Chinese
where the English text is missing.
"""

from django.utils.translation import get_language


def is_english():
    return (get_language() or "").startswith("en")


def pick(zh, en):
    return en if en and is_english() else zh


def translated(field):
    def getter(self):
        return pick(getattr(self, f"{field}_zh"), getattr(self, f"{field}_en"))

    getter.__name__ = field
    return property(getter)
