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

# Every pair of neighbouring characters of a text, in order (the GIN index keeps each once). Built from the text
# split into characters beside the same text from its second character: substr(value, i, 2) walks a multibyte
# text from its start for each i, and when the planner checks a row against `@>` (after its icontains matched)
# that cost 0.4 ms for a place's 300 characters; this takes 0.1 ms.
FUNCTION = """
CREATE OR REPLACE FUNCTION portal_bigrams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY(
        SELECT a || b FROM unnest(string_to_array(value, NULL), string_to_array(substr(value, 2), NULL)) AS s(a, b)
        WHERE b IS NOT NULL
    )
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
