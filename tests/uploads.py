"""Hostile and awkward files for upload tests."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image


def jpeg_with_gps(width=1000, height=700):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TestCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (27.0, 50.0, 0.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (113.0, 8.0, 0.0)
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (120, 60, 60)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(width=20000, height=20000):
    """A tiny file whose header claims a huge picture (decodes to 400 million pixels)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )


def truncated_jpeg():
    buffer = io.BytesIO()
    Image.effect_noise((800, 600), 80).convert("RGB").save(buffer, "JPEG")
    data = buffer.getvalue()
    return data[: len(data) // 2]


PHP_AS_JPEG = b"<?php system($_GET['cmd']); ?>"
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>'
)


def _srgb_profile():
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def jpeg_with_comment_and_xmp(width=900, height=600):
    """A JPEG carrying script in its COM segment and XMP packet, with an ICC profile and EXIF."""
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = "<script>alert('exif')</script>"
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (120, 60, 60)).save(
        buffer,
        "JPEG",
        comment=b"<script>alert('comment')</script>",
        xmp=b"<x:xmpmeta><script>alert('xmp')</script></x:xmpmeta>",
        icc_profile=_srgb_profile(),
        exif=exif,
    )
    return buffer.getvalue()


def png_with_text(width=900, height=600):
    """A PNG carrying script in tEXt, zTXt and iTXt chunks, with an ICC profile."""
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert('text')</script>")
    info.add_text("Title", "<script>alert('ztxt')</script>", zip=True)
    info.add_itxt("Description", "<script>alert('itxt')</script>", lang="en")
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (60, 60, 120)).save(buffer, "PNG", pnginfo=info, icc_profile=_srgb_profile())
    return buffer.getvalue()


def post_site_photos(client, site, files):
    """The site's change form as an editor posts it with new photos: `files` are (name, content, content type)."""
    data = {
        "name_zh": site.name_zh,
        "name_en": site.name_en,
        "slug": site.slug,
        "published": "on",
        "industry": site.industry,
        "district": site.district,
        "level": "none",
        "admission_free": "on",
        "for_general": "on",
        "latitude": "27.88",
        "longitude": "113.16",
        "photos-TOTAL_FORMS": str(len(files)),
        "photos-INITIAL_FORMS": "0",
        "periods-TOTAL_FORMS": "0",
        "periods-INITIAL_FORMS": "0",
        "exceptions-TOTAL_FORMS": "0",
        "exceptions-INITIAL_FORMS": "0",
    }
    for n, (name, content, content_type) in enumerate(files):
        data[f"photos-{n}-image"] = SimpleUploadedFile(name, content, content_type=content_type)
        data[f"photos-{n}-alt_zh"] = "厂房"
        data[f"photos-{n}-position"] = str(n)
    return client.post(f"/en/admin/sites/site/{site.pk}/change/", data)
