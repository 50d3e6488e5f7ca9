"""Full-text search over the protected text only (never the original, which the app does not hold).

SQLite uses an FTS5 index kept in step with the testimony table by triggers; PostgreSQL uses a GIN index
on ``to_tsvector('simple', protected_text)``. Both use the language-neutral ``simple`` tokenisation, so
Russian and English documents are searched the same way (every word must appear). The index is created
by migration ``0002_fulltext`` for whichever database the app runs on.

On SQLite, a later migration that alters ``review_testimony`` makes Django rebuild the table, which drops
the triggers: such a migration must run :data:`SQLITE_DOWN` before and :data:`SQLITE_UP` after (the
migration test searches after migrating, so it fails if this is forgotten).
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import QuerySet

from veil.review.models import Testimony

FTS_TABLE = "review_testimony_fts"
_WORD = re.compile(r"\w+")

# The SQL below is built from these constants only; a user's query is always a bound parameter.
SQLITE_UP = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(protected_text, content='review_testimony', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER review_fts_insert AFTER INSERT ON review_testimony BEGIN "  # noqa: S608
    f"INSERT INTO {FTS_TABLE}(rowid, protected_text) VALUES (new.id, new.protected_text); END",
    f"CREATE TRIGGER review_fts_delete AFTER DELETE ON review_testimony BEGIN "  # noqa: S608
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, protected_text) VALUES ('delete', old.id, old.protected_text); END",
    f"CREATE TRIGGER review_fts_update AFTER UPDATE OF protected_text ON review_testimony BEGIN "  # noqa: S608
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, protected_text) VALUES ('delete', old.id, old.protected_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, protected_text) VALUES (new.id, new.protected_text); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",  # noqa: S608
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS review_fts_insert",
    "DROP TRIGGER IF EXISTS review_fts_delete",
    "DROP TRIGGER IF EXISTS review_fts_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
POSTGRES_UP = [
    "CREATE INDEX review_testimony_fts ON review_testimony USING GIN (to_tsvector('simple', protected_text))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS review_testimony_fts"]


def words(query: str) -> list[str]:
    """The words of a search query (operators and punctuation are not the user's business)."""
    return _WORD.findall(query)[:20]


def search(testimonies: QuerySet[Testimony], query: str) -> QuerySet[Testimony]:
    """``testimonies`` whose protected text contains every word of ``query``."""
    terms = words(query)
    if not terms:
        return testimonies
    if connection.vendor == "postgresql":
        where = "to_tsvector('simple', protected_text) @@ plainto_tsquery('simple', %s)"
        return testimonies.extra(where=[where], params=[" ".join(terms)])  # noqa: S610
    match = " ".join('"' + term.replace('"', "") + '"' for term in terms)
    where = f"review_testimony.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"  # noqa: S608
    return testimonies.extra(where=[where], params=[match])  # noqa: S610
