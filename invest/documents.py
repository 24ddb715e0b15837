"""Checks on the PDF documents a project offers for download: a PDF by its content, not its name; not too large;
and no active content (core.pdf)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.pdf import refuse_active_content


def validate_pdf(file):
    """Refuse what is not a PDF by its content, a file over MAX_DOCUMENT_BYTES, and a PDF with active content."""
    size = getattr(file, "size", None)
    if size is not None and size > settings.MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("This file is too large (%(size)s MB); the limit is %(limit)s MB."),
            code="too_large",
            params={"size": round(size / 2**20, 1), "limit": round(settings.MAX_DOCUMENT_BYTES / 2**20, 1)},
        )
    file.seek(0)
    data = file.read(settings.MAX_DOCUMENT_BYTES + 1)
    file.seek(0)
    if len(data) > settings.MAX_DOCUMENT_BYTES:
        raise ValidationError(_("This file is too large."), code="too_large")
    # The header may follow up to 1 KB of junk (PDF 1.7, annex H); the end-of-file marker closes the last 1 KB.
    if b"%PDF-" not in data[:1024] or b"%%EOF" not in data[-1024:]:
        raise ValidationError(_("Upload a PDF document."), code="format")
    refuse_active_content(data)
