"""Heavy uploads: limits checked before the work, renditions made outside the post, nothing left by a failed one."""

import io
import re
from pathlib import Path
from unittest.mock import patch

import pytest
from PIL import Image

from sites.models import SitePhoto
from tests.factories import make_site
from tests.test_uploads import _files_under, _post_photo
from tests.uploads import post_site_photos

pytestmark = pytest.mark.django_db


def jpeg(width, height, noise=False):
    image = Image.effect_noise((width, height), 60).convert("RGB") if noise else Image.new("RGB", (width, height))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def post_photos(client, site, contents):
    client.raise_request_exception = False
    return post_site_photos(client, site, [(f"p{n}.jpg", content, "image/jpeg") for n, content in enumerate(contents)])


def test_a_photo_is_saved_without_renditions_and_until_the_worker_makes_them_each_is_made_on_request(
    admin_client, client, settings
):
    # The rendition task is queued for the commit, which the test's transaction never reaches: as if no worker ran.
    assert post_photos(admin_client, make_site(), [jpeg(2400, 1600)]).status_code == 302
    assert _files_under(settings.MEDIA_ROOT / "renditions") == []
    photo = SitePhoto.objects.get()
    for url in [photo.src, *re.findall(r"(\S+) \d+w", photo.srcset_webp)]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == ("image/webp" if url.endswith(".webp") else "image/jpeg")
        with Image.open(io.BytesIO(b"".join(response.streaming_content))) as made:
            assert made.width == int(re.search(r"-(\d+)\.", url).group(1))
        assert (Path(settings.MEDIA_ROOT) / url.removeprefix("/media/")).is_file()


@pytest.mark.parametrize(
    "path",
    [
        "renditions/photos/2026/01/nothing-here-480.jpg",  # no such original
        "renditions/photos/2026/01/p0-500.jpg",  # not one of the widths
        "renditions/photos/2026/01/p0-480.gif",  # not one of the formats
        "renditions/photos/../../../etc/passwd-480.jpg",
    ],
)
def test_a_rendition_that_cannot_exist_is_not_found(client, path):
    assert client.get(f"/media/{path}").status_code in (400, 404)


def test_a_photo_file_over_the_size_limit_is_refused_before_it_is_opened(admin_client, settings):
    settings.MAX_UPLOAD_BYTES = 100_000
    content = jpeg(800, 600, noise=True)
    assert len(content) > 100_000
    with patch("PIL.Image.open") as opened:
        response = _post_photo(admin_client, make_site(), "big.jpg", content)
    assert response.status_code == 200
    assert "This file is too large" in response.content.decode()
    opened.assert_not_called()
    assert SitePhoto.objects.count() == 0


def test_more_photos_than_one_post_may_carry_are_refused_with_a_message(admin_client, settings):
    response = post_photos(admin_client, make_site(), [jpeg(100, 80)] * 13)
    assert response.status_code == 200
    assert "Please submit at most 12 forms" in response.content.decode()
    assert SitePhoto.objects.count() == 0
    assert _files_under(settings.MEDIA_ROOT) == []


def test_a_post_with_a_flood_of_files_is_refused_before_any_is_read(admin_client, settings):
    response = post_photos(admin_client, make_site(), [jpeg(100, 80)] * 30)
    assert response.status_code == 400
    assert SitePhoto.objects.count() == 0


def test_a_post_that_fails_after_storing_photos_leaves_no_file(admin_client, settings):
    with patch("django.contrib.admin.ModelAdmin.log_change", side_effect=RuntimeError("disk full")):
        response = post_photos(admin_client, make_site(), [jpeg(900, 600), jpeg(900, 600)])
    assert response.status_code == 500
    assert SitePhoto.objects.count() == 0
    assert _files_under(settings.MEDIA_ROOT) == []
