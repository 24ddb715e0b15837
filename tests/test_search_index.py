"""Two-character keywords: on PostgreSQL they go through the bigram index (core.search), and find exactly what a
plain substring search finds, in every field and whatever the case."""

import pytest
from django.db import connection

from sites.filters import SiteFilter
from sites.models import Site
from tests.factories import make_heritage, make_site

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the bigram index is PostgreSQL's")


def _names(path, client):
    return {site.name_zh for site in client.get(path).context["page"].object_list}


@pytest.fixture
def catalogue():
    make_site(name_zh="醴陵陶瓷谷", name_en="Liling Ceramic Valley")
    make_site(name_zh="釉下五彩馆", summary_zh="醴陵釉下五彩陶瓷的工坊。")
    make_site(name_zh="中车株机", description_en="Where China's first AI-driven locomotive line runs.")
    make_site(name_zh="陶 瓷 分开写", name_en="Separated")
    make_heritage(name_zh="国光瓷厂旧址", summary_zh="老陶瓷厂。")


def test_a_two_character_word_finds_it_in_any_field(client, catalogue):
    assert _names("/sites/?q=陶瓷", client) == {"釉下五彩馆", "醴陵陶瓷谷"}


def test_a_two_letter_word_ignores_case(client, catalogue):
    assert _names("/sites/?q=ai", client) == {"中车株机"}
    assert _names("/sites/?q=AI", client) == {"中车株机"}


def test_several_short_words_must_all_match(client, catalogue):
    assert _names("/sites/?q=陶瓷 五彩", client) == {"釉下五彩馆"}


def test_heritage_search_finds_two_character_words(client, catalogue):
    response = client.get("/heritage/?q=陶瓷")
    assert [asset.name_zh for asset in response.context["page"].object_list] == ["国光瓷厂旧址"]


@postgres_only
def test_the_bigram_index_serves_a_two_character_word(catalogue, rf):
    # Enough other rows that reading the table is not the cheaper plan.
    Site.objects.bulk_create(
        Site(name_zh=f"工厂{n}", slug=f"factory-{n}", industry="rail", district="shifeng", published=True)
        for n in range(2000)
    )
    queryset = SiteFilter(rf.get("/", {"q": "陶瓷"}).GET, queryset=Site.objects.published()).qs
    sql, params = queryset.query.get_compiler(connection.alias).as_sql()
    with connection.cursor() as cursor:
        # Other tests' rows, rolled back, linger in the index's pending list until a vacuum; planned as if read.
        cursor.execute("SELECT gin_clean_pending_list('site_bigrams'::regclass)")
        cursor.execute("ANALYZE sites_site")
        # Still a small table: keep the planner from reading it whole rather than through an index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "site_bigrams" in plan, plan


@postgres_only
def test_the_bigrams_are_every_pair_of_neighbouring_characters():
    with connection.cursor() as cursor:
        cursor.execute("SELECT portal_bigrams('陶瓷陶瓷厂'), portal_bigrams('a'), portal_bigrams('')")
        many, one, empty = cursor.fetchone()
    assert set(many) == {"陶瓷", "瓷陶", "瓷厂"}
    assert one == empty == []
