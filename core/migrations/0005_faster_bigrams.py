"""portal_bigrams() without substr(value, i, 2), which walks a multibyte text from its start for every i: a row
checked against a two-character word took 0.4 ms, now 0.1 ms (core/search.py).

The bigram indexes stay as they are: the function gives the same bigrams, repeated where the text repeats them,
and a GIN index keeps each key once, so its keys do not change. PostgreSQL only, like 0002.
"""

from django.db import migrations

from core.search import FUNCTION

PREVIOUS = """
CREATE OR REPLACE FUNCTION portal_bigrams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(value, i, 2)), '{}')
    FROM generate_series(1, char_length(value) - 1) AS i
$$
"""


def run(statement):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("core", "0004_post_count")]

    operations = [migrations.RunPython(run(FUNCTION), run(PREVIOUS))]
