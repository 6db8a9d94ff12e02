"""The full-text index beside ``search_searchdocument``, per database backend.

- SQLite: an FTS5 table ``search_fts`` (external content: the documents' table, ``rowid`` =
  the document's id), tokenizer ``unicode61 remove_diacritics 2``, kept in step by three
  triggers; ranked with ``bm25`` (title weighs 10, summary 4, body 1). Words of the query match
  as prefixes (``vivienda`` finds ``viviendas``): FTS5 has no stemmer for most languages.
- PostgreSQL: a ``tsvector`` column ``fts`` with a GIN index, computed by a trigger with the
  text search configuration of the document's language (``simple`` for a language PostgreSQL
  does not stem), title weighted A, summary B, body C; ranked with ``ts_rank_cd``. The query is
  stemmed with each configuration in use and the results joined with OR.

The triggers mean that every write to the documents' table (``save``, bulk writes, ``flush``)
keeps the index in step. On SQLite a later migration that rebuilds the table (Django does it
for most column changes) drops the triggers: such a migration must call ``install`` again
(``icc search reindex`` does too).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

from icc.search.ranking import fts5_match

TABLE = "search_searchdocument"
# PostgreSQL's text search configurations for the content languages it stems
PG_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "de": "german",
    "pt": "portuguese",
}
_PG_CASE = " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in PG_CONFIGS.items())

SQLITE_INSTALL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        title, summary, body, content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_au AFTER UPDATE OF title, summary, body
        ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END""",
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TABLE IF EXISTS search_fts",
]
PG_INSTALL = [
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS fts tsvector",
    "CREATE INDEX IF NOT EXISTS search_doc_fts ON search_searchdocument USING GIN (fts)",
    """CREATE OR REPLACE FUNCTION search_fts_compute() RETURNS trigger AS $$
    DECLARE config regconfig := (CASE NEW.language """
    + _PG_CASE
    + """ ELSE 'simple' END)::regconfig;
    BEGIN
        NEW.fts := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector(config, coalesce(NEW.summary, '')), 'B')
            || setweight(to_tsvector(config, coalesce(NEW.body, '')), 'C');
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS search_fts_trigger ON search_searchdocument",
    """CREATE TRIGGER search_fts_trigger BEFORE INSERT OR UPDATE OF title, summary, body,
        language ON search_searchdocument FOR EACH ROW EXECUTE FUNCTION search_fts_compute()""",
]
PG_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_fts_trigger ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_fts_compute()",
    "DROP INDEX IF EXISTS search_doc_fts",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS fts",
]


def _run(connection: BaseDatabaseWrapper, statements: Sequence[str]) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install(connection: BaseDatabaseWrapper) -> None:
    """Create the full-text index and its triggers (idempotent)."""
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_INSTALL)
    elif connection.vendor == "postgresql":
        _run(connection, PG_INSTALL)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_UNINSTALL)
    elif connection.vendor == "postgresql":
        _run(connection, PG_UNINSTALL)


def installed(connection: BaseDatabaseWrapper) -> bool:
    """Whether the index and every trigger that keeps it are there."""
    if connection.vendor == "sqlite":
        sql = (
            "SELECT count(*) FROM sqlite_master WHERE name IN "
            "('search_fts', 'search_fts_ai', 'search_fts_ad', 'search_fts_au')"
        )
        expected = 4
    elif connection.vendor == "postgresql":
        sql = (
            "SELECT (SELECT count(*) FROM pg_trigger WHERE tgname = 'search_fts_trigger') + "
            "(SELECT count(*) FROM information_schema.columns WHERE "
            "table_name = 'search_searchdocument' AND column_name = 'fts')"
        )
        expected = 2
    else:  # pragma: no cover
        return True
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return bool(row and row[0] == expected)


def rebuild(connection: BaseDatabaseWrapper) -> None:
    """Recompute the whole index from the documents' texts (its triggers made again first if
    a migration dropped them)."""
    if not installed(connection):
        install(connection)
    if connection.vendor == "sqlite":
        _run(connection, ["INSERT INTO search_fts(search_fts) VALUES ('rebuild')"])
    elif connection.vendor == "postgresql":
        _run(connection, ["UPDATE search_searchdocument SET title = title"])  # fires the trigger


def matches(
    connection: BaseDatabaseWrapper,
    *,
    terms: Sequence[str],
    languages: Sequence[str],
    limit: int,
    every: bool = False,
) -> list[tuple[int, float]]:
    """Documents whose text holds any (``every``: all) of ``terms``, best first: ``(id,
    rank)`` with a larger rank for a better match. ``languages``: the languages of the
    documents held (PostgreSQL stems the query with each one's configuration)."""
    if not terms:
        return []
    if connection.vendor == "sqlite":
        sql = (
            "SELECT rowid, -bm25(search_fts, 10.0, 4.0, 1.0) AS rank FROM search_fts "
            "WHERE search_fts MATCH %s ORDER BY rank DESC LIMIT %s"
        )
        params: list[Any] = [fts5_match(terms, every=every), limit]
    elif connection.vendor == "postgresql":
        configs = sorted({PG_CONFIGS.get(code, "simple") for code in languages} | {"simple"})
        text = " ".join(terms)
        one = (
            "plainto_tsquery('{}', %s)"
            if every
            else ("replace(plainto_tsquery('{}', %s)::text, '&', '|')::tsquery")
        )
        parts = " || ".join(one.format(config) for config in configs)
        sql = (
            f"SELECT id, ts_rank_cd(fts, query.q) AS rank FROM {TABLE}, (SELECT {parts} AS q) AS query "  # noqa: S608, E501 - fixed names
            "WHERE fts @@ query.q ORDER BY rank DESC, id LIMIT %s"
        )
        params = [*([text] * len(configs)), limit]
    else:  # pragma: no cover - the platform runs on SQLite or PostgreSQL
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(int(pk), float(rank)) for pk, rank in cursor.fetchall()]
