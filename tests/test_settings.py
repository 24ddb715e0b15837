"""Configuration from the environment: production refuses to start without a real SECRET_KEY, while the offline
commands that make files (migrations, messages) run without one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def manage(*args):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "TESTING", "DATABASE_URL"}}
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
