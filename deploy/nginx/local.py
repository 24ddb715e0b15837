"""Run deploy/nginx/zhuzhou.conf on this machine: on ports and folders of one's own, as a child process (not a
daemon), for tests/test_nginx.py and `bench/pages.py --nginx`."""

import contextlib
import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

CONF = Path(__file__).with_name("zhuzhou.conf")


def local_config(*, listen, app, static_root, media_root, prefix):
    """The site file with its port, upstream and folders changed, inside a main configuration whose pid, logs and
    temporary files live in `prefix`. MEDIA_ROOT must be a folder named media (nginx's `root` adds /media/)."""
    if Path(media_root).name != "media":
        raise ValueError("MEDIA_ROOT must be a folder named media, as on the server")
    site = CONF.read_text()
    for old, new in [
        ("listen 80;", f"listen 127.0.0.1:{listen};"),
        ("    listen [::]:80;\n", ""),
        ("server 127.0.0.1:8000", f"server 127.0.0.1:{app}"),
        ("/srv/zhuzhou/staticfiles/", f"{Path(static_root)}/"),
        ("/srv/zhuzhou", str(Path(media_root).parent)),
    ]:
        if old not in site:
            raise ValueError(f"{CONF.name} no longer contains {old!r}; update {__name__}")
        site = site.replace(old, new)
    temp = Path(prefix) / "temp"
    paths = "".join(
        f"    {kind}_temp_path {temp / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx's workers would run as nobody, who cannot enter pytest's or mkdtemp's private folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log warn;\ndaemon off;\n"
        "events { worker_connections 256; }\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        f"    access_log {prefix}/access.log;\n    sendfile on;\n{paths}{site}\n}}\n"
    )


@contextlib.contextmanager
def running(config, prefix, port, timeout=20):
    """nginx with `config` (from local_config) for the length of the block; stopped (QUIT, then KILL) after."""
    prefix = Path(prefix)
    (prefix / "temp").mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(config)
    command = ["nginx", "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    if check.returncode:
        raise RuntimeError(f"nginx -t refused the configuration:\n{check.stderr}")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait(process, port, prefix, timeout)
        yield process
    finally:
        process.terminate()  # TERM: fast shutdown
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait(process, port, prefix, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited: {(prefix / 'error.log').read_text(errors='replace')[-1500:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/static/", timeout=1)  # noqa: S310 - local
            return
        except urllib.error.HTTPError:
            return  # any answer from nginx will do
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nginx did not answer on port {port}")
