"""Checks on the PDF documents a project offers for download: a PDF by its content, not its name; not too large;
and no active content (scripts, actions run on opening, launched programs, embedded files, forms with scripts).

A PDF may hide a name in `#xx` escapes (/J#61vaScript) and inside compressed object streams, so the check reads
the names after undoing the escapes, in the file and in every Flate stream it can inflate (each capped, so a
small file that inflates to gigabytes cannot stall the request).
"""

import re
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Names that make a PDF do something when it is opened or clicked.
ACTIVE_NAMES = (
    b"/JavaScript",
    b"/JS",
    b"/OpenAction",
    b"/AA",
    b"/Launch",
    b"/EmbeddedFile",
    b"/EmbeddedFiles",
    b"/RichMedia",
    b"/XFA",
    b"/SubmitForm",
    b"/ImportData",
    b"/GoToR",
    b"/GoToE",
)
_NAME = re.compile(rb"/[^\s/<>\[\]()%{}]+")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
_INFLATED_LIMIT = 8 * 1024 * 1024  # bytes read from each compressed stream
_STREAMS_LIMIT = 2000


def _names(data):
    found = set()
    for name in _NAME.findall(data):
        found.add(_ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), name))
    return found


def _inflated(data):
    for count, match in enumerate(_STREAM.finditer(data)):
        if count >= _STREAMS_LIMIT:
            raise ValidationError(_("This PDF is too complex to check; save it again as a simple PDF."), code="complex")
        try:
            yield zlib.decompressobj().decompress(match.group(1), _INFLATED_LIMIT)
        except zlib.error:
            continue  # not Flate (an image, say): nothing to read


def active_content(data):
    """The active names found in the PDF `data` (bytes), sorted; empty for a plain document."""
    names = _names(data)
    for part in _inflated(data):
        names |= _names(part)
    return sorted(name.decode("latin-1") for name in names if name in ACTIVE_NAMES)


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
    found = active_content(data)
    if found:
        raise ValidationError(
            _("This PDF contains active content (%(names)s). Save it as a plain PDF without scripts or attachments."),
            code="active",
            params={"names": ", ".join(found)},
        )
