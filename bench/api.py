"""The API's list addresses against their pages, in one process with no cache: what a data-cache miss costs.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/zz_scale .venv/bin/python bench/api.py [--runs 20]

Each address is asked `runs` times after one warm-up request, through Django's test client on production settings
(tests.settings: plain static files) with the page and data caches off; prints the median wall time and the median
time spent in SQL, per address.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The test suite's settings: production's, with plain static files (no collectstatic) and no TLS redirect.
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
os.environ.update(PAGE_CACHE_SECONDS="0", DATA_CACHE_SECONDS="0", API_THROTTLE_RATE="100000000/minute")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

PAIRS = [
    ("sites", "/sites/", "/api/v1/sites/"),
    ("sites_filtered", "/sites/?industry=ceramics&district=liling", "/api/v1/sites/?industry=ceramics&district=liling"),
    ("sites_search", "/sites/?q=%E9%99%B6%E7%93%B7", "/api/v1/sites/?q=%E9%99%B6%E7%93%B7"),
    ("sites_deep_page", "/sites/?page=300", "/api/v1/sites/?page=300&page_size=12"),
    ("heritage", "/heritage/", "/api/v1/heritage/"),
    ("events", "/events/", "/api/v1/events/"),
    ("routes", "/routes/", "/api/v1/routes/"),
    ("study_tours", "/study-tours/", "/api/v1/study-tours/"),
    ("sites_geojson", "/map/places.geojson", "/api/v1/sites/geojson/?page_size=1000"),
]


class SqlClock:
    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start


def measure(client, path, runs):
    client.get(path)  # warm-up: connection, URL resolver, templates
    walls, sqls = [], []
    for _ in range(runs):
        clock = SqlClock()
        with connection.execute_wrapper(clock):
            start = time.perf_counter()
            response = client.get(path)
            walls.append(time.perf_counter() - start)
        sqls.append(clock.seconds)
        assert response.status_code == 200, (path, response.status_code, response.content[:300])
    return round(statistics.median(walls) * 1000, 1), round(statistics.median(sqls) * 1000, 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    results = {}
    print(f"{'list':16} {'page ms':>8} {'SQL ms':>7} | {'API ms':>7} {'SQL ms':>7}")
    for name, page, api in PAIRS:
        page_ms, page_sql = measure(client, page, args.runs)
        api_ms, api_sql = measure(client, api, args.runs)
        results[name] = {"page_ms": page_ms, "page_sql_ms": page_sql, "api_ms": api_ms, "api_sql_ms": api_sql}
        print(f"{name:16} {page_ms:8.1f} {page_sql:7.1f} | {api_ms:7.1f} {api_sql:7.1f}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
