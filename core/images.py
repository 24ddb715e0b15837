"""Resized renditions of uploaded photos.

Each photo gets JPEG and WebP copies in a few widths under MEDIA_ROOT/renditions/, named after the
original, so a page computes their URLs without a query. They are made when a photo is saved
(core.signals) and by `manage.py make_renditions`.
"""

import contextlib
import io
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

WIDTHS = (480, 960, 1600)
FORMATS = {
    "jpeg": ("jpg", "JPEG", {"quality": 80, "optimize": True, "progressive": True}),
    "webp": ("webp", "WEBP", {"quality": 78, "method": 4}),
}
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}


def available_widths(original_width):
    widths = [w for w in WIDTHS if w <= original_width]
    return widths or [WIDTHS[0]]


def fit_width(requested, original_width):
    widths = available_widths(original_width)
    fitting = [w for w in widths if w <= requested]
    return fitting[-1] if fitting else widths[0]


def rendition_name(image_name, width, fmt):
    path = PurePosixPath(image_name)
    extension = FORMATS[fmt][0]
    return f"renditions/{path.parent}/{path.stem}-{width}.{extension}"


def rendition_url(image_name, width, fmt="jpeg"):
    return settings.MEDIA_URL + rendition_name(image_name, width, fmt)


def srcset(image_name, original_width, fmt="jpeg"):
    return ", ".join(f"{rendition_url(image_name, w, fmt)} {w}w" for w in available_widths(original_width))


def dimensions(field_file):
    field_file.open("rb")
    try:
        with Image.open(field_file) as image:
            return image.size
    finally:
        field_file.seek(0)


def make_renditions(image_name, force=False):
    """Write every missing rendition of one stored image; returns how many were written."""
    written = 0
    with default_storage.open(image_name) as handle, Image.open(handle) as original:
        original = ImageOps.exif_transpose(original).convert("RGB")
        original.info = {}  # an original stored before metadata was stripped keeps its comment out of renditions
        for width in available_widths(original.width):
            resized = None
            for fmt, (_ext, pil_format, options) in FORMATS.items():
                name = rendition_name(image_name, width, fmt)
                if not force and default_storage.exists(name):
                    continue
                if resized is None:
                    height = max(1, round(original.height * width / original.width))
                    resized = (
                        original.resize((width, height), Image.Resampling.LANCZOS)
                        if width < original.width
                        else original
                    )
                target = Path(default_storage.path(name))
                target.parent.mkdir(parents=True, exist_ok=True)
                resized.save(target, pil_format, **options)
                written += 1
    return written


def validate_image(file):
    """Refuse files that are not really JPEG, PNG or WebP, that are truncated, or too large to decode safely."""
    max_pixels = settings.MAX_UPLOAD_PIXELS
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
            image.load()  # decodes everything: a truncated or corrupt file fails here
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
