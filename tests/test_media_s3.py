"""Media on S3-compatible object storage (MEDIA_STORAGE=s3), against moto's standalone S3 server on a local port:
uploads, renditions, public pages and downloads work as on the local disk, and private files stay private."""

import io
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from PIL import Image

from core import images
from sites.models import SitePhoto
from tests import uploads
from tests.factories import add_photo, make_site
from tests.servers import ROOT, free_port, running

pytestmark = pytest.mark.django_db
PUBLIC_READ = {
    "Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"},
    "Permission": "READ",
}
KEYS = {"access_key": "test-key", "secret_key": "test-secret", "region_name": "us-east-1", "signature_version": "s3v4"}


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    pytest.importorskip("moto.server", reason="moto[server] is not installed (requirements-dev.txt)")
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with running([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], port, log=log):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A new bucket, with the media storages pointed at it as MEDIA_STORAGE=s3 would."""
    import boto3

    name = f"media-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, aws_access_key_id="test-key", aws_secret_access_key="x")
    client.create_bucket(Bucket=name)
    connection = KEYS | {"endpoint_url": s3_endpoint, "bucket_name": name, "addressing_style": "path"}
    settings.STORAGES = settings.STORAGES | {
        "default": {
            "BACKEND": "core.s3.S3MediaStorage",
            "OPTIONS": connection | {"location": "media", "default_acl": "public-read"},
        },
        "private": {"BACKEND": "core.s3.S3PrivateStorage", "OPTIONS": connection | {"location": "private"}},
    }
    client.name = name
    return client


def _keys(bucket, prefix=""):
    return sorted(item["Key"] for item in bucket.list_objects_v2(Bucket=bucket.name, Prefix=prefix).get("Contents", []))


def _fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a local test server
        return response.status, response.headers["Content-Type"], response.read()


def test_an_upload_and_its_renditions_go_to_the_bucket_and_nothing_to_the_disk(
    admin_client, bucket, settings, django_capture_on_commit_callbacks
):
    site = make_site()
    with django_capture_on_commit_callbacks(execute=True):
        response = uploads.post_site_photos(
            admin_client, site, [("hall.jpg", uploads.jpeg_with_gps(1800, 1200), "image/jpeg")]
        )
    assert response.status_code == 302
    photo = SitePhoto.objects.get()
    stored = _keys(bucket)
    assert f"media/{photo.image.name}" in stored
    assert sorted(key for key in stored if "/renditions/" in f"/{key}") == sorted(
        f"media/{images.rendition_name(photo.image.name, w, f)}" for w in images.WIDTHS for f in images.FORMATS
    )
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).rglob("*.*"))
    # The original is readable by anyone at its plain address, without a signature, with no location data left.
    url = photo.image.url
    assert url.startswith(f"{settings.STORAGES['default']['OPTIONS']['endpoint_url']}/{bucket.name}/media/")
    assert "Signature" not in url
    status, content_type, body = _fetch(url)
    assert (status, content_type) == (200, "image/jpeg")
    with Image.open(io.BytesIO(body)) as image:
        assert image.size == (1800, 1200) and not image.getexif()
    assert PUBLIC_READ in bucket.get_object_acl(Bucket=bucket.name, Key=f"media/{photo.image.name}")["Grants"]


def test_a_page_shows_renditions_that_a_browser_gets_from_the_bucket(client, bucket, settings):
    settings.RENDITIONS_ON_SAVE_MAX_PIXELS = 0  # made on first request, as for a big photo
    site = make_site(slug="s3-site")
    photo = add_photo(site)
    page = client.get(site.get_absolute_url()).content.decode()
    rendition = images.rendition_url(photo.image.name, 480, "webp")
    assert rendition in page
    assert not [key for key in _keys(bucket) if "renditions/" in key]

    response = client.get(rendition)
    assert response.status_code == 302 and "max-age=86400" in response["Cache-Control"]
    assert response["Location"].endswith(f"/{bucket.name}/media/{images.rendition_name(photo.image.name, 480, 'webp')}")
    status, content_type, body = _fetch(response["Location"])
    assert (status, content_type) == (200, "image/webp")
    with Image.open(io.BytesIO(body)) as made:
        assert made.format == "WEBP" and made.width == 480
    # The second request knows it is there: a redirect again, and still exactly one object.
    assert client.get(rendition)["Location"] == response["Location"]
    assert len([key for key in _keys(bucket) if key.endswith("-480.webp")]) == 1


def test_a_rendition_of_nothing_is_a_404_and_writes_nothing(client, bucket):
    assert client.get("/media/renditions/sites/ghost-480.jpg").status_code == 404
    assert client.get("/media/renditions/../sites/x-480.jpg").status_code == 404
    assert _keys(bucket) == []


def test_a_second_upload_with_the_same_name_keeps_the_first_and_replacing_a_rendition_does_not_fork(bucket):
    first = default_storage.save("sites/hall.jpg", ContentFile(b"one"))
    second = default_storage.save("sites/hall.jpg", ContentFile(b"two"))
    assert first == "sites/hall.jpg" and second != first
    for content in (b"a", b"b"):
        assert (
            default_storage.save("renditions/sites/hall-480.jpg", ContentFile(content))
            == "renditions/sites/hall-480.jpg"
        )
    assert _keys(bucket, "media/renditions/") == ["media/renditions/sites/hall-480.jpg"]


def test_deleting_a_photo_with_its_renditions_empties_the_bucket_and_forgets_them(client, bucket):
    site = make_site(slug="s3-gone")
    photo = add_photo(site)
    images.make_renditions(photo.image.name)
    rendition = images.rendition_url(photo.image.name, 480)
    assert client.get(rendition).status_code == 302
    images.delete_with_renditions(photo.image.name)
    assert _keys(bucket) == []
    assert client.get(rendition).status_code == 404


def test_the_media_view_sends_a_download_to_the_bucket(client, bucket):
    default_storage.save("sites/plan.jpg", ContentFile(b"\xff\xd8 plan"))
    response = client.get("/media/sites/plan.jpg")
    assert response.status_code == 302
    assert _fetch(response["Location"])[2] == b"\xff\xd8 plan"


def test_private_files_are_not_public_and_reachable_only_through_a_signed_address(bucket):
    private = storages["private"]
    name = private.save("enquiries/evidence.pdf", ContentFile(b"%PDF private"))
    grants = bucket.get_object_acl(Bucket=bucket.name, Key=f"private/{name}")["Grants"]
    assert not [grant for grant in grants if "URI" in grant["Grantee"]]  # no group (AllUsers, AuthenticatedUsers)
    url = private.url(name)
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=300" in url
    assert _fetch(url)[2] == b"%PDF private"


def test_a_custom_domain_gives_the_photos_its_addresses(bucket, settings, s3_endpoint):
    host = s3_endpoint.removeprefix("http://")
    options = settings.STORAGES["default"]["OPTIONS"] | {"custom_domain": f"{host}/{bucket.name}"}
    settings.STORAGES = settings.STORAGES | {"default": {"BACKEND": "core.s3.S3MediaStorage", "OPTIONS": options}}
    name = default_storage.save("sites/cdn.jpg", ContentFile(b"cdn"))
    assert default_storage.url(name) == f"https://{host}/{bucket.name}/media/sites/cdn.jpg"


def test_settings_build_the_s3_storages_from_the_environment():
    code = "from django.conf import settings; s = settings.STORAGES; print(s['default'], s['private'])"
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "MEDIA_STORAGE": "s3",
        "MEDIA_S3_BUCKET": "zz-media",
        "MEDIA_S3_ENDPOINT_URL": "https://oss-cn-changsha.aliyuncs.com",
        "MEDIA_S3_ADDRESSING_STYLE": "virtual",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-800:]
    assert "core.s3.S3MediaStorage" in result.stdout and "'default_acl': 'public-read'" in result.stdout
    assert "core.s3.S3PrivateStorage" in result.stdout and "'location': 'private'" in result.stdout
    env.pop("MEDIA_S3_BUCKET")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0 and "MEDIA_S3_BUCKET" in result.stderr


def test_no_code_asks_a_storage_for_a_path_on_this_machine():
    """storage.path() exists only for files on the local disk; object storage has none."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("core", "sites", "events", "itineraries", "bookings", "office", "demo", "zhuzhou_tourism")
        for path in (ROOT / folder).rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "storage.path(" in line or ".image.path" in line
    ]
    assert offenders == []


@pytest.mark.django_db(transaction=True)  # a restore replaces the database: not inside the test's transaction
def test_a_backup_copies_the_bucket_and_a_restore_puts_every_file_back(bucket, tmp_path):
    from core import backups

    site = make_site(slug="s3-backup")
    images.make_renditions(add_photo(site).image.name)
    storages["private"].save("enquiries/letter.pdf", ContentFile(b"%PDF letter"))
    before = {alias: backups.storage_files(alias) for alias in ("default", "private")}
    assert len(before["default"]) == 5 and len(before["private"]) == 1

    call_command("backup", tmp_path / "backup")
    for key in _keys(bucket):
        bucket.delete_object(Bucket=bucket.name, Key=key)
    call_command("restore", tmp_path / "backup", yes=True)
    assert {alias: backups.storage_files(alias) for alias in ("default", "private")} == before
    grants = bucket.get_object_acl(Bucket=bucket.name, Key="private/enquiries/letter.pdf")["Grants"]
    assert not [grant for grant in grants if "URI" in grant["Grantee"]]
