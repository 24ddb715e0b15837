"""Resized renditions of uploaded photos.

Each photo gets JPEG and WebP copies in a few widths under renditions/ in the media storage, named after the
original, so a page computes their URLs without a query. They are never made inside the post that uploads the
photo: small photos get them when the transaction commits (core.signals), and any rendition still missing is made
on its first request (core.media.serve_rendition), one per request, then served from the storage.
"""

import contextlib
import contextvars
import io
from pathlib import PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageCms, ImageOps

WIDTHS = (480, 960, 1600)
FORMATS = {
    "jpeg": ("jpg", "JPEG", {"quality": 80, "optimize": True, "progressive": True}),
    "webp": ("webp", "WEBP", {"quality": 78, "method": 4}),
}
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# Cache key noting that a rendition is in a remote storage, so serving it costs no round trip to ask (core.media).
RENDITION_KNOWN = "rendition-stored:{}"


def available_widths(original_width):
    widths = [w for w in WIDTHS if w <= original_width]
    return widths or [WIDTHS[0]]


def fit_width(requested, original_width):
    widths = available_widths(original_width)
    fitting = [w for w in widths if w <= requested]
    return fitting[-1] if fitting else widths[0]


def rendition_stem(image_name):
    """`renditions/<folder>/<name without extension>`: what an image's renditions are named after."""
    path = PurePosixPath(image_name)
    return f"renditions/{path.parent}/{path.stem}"


def rendition_name(image_name, width, fmt):
    return f"{rendition_stem(image_name)}-{width}.{FORMATS[fmt][0]}"


def rendition_url(image_name, width, fmt="jpeg"):
    return settings.MEDIA_URL + rendition_name(image_name, width, fmt)


def srcset(image_name, original_width, fmt="jpeg"):
    return srcset_from(settings.MEDIA_URL + rendition_stem(image_name), original_width, fmt)


def srcset_from(stem_url, original_width, fmt):
    """The srcset of the renditions named after `stem_url` (the MEDIA_URL and rendition_stem of an image)."""
    extension = FORMATS[fmt][0]
    return ", ".join(f"{stem_url}-{w}.{extension} {w}w" for w in available_widths(original_width))


def dimensions(field_file):
    field_file.open("rb")
    try:
        with Image.open(field_file) as image:
            return image.size
    finally:
        field_file.seek(0)


def make_renditions(image_name, force=False, wanted=None):
    """Write the missing renditions of one stored image (all, or the (width, format) pairs in `wanted`); returns
    how many were written."""
    written = 0
    with default_storage.open(image_name) as handle, Image.open(handle) as original:
        targets = [
            (width, fmt)
            for width in available_widths(_upright_width(original))
            for fmt in FORMATS
            if (wanted is None or (width, fmt) in wanted)
            and (force or not default_storage.exists(rendition_name(image_name, width, fmt)))
        ]
        if not targets:
            return 0
        # A JPEG decodes at 1/2 to 1/8 of its size when that still covers the widest rendition wanted: a 480-pixel
        # copy of a 39-megapixel photo reads 600,000 pixels, not 39 million. Square, whatever the orientation.
        widest = max(width for width, _fmt in targets)
        original.draft("RGB", (widest, widest))
        original = ImageOps.exif_transpose(original).convert("RGB")
        original.info = {}  # an original stored before metadata was stripped keeps its comment out of renditions
        for width in sorted({width for width, _fmt in targets}):
            height = max(1, round(original.height * width / original.width))
            resized = original.resize((width, height), Image.Resampling.LANCZOS) if width < original.width else original
            for fmt in [fmt for w, fmt in targets if w == width]:
                _save_atomically(resized, rendition_name(image_name, width, fmt), fmt)
                written += 1
    return written


def _upright_width(image):
    """The width once turned upright, from the header alone (exif_transpose would decode the whole image)."""
    turned = image.getexif().get(ExifTags.Base.Orientation) in (5, 6, 7, 8)
    return image.height if turned else image.width


def _save_atomically(image, name, fmt):
    """Encode, then store in one write: the local storage renames a finished file into place and an object store
    puts it whole, so a request meanwhile finds the whole file or none (core.storage)."""
    _ext, pil_format, options = FORMATS[fmt]
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)
    default_storage.save(name, ContentFile(buffer.getvalue()))


def original_of(stem):
    """The stored original whose renditions are named after `stem` (its path without extension), or None."""
    for extension in EXTENSIONS.values():
        if default_storage.exists(f"{stem}.{extension}"):
            return f"{stem}.{extension}"
    # Originals stored before uploads were renamed kept the client's extension.
    folder, name = PurePosixPath(stem).parent, PurePosixPath(stem).name
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for filename in sorted(default_storage.listdir(str(folder))[1]):
            if PurePosixPath(filename).stem == name:
                return f"{folder}/{filename}"
    return None


def delete_with_renditions(image_name):
    for width in WIDTHS:
        for fmt in FORMATS:
            default_storage.delete(rendition_name(image_name, width, fmt))
    default_storage.delete(image_name)
    cache.delete_many([RENDITION_KNOWN.format(rendition_name(image_name, w, f)) for w in WIDTHS for f in FORMATS])


# Originals stored during a request that may still fail (core.admin.PublishingAdmin.changeform_view).
_stored = contextvars.ContextVar("stored_originals", default=None)


def remember_stored(image_name):
    stored = _stored.get()
    if stored is not None:
        stored.append(image_name)


@contextlib.contextmanager
def removed_if_failed():
    """Delete the originals stored inside the block, with their renditions, when it ends with an exception (its
    transaction rolled back, or a worker killed at its timeout): no file outlives the row that never was."""
    token = _stored.set([])
    try:
        yield
    except BaseException:
        for name in _stored.get():
            with contextlib.suppress(OSError):
                delete_with_renditions(name)
        raise
    finally:
        _stored.reset(token)


def validate_image(file):
    """Refuse files that are not really JPEG, PNG or WebP, that are truncated, or too large to decode safely."""
    max_pixels = settings.MAX_UPLOAD_PIXELS
    size = getattr(file, "size", None) if not getattr(file, "_committed", False) else None
    if size is not None and size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is too large (%(size)s MB); the limit is %(limit)s MB."),
            code="too_large",
            params={"size": round(size / 2**20, 1), "limit": round(settings.MAX_UPLOAD_BYTES / 2**20, 1)},
        )
    try:
        if getattr(file, "closed", False) and hasattr(file, "open"):
            # A stored original that Django closed after reading its dimensions (an unchanged photo in a form).
            file.open("rb")
        file.seek(0)
        with Image.open(file) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG or WebP photo."), code="format")
            # The header gives the size before anything is decoded: a decompression bomb stops here.
            if image.width * image.height > max_pixels:
                raise ValidationError(
                    _("This image is too large (%(width)s × %(height)s pixels); the limit is %(limit)s pixels."),
                    code="too_large",
                    params={"width": image.width, "height": image.height, "limit": max_pixels},
                )
            # Decodes every byte, so a truncated or corrupt file fails here; a JPEG at 1/8 scale, which reads the
            # whole file as well at a fraction of the cost.
            image.draft(image.mode, (1, 1))
            image.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise ValidationError(
            _("This image is too large to open safely; the limit is %(limit)s pixels."),
            code="too_large",
            params={"limit": max_pixels},
        ) from None
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(_("This file is not a readable image."), code="invalid") from None
    finally:
        # A stored original that went missing cannot be rewound; the message above says enough.
        with contextlib.suppress(OSError, ValueError):
            file.seek(0)


# The extension every stored original gets, from the format Pillow reads in its content (never the client's name).
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def without_metadata(file):
    """The upload re-encoded from its pixels alone, turned upright, in the same format; and that format's
    extension. Nothing else is carried over: no EXIF (location, camera), XMP, JPEG comment, PNG text chunk or ICC
    profile (colours are converted to sRGB first), so no text a client wrote reaches the stored file."""
    file.seek(0)
    with Image.open(file) as image:
        image_format = image.format
        upright = _in_srgb(ImageOps.exif_transpose(image))
        if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        # Pillow writes a JPEG's comment and a PNG's ICC profile back from `info` unless told otherwise.
        upright.info = {}
        buffer = io.BytesIO()
        options = {"quality": 92} if image_format in ("JPEG", "WEBP") else {}
        upright.save(buffer, image_format, **options)
    return buffer.getvalue(), EXTENSIONS[image_format]


def _in_srgb(image):
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    with contextlib.suppress(ImageCms.PyCMSError, OSError, ValueError):
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = image.mode if image.mode in ("RGB", "RGBA", "L") else "RGB"
        return ImageCms.profileToProfile(image.convert(mode), source, ImageCms.createProfile("sRGB"), outputMode=mode)
    return image


def stored_name(field_file, instance, client_name, extension):
    """Where a new original goes: the client's stem under the detected type's extension, with a stem no other
    original in the folder has, whatever its extension (renditions are named after the stem alone)."""
    storage = field_file.storage
    stem = PurePosixPath(client_name).stem or "photo"
    name = PurePosixPath(field_file.field.generate_filename(instance, f"{stem}.{extension}"))
    while any(storage.exists(str(name.with_suffix(f".{ext}"))) for ext in EXTENSIONS.values()):
        name = PurePosixPath(storage.get_alternative_name(str(name.with_suffix("")), f".{extension}"))
    return name.name
