"""System checks: the public address in production, and the database the portal runs on."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import connections

SAMPLE = "醴陵陶瓷谷"


@register(Tags.database)
def chinese_trigrams(app_configs, databases=None, **kwargs):
    """Keyword search relies on pg_trgm indexes, and pg_trgm only takes letters it knows from the database's
    LC_CTYPE: under plain C it extracts nothing from Chinese, so every search reads the whole table."""
    warnings = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
            (ctype,) = cursor.fetchone()
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            if cursor.fetchone():
                cursor.execute("SELECT cardinality(show_trgm(%s))", [SAMPLE])
                blind = cursor.fetchone()[0] == 0
            else:
                blind = ctype in ("C", "POSIX")
        if blind:
            warnings.append(
                Warning(
                    f"The database {alias!r} has LC_CTYPE {ctype!r}: pg_trgm finds no trigrams in Chinese text, "
                    "so keyword search cannot use its indexes and gets slow as the catalogue grows.",
                    hint="Create the database with a UTF-8 locale, e.g. LC_CTYPE 'C.UTF-8' or 'zh_CN.UTF-8'.",
                    id="core.W001",
                )
            )
    return warnings


def _loopback(host):
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


@register()
def public_site_url(app_configs, **kwargs):
    """Every mail link and every absolute link in pages starts with SITE_URL: in production it must be an address
    the public can reach, not this machine's. Run by `manage.py check`, runserver, migrate and, through
    gunicorn.conf.py, when gunicorn starts."""
    if settings.DEBUG or getattr(settings, "OFFLINE_COMMAND", False):  # makemigrations serves nothing
        return []
    host = urlsplit(settings.SITE_URL or "").hostname or ""
    if host and not _loopback(host):
        return []
    return [
        Error(
            f"SITE_URL is {settings.SITE_URL!r}: booking mails and password-reset links would point to this "
            "machine, not to the public portal.",
            hint="Set SITE_URL to the public address, e.g. https://gy.zhuzhou.example. To try production settings "
            "on this machine only, add SILENCED_SYSTEM_CHECKS=core.E001.",
            id="core.E001",
        )
    ]
