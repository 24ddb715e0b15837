"""tests.settings behind nginx (tests/test_nginx.py): one more URL that tells what address the app sees."""

from tests.settings import *  # noqa: F403

ROOT_URLCONF = "tests.proxy_urls"
