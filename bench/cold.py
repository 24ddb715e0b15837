"""The cold path in one process: each public page rendered with every cache off, its time, SQL time and queries.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/zz_scale .venv/bin/python bench/cold.py [--repeat 5]
       [--explain] [--show] [--profile 30] [--only site_detail,events]

No server, no network: Django's test client renders each page `--repeat` times after one warm-up and the median
is printed (total ms, SQL ms, queries). The goal is at most 15 ms per page with at most 5 ms of SQL at scale.
`--explain` prints EXPLAIN ANALYZE of each page's slowest queries.
"""

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhuzhou_tourism.settings")
# Production settings, as the server runs them (DEBUG off: templates are cached, no debug bookkeeping).
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-cold-" + "x" * 50)
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LOG_LEVEL", "ERROR")
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ["PAGE_CACHE_SECONDS"] = "0"
# --data-cache keeps the data cache (fragments, counts) on and warm, to weigh what it buys against the cold path.
os.environ["DATA_CACHE_SECONDS"] = "3600" if "--data-cache" in sys.argv else "0"


class Timer:
    """A connection execute wrapper that keeps each query's SQL, parameters and time."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((time.perf_counter() - started, sql, params))


def paths():
    from bookings.models import StudyProgramme
    from events.models import Event
    from itineraries.models import Itinerary
    from sites.models import HeritageAsset, Site

    def nth(queryset, n):
        rows = list(queryset.order_by("pk").values_list("slug", flat=True)[n : n + 1])
        return rows[0] if rows else None

    site = nth(Site.objects.published(), 500)
    heritage = nth(HeritageAsset.objects.published(), 500)
    event = nth(Event.objects.published(), 500)
    route = nth(Itinerary.objects.published(), 10)
    programme = nth(StudyProgramme.objects.published(), 0)
    found = {
        "home": "/",
        "sites": "/sites/",
        "sites_filtered": "/sites/?industry=ceramics&district=liling",
        "sites_search": "/sites/?q=陶瓷",
        "sites_deep_page": "/sites/?page=300",
        "site_detail": site and f"/sites/{site}/",
        "heritage": "/heritage/",
        "heritage_page": "/heritage/?page=50",
        "heritage_detail": heritage and f"/heritage/{heritage}/",
        "events": "/events/",
        "events_page": "/events/?page=20",
        "event_archive": "/events/past/",
        "calendar": "/events/calendar/",
        "event_detail": event and f"/events/{event}/",
        "routes": "/routes/",
        "route_detail": route and f"/routes/{route}/",
        "study_tours": "/study-tours/",
        "programme_detail": programme and f"/study-tours/{programme}/",
        "home_en": "/en/",
        "site_detail_en": site and f"/en/sites/{site}/",
    }
    return {name: path for name, path in found.items() if path}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE each page's three slowest queries")
    parser.add_argument("--only", default="", help="comma-separated page names")
    parser.add_argument("--data-cache", action="store_true", help="the data cache on (warmed by the first request)")
    parser.add_argument("--show", action="store_true", help="print every query of each page with its time")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile: N costliest functions")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    # Static URLs without the manifest of collectstatic (the production storage memoises them per name anyway).
    # Through override_settings, so that a storage already made at start-up is made again.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    from django.db import connection
    from django.test import Client

    logging.getLogger("portal.requests").setLevel(logging.WARNING)  # a line per request would drown the table

    client = Client()
    only = set(filter(None, args.only.split(",")))
    print(f"{'page':18} {'ms':>7} {'sql ms':>7} {'queries':>7}  path")
    for name, path in paths().items():
        if only and name not in only:
            continue
        client.get(path)  # warm up: templates, URL resolvers, translations
        runs = []
        for _ in range(args.repeat):
            timer = Timer()
            with connection.execute_wrapper(timer):
                started = time.perf_counter()
                response = client.get(path)
                total = time.perf_counter() - started
            runs.append((total, sum(q[0] for q in timer.queries), timer))
        total = statistics.median(r[0] for r in runs) * 1000
        sql = statistics.median(r[1] for r in runs) * 1000
        timer = runs[-1][2]
        flag = "" if response.status_code == 200 else f" HTTP {response.status_code}"
        print(f"{name:18} {total:7.1f} {sql:7.1f} {len(timer.queries):7}  {path}{flag}")
        if args.show:
            for seconds, sql_text, _params in timer.queries:
                print(f"    {seconds * 1000:6.2f}  {sql_text[:300]}")
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                client.get(path)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
        if args.explain:
            for seconds, sql_text, params in sorted(timer.queries, key=lambda q: -q[0])[:3]:
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN ANALYZE " + sql_text, params)
                    plan = "\n".join("      " + row[0] for row in cursor.fetchall())
                print(f"    {seconds * 1000:.2f} ms  {sql_text[:400]}\n{plan}\n")


if __name__ == "__main__":
    main()
