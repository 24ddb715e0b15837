"""Production settings for app servers that tests start as processes (tests/test_two_servers.py): everything as in
production but the static files, served from the source folders so that no collectstatic (15 s) runs, and the
password hasher of the accounts the test makes."""

from zhuzhou_tourism.settings import *  # noqa: F403
from zhuzhou_tourism.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# The test process makes the accounts with the fast hasher of tests/settings.py.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher", "django.contrib.auth.hashers.MD5PasswordHasher"]
