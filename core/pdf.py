"""Active content in uploaded PDFs (project documents, accreditation evidence): one check for every upload.

A PDF is refused when it can run or open something: scripts, launched programs, form submissions, remote
go-tos, embedded files, rich media or XFA forms. An /OpenAction or /AA that only shows a page is what office
software writes into ordinary PDFs, and passes; the action types it names are what is looked for. A name may hide
in `#xx` escapes (/J#61vaScript) and inside compressed (object) streams, so the names are read after undoing the
escapes, in the file and in every Flate stream that inflates (each capped, so a small file that inflates to
gigabytes cannot stall the request).
"""

import re
import zlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ACTIVE_NAMES = frozenset(
    {
        b"/JavaScript",
        b"/JS",
        b"/Launch",
        b"/SubmitForm",
        b"/ImportData",
        b"/GoToR",
        b"/GoToE",
        b"/Rendition",
        b"/RichMedia",
        b"/RichMediaExecute",
        b"/EmbeddedFile",
        b"/EmbeddedFiles",
        b"/XFA",
    }
)
_NAME = re.compile(rb"/[^\s/<>\[\]()%{}]+")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
_INFLATED_LIMIT = 8 * 1024 * 1024  # bytes read from each compressed stream
_STREAMS_LIMIT = 2000


def _names(data):
    return {_ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), name) for name in _NAME.findall(data)}


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
    return sorted(name.decode("latin-1") for name in names & ACTIVE_NAMES)


def refuse_active_content(data):
    found = active_content(data)
    if found:
        raise ValidationError(
            _(
                "This PDF contains scripts, actions or embedded files (%(names)s); save it as a plain PDF and upload "
                "again."
            ),
            code="active_content",
            params={"names": ", ".join(found)},
        )
