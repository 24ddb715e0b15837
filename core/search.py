"""Two-character keywords on PostgreSQL: a bigram index where trigrams cannot help.

Most Chinese words have two characters (陶瓷, 机车), and pg_trgm indexes nothing shorter than three, so such a
search read the whole table. core/migrations/0002 indexes the bigrams of a place's six text fields (upper-cased,
as icontains compares them) in one GIN index per table; a two-character word first narrows the rows to those
holding its bigram through that index, and icontains then checks each candidate as before. SQLite keeps the plain
icontains.
"""

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

# Every pair of neighbouring characters of a text, once each.
FUNCTION = """
CREATE OR REPLACE FUNCTION portal_bigrams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(value, i, 2)), '{}')
    FROM generate_series(1, char_length(value) - 1) AS i
$$
"""


def document(fields, table=None):
    """The indexed expression; a query must repeat it for PostgreSQL to use the index (qualified by its table,
    so that a join cannot make a column ambiguous)."""
    prefix = f'"{table}".' if table else ""
    joined = " || ' ' || ".join(f"COALESCE({prefix}\"{field}\", '')" for field in fields)
    return f"portal_bigrams(UPPER({joined}))"


def bigram_filter(model, fields, word):
    """A condition that holds for every row where some field contains `word`, answered by the bigram index; None
    where it would not help (other databases, words of other lengths, which trigrams or nothing can serve)."""
    if connection.vendor != "postgresql" or len(word) != 2:
        return None
    # The word's bigram is computed by the same function and UPPER() as the index, so the two always agree.
    expression = document(fields, model._meta.db_table)
    return RawSQL(f"{expression} @> portal_bigrams(UPPER(%s))", (word,), output_field=BooleanField())
