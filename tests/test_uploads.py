"""Photo uploads through the admin: only real images, no bombs, no location data, nothing left behind."""

import io
import os

import pytest
from PIL import ExifTags, Image

from sites.models import SitePhoto
from tests import uploads
from tests.factories import make_site

pytestmark = pytest.mark.django_db


def _post_photo(client, site, filename, content, content_type="image/jpeg"):
    return uploads.post_site_photos(client, site, [(filename, content, content_type)])


def _files_under(root):
    return [os.path.join(d, f) for d, _, files in os.walk(root) for f in files] if os.path.exists(root) else []


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("shell.jpg", uploads.PHP_AS_JPEG, "not a readable image"),
        ("huge.png", uploads.png_bomb(), "too large"),
        ("half.jpg", uploads.truncated_jpeg(), "not a readable image"),
        ("drawing.jpg", uploads.SVG_WITH_SCRIPT, "not a readable image"),
    ],
)
def test_bad_upload_is_refused_with_a_message_and_leaves_no_file(admin_client, settings, filename, content, message):
    site = make_site()
    response = _post_photo(admin_client, site, filename, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert SitePhoto.objects.count() == 0
    assert _files_under(settings.MEDIA_ROOT) == []


def test_location_data_is_removed_from_the_stored_original(admin_client):
    site = make_site()
    response = _post_photo(admin_client, site, "gps.jpg", uploads.jpeg_with_gps())
    assert response.status_code == 302
    photo = SitePhoto.objects.get()
    with photo.image.open("rb") as handle, Image.open(io.BytesIO(handle.read())) as stored:
        exif = stored.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert ExifTags.Base.Make not in exif
    assert (photo.width, photo.height) == (1000, 700)


def test_a_good_upload_gets_renditions_in_every_width_when_it_commits(
    admin_client, settings, django_capture_on_commit_callbacks
):
    site = make_site()
    with django_capture_on_commit_callbacks(execute=True):
        _post_photo(admin_client, site, "hall.jpg", uploads.jpeg_with_gps(1800, 1200))
    names = sorted(os.path.basename(path) for path in _files_under(settings.MEDIA_ROOT / "renditions"))
    assert names == sorted(f"hall-{w}.{ext}" for w in (480, 960, 1600) for ext in ("jpg", "webp"))


@pytest.mark.parametrize(
    ("filename", "content"),
    [("comment.jpg", uploads.jpeg_with_comment_and_xmp()), ("text.png", uploads.png_with_text())],
)
def test_no_comment_text_or_profile_survives_in_the_stored_original(admin_client, filename, content):
    site = make_site()
    assert _post_photo(admin_client, site, filename, content).status_code == 302
    photo = SitePhoto.objects.get()
    with photo.image.open("rb") as handle:
        stored = handle.read()
    assert b"<script" not in stored and b"alert" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert not {"comment", "xmp", "icc_profile", "exif"} & set(image.info)
        assert not getattr(image, "text", {})


def test_a_png_named_pdf_is_stored_and_served_as_a_png(admin_client, client, settings):
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), (10, 20, 30)).save(buffer, "PNG")
    site = make_site()
    assert _post_photo(admin_client, site, "photo.pdf", buffer.getvalue(), "application/pdf").status_code == 302
    photo = SitePhoto.objects.get()
    assert photo.image.name.endswith(".png")
    response = client.get(photo.image.url)
    assert response["Content-Type"] == "image/png"
