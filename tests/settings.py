"""Settings for the test suite (pytest-django, see pyproject.toml): the production settings, DEBUG off, plus what a
test run needs and production must never have: a throwaway key and public address, no TLS redirect, the page cache
off unless a test turns it on, fast password hashing, plain static storage (no manifest to collect), tasks run at
once, and sign-in without django-axes, whose backend needs a request that Client.login() does not pass (the lockout
test adds it)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-key-" + "0123456789abcdef" * 3)
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
os.environ.setdefault("REQUEST_LOG_LEVEL", "WARNING")  # tests/test_health.py turns the request log on

from zhuzhou_tourism.settings import *  # noqa: E402, F403
from zhuzhou_tourism.settings import AUTHENTICATION_BACKENDS, STORAGES, TASKS  # noqa: E402

AUTHENTICATION_BACKENDS = [backend for backend in AUTHENTICATION_BACKENDS if not backend.startswith("axes.")]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run as they are enqueued (after the commit), so a test sees their effect at once; the tests of the queue
# itself switch to the database backend and run a worker (tests/test_tasks.py).
TASKS = {"default": {**TASKS["default"], "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
