"""Checks on evidence uploads, like the photo pipeline's (core.images): the type is read from the content, never the
client's name or header; the size is capped before anything is parsed; photos are re-encoded without metadata; a
PDF is parsed and refused when it carries active content (JavaScript, launch or other actions, embedded files,
forms with scripts) or cannot be read whole."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from core import images
from core.pdf import refuse_active_content


class CheckedFile:
    """What gets stored: the bytes (re-encoded for photos), the kind and the extension."""

    def __init__(self, data, kind, extension):
        self.data, self.kind, self.extension = data, kind, extension


def check_upload(upload):
    """A CheckedFile for an uploaded photo or PDF, or ValidationError with a message the operator understands."""
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This file is too large (%(size)s MB); the limit is %(limit)s MB."),
            code="too_large",
            params={"size": round(upload.size / 2**20, 1), "limit": round(limit / 2**20, 1)},
        )
    if upload.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        data = upload.read()
        check_pdf(data)
        return CheckedFile(data, "pdf", "pdf")
    try:
        images.validate_image(upload)
    except ValidationError:
        raise ValidationError(
            _("Upload a photo (JPEG, PNG or WebP) or a PDF; this file is neither, or is damaged."), code="format"
        ) from None
    data, extension = images.without_metadata(upload)
    return CheckedFile(data, "photo", extension)


def check_pdf(data):
    """Refuse a PDF that cannot be read whole, is protected, has no pages, or carries active content (core.pdf)."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is protected by a password; upload it without the protection."), code="encrypted"
            )
        if not len(reader.pages):
            raise ValidationError(_("This PDF has no pages."), code="empty")
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError):
        raise ValidationError(_("This PDF cannot be read; it may be damaged."), code="invalid") from None
    refuse_active_content(data)
