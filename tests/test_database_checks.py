from unittest.mock import MagicMock

import pytest
from django.db import connection

from core import checks

pytestmark = pytest.mark.django_db


def fake_postgres(ctype, trigram_count):
    """A connection whose cursor answers the check's three questions: LC_CTYPE, pg_trgm, show_trgm."""
    cursor = MagicMock()
    answers = iter([(ctype,), (1,) if trigram_count is not None else None, (trigram_count,)])
    cursor.fetchone.side_effect = lambda: next(answers)
    fake = MagicMock(vendor="postgresql")
    fake.cursor.return_value.__enter__.return_value = cursor
    return fake


@pytest.mark.parametrize(
    "ctype, trigrams, warned",
    [("C", 0, True), ("C.UTF-8", 6, False), ("C", None, True), ("zh_CN.UTF-8", None, False), ("C.UTF-8", 0, True)],
)
def test_a_database_that_cannot_index_chinese_is_reported(monkeypatch, ctype, trigrams, warned):
    monkeypatch.setattr(checks, "connections", {"default": fake_postgres(ctype, trigrams)})
    found = checks.chinese_trigrams(None, databases=["default"])
    assert [w.id for w in found] == (["core.W001"] if warned else [])


def test_the_real_database_passes_the_check():
    # SQLite is not concerned; this machine's PostgreSQL databases are C.UTF-8, where pg_trgm reads Chinese.
    assert checks.chinese_trigrams(None, databases=[connection.alias]) == []
