"""deploy/nginx/zhuzhou.conf for real: Debian's nginx, with that file (ports and folders changed), in front of
gunicorn. Static files and media come from disk, a missing rendition from Django, the client's address reaches the
rate limits whatever it claims, an oversized body stops at nginx, and a slow client does not hold the worker."""

import gzip
import http.client
import io
import json
import shutil
import socket
import subprocess
import sys
import time

import pytest
from PIL import Image

from deploy.nginx import local
from tests.servers import ROOT, free_port, running

pytestmark = pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed (apt-get install nginx)")
PHOTO = "sites/hall.jpg"


def _jpeg(width=1000, height=700):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (120, 60, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    """nginx on one port, gunicorn (one sync worker, so a held worker shows) on another."""
    folder = tmp_path_factory.mktemp("nginx")
    static_root, media_root = folder / "staticfiles", folder / "media"
    (media_root / "sites").mkdir(parents=True)
    (media_root / PHOTO).write_bytes(_jpeg())
    env = {
        "PATH": "/usr/sbin:/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "tests.proxy_settings",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(media_root),
        "SERVE_MEDIA": "0",
        "TRUSTED_PROXIES": "127.0.0.1",
        "PAGE_CACHE_VERSION_FILE": str(folder / "version"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    # A file under a hashed name, as the production storage writes them.
    shutil.copy(static_root / "css" / "portal.css", static_root / "css" / "portal.0123456789ab.css")
    app_port, port = free_port(), None
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "zhuzhou_tourism.wsgi"]
    env |= {"GUNICORN_BIND": f"127.0.0.1:{app_port}", "GUNICORN_WORKERS": "1"}
    with running(gunicorn, app_port, env=env, log=folder / "gunicorn.log"):
        port = free_port()
        config = local.local_config(
            listen=port, app=app_port, static_root=static_root, media_root=media_root, prefix=folder / "nginx"
        )
        with local.running(config, folder / "nginx", port):
            yield {"port": port, "media": media_root, "folder": folder}


def _get(front, path, headers=None, source="127.0.0.1"):
    connection = http.client.HTTPConnection("127.0.0.1", front["port"], timeout=10, source_address=(source, 0))
    connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_static_files_come_from_disk_gzipped_and_hashed_ones_cached_for_a_year(front):
    plain = _get(front, "/static/css/portal.css", {"Accept-Encoding": "gzip"})
    assert plain.status == 200 and plain.getheader("Content-Encoding") == "gzip"
    assert b"--" in gzip.decompress(plain.body)  # CSS custom properties
    assert "max-age=3600" in plain.getheader("Cache-Control")
    hashed = _get(front, "/static/css/portal.0123456789ab.css")
    assert hashed.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert _get(front, "/static/../db.sqlite3").status in (400, 404)


def test_media_come_from_disk_as_images_that_cannot_run_anything(front):
    response = _get(front, f"/media/{PHOTO}")
    assert response.status == 200 and response.getheader("Content-Type") == "image/jpeg"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "sandbox" in response.getheader("Content-Security-Policy")
    assert _get(front, "/media/sites/missing.jpg").status == 404  # not passed on: Django does not serve media


def test_a_missing_rendition_is_made_by_django_then_served_by_nginx(front):
    rendition = front["media"] / "renditions" / "sites" / "hall-480.webp"
    assert not rendition.exists()
    first = _get(front, "/media/renditions/sites/hall-480.webp")
    assert first.status == 200 and first.getheader("Content-Type") == "image/webp"
    assert rendition.exists()
    second = _get(front, "/media/renditions/sites/hall-480.webp")
    assert second.body == first.body and second.getheader("Content-Security-Policy")
    assert _get(front, "/media/renditions/sites/nothing-480.webp").status == 404


def test_django_sees_the_clients_address_not_what_the_client_claims(front):
    seen = json.loads(_get(front, "/test-client/", {"X-Forwarded-For": "6.6.6.6"}, source="127.0.0.5").body)
    assert seen == {"rate_limits": "127.0.0.5", "lockout": "127.0.0.5", "remote_addr": "127.0.0.1"}


def _post(front, path, size):
    connection = http.client.HTTPConnection("127.0.0.1", front["port"], timeout=20)
    connection.request("POST", path, body=b"x" * size, headers={"Content-Type": "application/octet-stream"})
    status = connection.getresponse().status
    connection.close()
    return status


def test_public_posts_over_a_megabyte_stop_at_nginx_while_the_back_office_takes_photos(front):
    assert _post(front, "/study-tours/x/book/", 2 * 1024 * 1024) == 413
    # 30 MB to the back office reaches Django (which refuses it for want of a CSRF token, not for its size).
    assert _post(front, "/admin/login/", 30 * 1024 * 1024) == 403
    assert _post(front, "/en/admin/login/", 30 * 1024 * 1024) == 403


def test_a_slow_client_does_not_hold_the_only_worker(front):
    slow = socket.create_connection(("127.0.0.1", front["port"]))
    try:
        # A form, which Django reads whole before it answers: a worker given this would wait for the rest
        # (with a CSRF cookie, Django reads the form for its token).
        head = "POST /en/admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n"
        head += f"Cookie: csrftoken={'a' * 32}\r\n"
        slow.sendall(f"{head}Content-Type: application/x-www-form-urlencoded\r\n\r\nusername=".encode())
        time.sleep(0.3)
        started = time.monotonic()
        assert _get(front, "/test-client/").status == 200
        assert time.monotonic() - started < 2  # nginx is still reading the slow body; the worker is free
    finally:
        slow.close()
