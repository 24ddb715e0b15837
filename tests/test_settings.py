"""Configuration from the environment: production refuses to start without a real SECRET_KEY or a public SITE_URL,
while the offline commands that make files (migrations, messages) run without them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


UNSET = {
    "SECRET_KEY",
    "DEBUG",
    "DATABASE_URL",
    "SITE_URL",
    "BOOKING_BASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "SILENCED_SYSTEM_CHECKS",
}
A_REAL_KEY = "k" * 20 + "0123456789abcdefghijABCDEF"


def manage(*args, **environment):
    env = {k: v for k, v in os.environ.items() if k not in UNSET} | environment
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("command", [["check"], ["migrate", "--plan"]])
def test_production_refuses_to_start_without_a_secret_key(command):
    result = manage(*command)
    assert result.returncode != 0 and "SECRET_KEY is not set" in result.stderr


def test_checking_for_missing_migrations_needs_no_secret_key():
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


@pytest.mark.parametrize("site_url", [None, "", "gy.zhuzhou.example", "ftp://gy.zhuzhou.example", "https://"])
def test_production_refuses_to_start_without_a_public_site_url(site_url):
    environment = {"SECRET_KEY": A_REAL_KEY} | ({} if site_url is None else {"SITE_URL": site_url})
    result = manage("check", **environment)
    assert result.returncode != 0 and "SITE_URL" in result.stderr, result.stderr[-500:]


@pytest.mark.parametrize("name", ["SITE_URL", "BOOKING_BASE_URL"])
def test_production_starts_with_a_public_site_url(name):
    result = manage("check", SECRET_KEY=A_REAL_KEY, **{name: "https://gy.zhuzhou.example/"})
    assert result.returncode == 0, result.stderr[-500:]


def test_development_needs_no_site_url():
    assert manage("check", DEBUG="1").returncode == 0


@pytest.mark.parametrize(
    "site_url", ["http://127.0.0.1:8000", "http://localhost:8000", "https://portal.localhost", "http://[::1]:8000"]
)
def test_production_refuses_a_site_url_on_this_machine(site_url):
    result = manage("check", SECRET_KEY=A_REAL_KEY, SITE_URL=site_url)
    assert result.returncode != 0 and "core.E001" in result.stderr, result.stderr[-500:]
    # The old name of the setting is checked the same way.
    result = manage("check", SECRET_KEY=A_REAL_KEY, BOOKING_BASE_URL=site_url)
    assert result.returncode != 0 and "core.E001" in result.stderr, result.stderr[-500:]


def test_a_site_url_on_this_machine_is_fine_in_development_or_when_silenced_on_purpose():
    assert manage("check", DEBUG="1", SITE_URL="http://127.0.0.1:8000").returncode == 0
    silenced = {"SILENCED_SYSTEM_CHECKS": "core.E001"}
    assert manage("check", SECRET_KEY=A_REAL_KEY, SITE_URL="http://127.0.0.1:8000", **silenced).returncode == 0


def test_gunicorn_refuses_to_start_with_a_site_url_on_this_machine():
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    env |= {"SECRET_KEY": A_REAL_KEY, "SITE_URL": "http://127.0.0.1:8790", "GUNICORN_BIND": "127.0.0.1:8790"}
    gunicorn = Path(sys.executable).parent / "gunicorn"
    result = subprocess.run(
        [gunicorn, "-c", "gunicorn.conf.py", "zhuzhou_tourism.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "core.E001" in result.stderr, result.stderr[-500:]
