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
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from core import images

# Keys whose presence anywhere in a PDF means something runs or opens when it is viewed.
ACTIVE_KEYS = {"/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA"}
# Action types that run, launch, send or fetch. An /OpenAction or /AA that only shows a page (a destination, a
# /GoTo) is what office software writes into ordinary PDFs, and passes.
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToR",
    "/GoToE",
    "/Rendition",
    "/RichMediaExecute",
}
# A PDF with more objects than this is not what a permit or a safety record looks like; walking it would be slow.
MAX_PDF_OBJECTS = 50_000


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
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is protected by a password; upload it without the protection."), code="encrypted"
            )
        _walk(reader.trailer)
        if not len(reader.pages):
            raise ValidationError(_("This PDF has no pages."), code="empty")
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError):
        raise ValidationError(_("This PDF cannot be read; it may be damaged."), code="invalid") from None


def _walk(root):
    """Every object reachable from the trailer, each once, without recursion (a deep PDF cannot overflow)."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > MAX_PDF_OBJECTS:
                raise ValidationError(_("This PDF is too complex to check."), code="too_complex")
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            active = ACTIVE_KEYS.intersection(node.keys())
            if active or node.get("/S") in ACTIVE_ACTIONS:
                raise ValidationError(
                    _("This PDF contains scripts, actions or embedded files; save it as a plain PDF and upload again."),
                    code="active_content",
                )
            stack.extend(value for name, value in node.items() if name != "/Parent")
        elif isinstance(node, ArrayObject):
            stack.extend(node)
