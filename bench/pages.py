"""Page benchmark: every public page against a bare Django view, with the page cache on and off.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/zz_bench .venv/bin/python bench/pages.py [--duration 10]

Migrates the database, loads scale data if there is none, starts gunicorn on production settings (2 sync
workers, gunicorn.conf.py), warms up, then loads each page for a fixed time with 16 concurrent connections (wrk),
once with the page cache on and once off. Prints a table and, as its last line, one JSON object.
"""

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = 8765
REDIS_PORT = 6399
NGINX_PORT = 8766
BASE = f"http://127.0.0.1:{PORT}"
LOG = ROOT / "bench" / "results" / "gunicorn.log"


def django_env(**extra):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SITE_URL": BASE,
        "SILENCED_SYSTEM_CHECKS": "core.E001",  # a SITE_URL on this machine, on purpose
        "LOG_LEVEL": "ERROR",
        # wrk is one client: the API's per-client limit would answer 429s.
        "API_THROTTLE_RATE": "100000000/minute",
        # Its own content version: anybody's test run on this machine bumps the project's var/ file, which
        # would empty the page cache in the middle of a measurement.
        "PAGE_CACHE_VERSION_FILE": str(Path(tempfile.gettempdir()) / f"zz-bench-version-{os.getpid()}"),
    }
    env.update(extra)
    return env


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing wrk from Debian's packages", file=sys.stderr)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    )


def prepare(env):
    manage("migrate", "--noinput", "-v0", env=env)
    code = "from sites.models import Site; print(Site.objects.filter(slug__startswith='scale-').exists())"
    check = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    if check.stdout.strip().splitlines()[-1:] != ["True"]:
        print("Loading scale data (a few minutes)", file=sys.stderr)
        manage("generate_scale_data", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)


def start_server(env):
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "zhuzhou_tourism.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=LOG.open("ab"),  # a pipe nobody reads would fill up and stall the server
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(BASE + "/_bench/floor/", timeout=2)
            return process
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn did not start; see {LOG}")


def start_redis():
    """A throwaway Redis for the page cache, unless REDIS_URL names one. With the local-memory cache each
    worker fills its own cache and loses it whenever gunicorn recycles it (max_requests); on this 2-core machine
    the Redis round trips cost more than that, so local memory is the default."""
    if os.environ.get("REDIS_URL"):
        return None, os.environ["REDIS_URL"]
    if not shutil.which("redis-server"):
        print("redis-server not found: measuring with the local-memory cache", file=sys.stderr)
        return None, ""
    process = subprocess.Popen(
        ["redis-server", "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL
    )
    time.sleep(0.5)
    return process, f"redis://127.0.0.1:{REDIS_PORT}/0"


def stop_server(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def worker_rss_mb(master_pid):
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return max(sizes, default=0)


def pick_paths(env):
    """The pages to measure; detail pages take a published scale object."""
    code = (
        "from sites.models import Site, HeritageAsset\n"
        "import json\n"
        "scale = Site.objects.published().filter(slug__startswith='scale-').order_by('pk')\n"
        "out = {'site': scale.values_list('slug', flat=True)[500]}\n"
        "try:\n"
        "    from itineraries.models import Itinerary\n"
        "    routes = Itinerary.objects.filter(published=True).order_by('pk')\n"
        "    out['route'] = routes.values_list('slug', flat=True).first()\n"
        "except Exception:\n"
        "    out['route'] = None\n"
        "print(json.dumps(out))\n"
    )
    found = json.loads(
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    paths = {
        "home": "/",
        "sites": "/sites/",
        "sites_filtered": "/sites/?industry=ceramics&district=liling",
        "sites_search": "/sites/?q=" + urllib.parse.quote("陶瓷"),
        "sites_deep_page": "/sites/?page=300",
        "site_detail": f"/sites/{found['site']}/",
        "heritage": "/heritage/",
        "map_data": "/map/places.geojson",
        "events": "/events/",
        "calendar": "/events/calendar/",
        "study_tours": "/study-tours/",
        "api_sites": "/api/v1/sites/",
        "api_sites_filtered": "/api/v1/sites/?industry=ceramics&district=liling",
        "api_heritage": "/api/v1/heritage/",
        "api_events": "/api/v1/events/",
        "api_routes": "/api/v1/routes/",
        "api_study_tours": "/api/v1/study-tours/",
        "api_site_detail": f"/api/v1/sites/{found['site']}/",
    }
    if found.get("route"):
        paths["route_detail"] = f"/routes/{found['route']}/"
    available = {}
    for name, path in paths.items():
        try:
            urllib.request.urlopen(BASE + path, timeout=30)
            available[name] = path
        except urllib.error.HTTPError as error:
            print(f"skipping {name} ({path}): HTTP {error.code}", file=sys.stderr)
    return available


def run_wrk(path, duration):
    out = subprocess.run(
        # Like a browser, ask for compression: pages and the map data may come gzipped.
        ["wrk", "-t2", "-c16", f"-d{duration}s", "--timeout", "10s", "--latency", "-H", "Accept-Encoding: gzip, br"]
        + [BASE + path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)) else 0
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"rps": rps, "p50_ms": _latency(out, "50%"), "p99_ms": _latency(out, "99%"), "errors": non2xx + errors}


def settle():
    """Wait until both workers are idle. Sync workers finish every request queued by a closed wrk connection,
    so after a slow page the next page's measurement would otherwise start behind a backlog."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        started = time.monotonic()
        for _ in range(4):
            urllib.request.urlopen(BASE + "/_bench/floor/", timeout=60).read()
        if time.monotonic() - started < 0.2:
            return
    print("the server did not settle in two minutes", file=sys.stderr)


def _latency(out, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", out).groups()
    return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)


def measure(env, duration, label):
    process = start_server(env)
    try:
        paths = pick_paths(env)
        for path in ["/_bench/floor/", *paths.values()]:
            run_wrk(path, 2)  # warm up: workers import everything, caches fill
            settle()
        results = {"floor": run_wrk("/_bench/floor/", duration)}
        for name, path in paths.items():
            settle()
            results[name] = run_wrk(path, duration)
            print(f"  {label:8} {name:16} {results[name]['rps']:8.0f} req/s", file=sys.stderr)
        rss = worker_rss_mb(process.pid)
    finally:
        stop_server(process)
    return paths, results, rss


@contextlib.contextmanager
def through_nginx(static_root):
    """Debian's nginx with the repository's configuration in front of the benchmark's gunicorn, for the length of
    the block: every request (wrk's, the warm-up's, the floor's) goes through it."""
    global BASE
    sys.path.insert(0, str(ROOT))  # run as a script, bench/ is on the path, not the project
    from deploy.nginx import local

    prefix = tempfile.mkdtemp(prefix="zz-nginx-")
    config = local.local_config(
        listen=NGINX_PORT, app=PORT, static_root=static_root, media_root=ROOT / "media", prefix=prefix
    )
    direct, BASE = BASE, f"http://127.0.0.1:{NGINX_PORT}"
    try:
        with local.running(config, prefix, NGINX_PORT):
            yield
    finally:
        BASE = direct
        shutil.rmtree(prefix, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page and pass")
    parser.add_argument("--redis", action="store_true", help="start a throwaway Redis for the page cache")
    parser.add_argument("--nginx", action="store_true", help="load the pages through deploy/nginx/zhuzhou.conf")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/zz_bench")
    ensure_wrk()
    LOG.parent.mkdir(parents=True, exist_ok=True)
    static_root = tempfile.mkdtemp(prefix="zz-static-")
    redis, redis_url = start_redis() if args.redis else (None, os.environ.get("REDIS_URL", ""))
    base_env = django_env(STATIC_ROOT=static_root, REDIS_URL=redis_url)
    try:
        prepare(base_env)
        with through_nginx(static_root) if args.nginx else contextlib.nullcontext():
            paths, cached, rss_cached = measure({**base_env, "PAGE_CACHE_SECONDS": "600"}, args.duration, "cached")
            _paths, uncached, rss_uncached = measure({**base_env, "PAGE_CACHE_SECONDS": "0"}, args.duration, "uncached")
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        if redis:
            stop_server(redis)
    print(f"\npage cache: {'Redis' if redis_url else 'local memory'}; load average {os.getloadavg()[0]:.1f}")
    if args.nginx:
        print("through nginx (deploy/nginx/zhuzhou.conf): the floor and every page passed on to gunicorn")

    floor = cached["floor"]["rps"] or 1
    if not cached["floor"]["rps"]:
        print(f"The floor view answered nothing: see {LOG}", file=sys.stderr)
    floor_uncached = uncached["floor"]["rps"] or 1
    pages = {}
    print(f"\nfloor: {floor:.0f} req/s (cached run), {floor_uncached:.0f} req/s (uncached run)\n")
    columns = f"{'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'ratio':>6}"
    print(f"{'page':16} {columns} | {columns} | non-2xx")
    print(f"{'':16} {'cache on':^31} | {'cache off':^31} |")
    for name in paths:
        c, u = cached[name], uncached[name]
        pages[name] = {
            "rps": c["rps"],
            "p50_ms": c["p50_ms"],
            "p99_ms": c["p99_ms"],
            "ratio": round(c["rps"] / floor, 3),
            "rps_uncached": u["rps"],
            "p50_ms_uncached": u["p50_ms"],
            "p99_ms_uncached": u["p99_ms"],
            "ratio_uncached": round(u["rps"] / floor_uncached, 3),
            "errors": c["errors"] + u["errors"],
        }
        p = pages[name]
        print(
            f"{name:16} {p['rps']:8.0f} {p['p50_ms']:7.1f} {p['p99_ms']:7.1f} {p['ratio']:6.2f} | "
            f"{p['rps_uncached']:8.0f} {p['p50_ms_uncached']:7.1f} {p['p99_ms_uncached']:7.1f} "
            f"{p['ratio_uncached']:6.2f} | {p['errors']}"
        )
    print(f"\nlargest worker RSS after the run: {rss_cached:.0f} MB (cache on), {rss_uncached:.0f} MB (cache off)")
    print(
        json.dumps(
            {
                "floor_rps": floor,
                "floor_rps_uncached": floor_uncached,
                "worker_rss_mb": round(max(rss_cached, rss_uncached)),
                "pages": pages,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
