"""Page benchmark: every public page against a bare Django view, in up to three modes.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/zz_bench .venv/bin/python bench/pages.py [--duration 10]
       [--cached] [--cold] [--crawl] [--only home,sites] [--port 8765] [--redis [--redis-port 6399]]

Migrates the database, loads scale data if there is none, starts gunicorn on production settings (2 sync
workers, gunicorn.conf.py), then loads pages for a fixed time each with 16 concurrent connections (wrk):
- cached: fixed URLs, every cache on, after a warm-up;
- cold: fixed URLs, every cache off (PAGE_CACHE_SECONDS=0, DATA_CACHE_SECONDS=0);
- crawl: a fresh server with every cache on, each request a random URL of its group: every published site,
  heritage place and event page, and list pages across filters, pages and search words (a wrk Lua script).
No mode named: all three. The floor, a bare Django view behind Django's default middleware only (bench/wsgi.py), is
measured on the same server in each mode. Prints a table per mode and, as its last line, one JSON object:
{"modes": {mode: {"floor_rps", "pages": {page: {"rps", "p50_ms", "p99_ms", "ratio", "errors"}}}}, ...}.
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
PORT = int(os.environ.get("BENCH_PORT", 8765))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", 6399))
NGINX_PORT = int(os.environ.get("BENCH_NGINX_PORT", 8766))
BASE = f"http://127.0.0.1:{PORT}"
LOG = ROOT / "bench" / "results" / "gunicorn.log"
CRAWL_SCRIPT = ROOT / "bench" / "crawl.lua"
ONLY = set()  # --only: the pages to measure


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
            "bench.wsgi:application",  # the floor behind Django's default middleware (bench/wsgi.py)
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
        "import json\n"
        "from bookings.models import StudyProgramme\n"
        "from events.models import Event\n"
        "from itineraries.models import Itinerary\n"
        "from sites.models import HeritageAsset, Site\n"
        "def nth(queryset, n):\n"
        "    return queryset.order_by('pk').values_list('slug', flat=True)[n]\n"
        "out = {\n"
        "    'site': nth(Site.objects.published().filter(slug__startswith='scale-'), 500),\n"
        "    'heritage': nth(HeritageAsset.objects.published().filter(slug__startswith='scale-'), 500),\n"
        "    'event': nth(Event.objects.published().filter(slug__startswith='scale-'), 500),\n"
        "    'route': nth(Itinerary.objects.published(), 0),\n"
        "    'programme': nth(StudyProgramme.objects.published(), 0),\n"
        "}\n"
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
        "heritage_detail": f"/heritage/{found['heritage']}/",
        "map": "/map/",
        "map_data": "/map/places.geojson",
        "events": "/events/",
        "event_archive": "/events/past/",
        "calendar": "/events/calendar/",
        "event_detail": f"/events/{found['event']}/",
        "routes": "/routes/",
        "route_detail": f"/routes/{found['route']}/",
        "study_tours": "/study-tours/",
        "programme_detail": f"/study-tours/{found['programme']}/",
        "api_sites": "/api/v1/sites/",
        "api_sites_filtered": "/api/v1/sites/?industry=ceramics&district=liling",
        "api_heritage": "/api/v1/heritage/",
        "api_events": "/api/v1/events/",
        "api_routes": "/api/v1/routes/",
        "api_study_tours": "/api/v1/study-tours/",
        "api_site_detail": f"/api/v1/sites/{found['site']}/",
    }
    if ONLY:
        paths = {name: path for name, path in paths.items() if name in ONLY}
    available = {}
    for name, path in paths.items():
        try:
            urllib.request.urlopen(BASE + path, timeout=30)
            available[name] = path
        except urllib.error.HTTPError as error:
            print(f"skipping {name} ({path}): HTTP {error.code}", file=sys.stderr)
    return available


def run_wrk(path, duration, url_file=None):
    """Load `path` (or, with `url_file`, a random path of that file for each request) for `duration` seconds."""
    script = ["-s", str(CRAWL_SCRIPT)] if url_file else []
    out = subprocess.run(
        # Like a browser, ask for compression: pages and the map data may come gzipped.
        ["wrk", "-t2", "-c16", f"-d{duration}s", "--timeout", "10s", "--latency", "-H", "Accept-Encoding: gzip, br"]
        + script
        + [BASE + path]
        + (["--", str(url_file)] if url_file else []),
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


def measure(env, duration, label, warm=True):
    process = start_server(env)
    try:
        paths = pick_paths(env)
        if warm:
            for path in ["/_bench/floor/", *paths.values()]:
                run_wrk(path, 2)  # warm up: workers import everything, caches fill
                settle()
        else:
            run_wrk("/_bench/floor/", 2)
            settle()
        results = {"floor": run_wrk("/_bench/floor/", duration)}
        for name, path in paths.items():
            settle()
            results[name] = run_wrk(path, duration)
            print(f"  {label:8} {name:16} {results[name]['rps']:8.0f} req/s", file=sys.stderr)
        rss = worker_rss_mb(process.pid)
    finally:
        stop_server(process)
    return results, rss


def crawl_urls(env, directory):
    """Files of paths, one per crawl group: every published site, heritage place and event page, and list pages
    across filters, page numbers and search words."""
    code = "from bench.crawl_urls import main; main()"
    found = json.loads(
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    files = {}
    for group, paths in found.items():
        files[group] = Path(directory) / f"{group}.txt"
        files[group].write_text("\n".join(urllib.parse.quote(path, safe="/?=&") for path in paths) + "\n")
        print(f"  crawl    {group:16} {len(paths):8} URLs", file=sys.stderr)
    return files


def measure_crawl(env, duration, files):
    """A fresh server with every cache on, each request a random URL of the group."""
    process = start_server(env)
    try:
        run_wrk("/_bench/floor/", 2)
        settle()
        results = {"floor": run_wrk("/_bench/floor/", duration)}
        for group, url_file in files.items():
            settle()
            results[group] = run_wrk("/", duration, url_file=url_file)
            print(f"  crawl    {group:16} {results[group]['rps']:8.0f} req/s", file=sys.stderr)
        rss = worker_rss_mb(process.pid)
    finally:
        stop_server(process)
    return results, rss


def table(mode, results):
    """One mode's pages with their ratio to that run's floor."""
    floor = results["floor"]["rps"] or 1
    pages = {name: {**r, "ratio": round(r["rps"] / floor, 3)} for name, r in results.items() if name != "floor"}
    print(f"\n{mode}: floor {floor:.0f} req/s")
    print(f"{'page':16} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6} {'errors':>6}")
    for name, p in pages.items():
        print(f"{name:16} {p['rps']:8.0f} {p['p50_ms']:8.1f} {p['p99_ms']:8.1f} {p['ratio']:6.3f} {p['errors']:6}")
    return {"floor_rps": results["floor"]["rps"], "pages": pages}


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
    global PORT, REDIS_PORT, BASE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page and mode")
    parser.add_argument("--cached", action="store_true", help="fixed URLs, every cache on")
    parser.add_argument("--cold", action="store_true", help="fixed URLs, every cache off")
    parser.add_argument("--crawl", action="store_true", help="a fresh server, caches on, random URLs per group")
    parser.add_argument("--port", type=int, default=PORT, help="the server's port (or BENCH_PORT)")
    parser.add_argument("--redis", action="store_true", help="start a throwaway Redis for the caches")
    parser.add_argument("--redis-port", type=int, default=REDIS_PORT, help="its port (or BENCH_REDIS_PORT)")
    parser.add_argument("--nginx", action="store_true", help="load the pages through deploy/nginx/zhuzhou.conf")
    parser.add_argument("--only", default="", help="comma-separated page names (default: every page)")
    args = parser.parse_args()
    ONLY.update(filter(None, args.only.split(",")))
    PORT, REDIS_PORT = args.port, args.redis_port
    BASE = f"http://127.0.0.1:{PORT}"
    modes = [mode for mode in ("cached", "cold", "crawl") if getattr(args, mode)] or ["cached", "cold", "crawl"]
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/zz_bench")
    ensure_wrk()
    LOG.parent.mkdir(parents=True, exist_ok=True)
    static_root = tempfile.mkdtemp(prefix="zz-static-")
    redis, redis_url = start_redis() if args.redis else (None, os.environ.get("REDIS_URL", ""))
    base_env = django_env(STATIC_ROOT=static_root, REDIS_URL=redis_url, SITE_URL=BASE)
    cache_on = {"PAGE_CACHE_SECONDS": "600", "DATA_CACHE_SECONDS": "3600"}
    results, rss = {}, {}
    try:
        prepare(base_env)
        with through_nginx(static_root) if args.nginx else contextlib.nullcontext():
            for mode in modes:
                if mode == "cached":
                    results[mode], rss[mode] = measure({**base_env, **cache_on}, args.duration, mode)
                elif mode == "cold":
                    cold = {"PAGE_CACHE_SECONDS": "0", "DATA_CACHE_SECONDS": "0"}
                    results[mode], rss[mode] = measure({**base_env, **cold}, args.duration, mode, warm=False)
                else:
                    files = crawl_urls(base_env, static_root)
                    if redis:
                        subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "flushall"], capture_output=True)
                    fresh = {**base_env, **cache_on, "PAGE_CACHE_VERSION_FILE": f"{static_root}/crawl-version"}
                    results[mode], rss[mode] = measure_crawl(fresh, args.duration, files)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        if redis:
            stop_server(redis)
    print(f"\ncache: {'Redis' if redis_url else 'local memory'}; load average {os.getloadavg()[0]:.1f}")
    if args.nginx:
        print("through nginx (deploy/nginx/zhuzhou.conf): the floor and every page passed on to gunicorn")
    summary = {mode: table(mode, results[mode]) for mode in modes}
    print("\nlargest worker RSS: " + ", ".join(f"{rss[mode]:.0f} MB ({mode})" for mode in modes))
    print(
        json.dumps(
            {
                "modes": summary,
                "worker_rss_mb": round(max(rss.values())),
                "load_average": round(os.getloadavg()[0], 2),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
