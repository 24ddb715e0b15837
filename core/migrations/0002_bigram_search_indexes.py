"""GIN indexes on the bigrams of the directories' text fields, for two-character keywords (core/search.py).

PostgreSQL only, like 0001; SQLite gets nothing and searches with icontains.
"""

from django.db import migrations

from core.search import FUNCTION, document

TEXT_FIELDS = ["name_zh", "name_en", "summary_zh", "summary_en", "description_zh", "description_en"]
TABLES = {"site_bigrams": "sites_site", "heritage_bigrams": "sites_heritageasset"}
CREATE = [
    FUNCTION,
    *(
        f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin ({document(TEXT_FIELDS)})"
        for index, table in TABLES.items()
    ),
]
DROP = [*(f"DROP INDEX IF EXISTS {index}" for index in TABLES), "DROP FUNCTION IF EXISTS portal_bigrams(text)"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("core", "0001_search_and_sort_indexes")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
