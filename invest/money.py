"""A financing need in the reader's units: 亿元 (10⁸ yuan) in Chinese; billions or millions of yuan in English."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.translation import is_english

YI = Decimal(100_000_000)
BILLION = Decimal(1_000_000_000)
MILLION = Decimal(1_000_000)


def _round(value, places=2):
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP).normalize()
    # normalize() writes 100 as 1E+2; put the zeros back.
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral() else rounded


def amount(yuan):
    """1500000000 → "15 亿元" or "1.5 billion yuan"; 300000000 → "3 亿元" or "300 million yuan"."""
    if yuan is None:
        return ""
    yuan = Decimal(yuan)
    if not is_english():
        return _("%(number)s 亿元") % {"number": number_format(_round(yuan / YI), use_l10n=False)}
    if yuan >= BILLION:
        return _("%(number)s billion yuan") % {"number": number_format(_round(yuan / BILLION), use_l10n=False)}
    return _("%(number)s million yuan") % {"number": number_format(_round(yuan / MILLION), use_l10n=False)}
