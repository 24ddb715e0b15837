"""Settings for benchmark runs (bench/pages.py): the portal's, plus the floor view that pages are measured against."""

from zhuzhou_tourism.settings import *  # noqa: F403
from zhuzhou_tourism.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
