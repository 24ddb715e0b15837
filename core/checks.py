"""System checks about the database the portal runs on."""

from django.core.checks import Tags, Warning, register
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
