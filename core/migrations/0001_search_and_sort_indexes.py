"""PostgreSQL indexes for the directories' default sort and keyword search.

They live here, as SQL, because Django cannot express them on the models: the sort is a CASE on the level
(national bases first), and keyword search is `UPPER(column) LIKE UPPER('%word%')` (icontains), which a pg_trgm
GIN index on the same UPPER() expression serves for words of three or more characters. SQLite gets none of them.
"""

from django.db import migrations

TEXT_FIELDS = ["name_zh", "name_en", "summary_zh", "summary_en", "description_zh", "description_en"]
RANK = (
    "(CASE WHEN level = 'national' THEN 0 WHEN level = 'provincial' THEN 1 WHEN level = 'municipal' THEN 2 "
    "ELSE 3 END)"
)
CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS site_directory_order ON sites_site ({RANK}, featured DESC, name_zh) WHERE published",
    f"CREATE INDEX IF NOT EXISTS heritage_directory_order ON sites_heritageasset ({RANK}, name_zh) WHERE published",
    *(
        f"CREATE INDEX IF NOT EXISTS {table}_{field}_trgm ON {table} USING gin (UPPER({field}::text) gin_trgm_ops)"
        for table in ("sites_site", "sites_heritageasset")
        for field in TEXT_FIELDS
    ),
]
DROP = [
    "DROP INDEX IF EXISTS site_directory_order",
    "DROP INDEX IF EXISTS heritage_directory_order",
    *(f"DROP INDEX IF EXISTS {t}_{f}_trgm" for t in ("sites_site", "sites_heritageasset") for f in TEXT_FIELDS),
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("sites", "0003_publishing_history_operators")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
