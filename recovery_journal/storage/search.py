"""Full-text search over journal entries and day notes (SQLite FTS5).

Plain SQL on purpose: FTS5's ``MATCH``, ``snippet()`` and ``bm25()`` have no SQLAlchemy
construct, and the query is clearer written as the SQL that FTS5 documents.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from typing import Literal

SearchKind = Literal["journal_entry", "day"]

#: Full-text indexes, kept in step with their tables by triggers (``migrations.py``).
FTS_TABLES: tuple[str, ...] = ("journal_entry_fts", "day_record_fts")

_WORD = re.compile(r"\w+", re.UNICODE)

_SQL = """
SELECT 'journal_entry' AS kind, e.id, COALESCE(e.date, substr(e.created_at, 1, 10)),
       e.title,
       snippet(journal_entry_fts, -1, :open, :close, '…', :tokens),
       bm25(journal_entry_fts, 5.0, 1.0, 3.0) AS score
FROM journal_entry_fts JOIN journal_entry AS e ON e.id = journal_entry_fts.rowid
WHERE journal_entry_fts MATCH :query
UNION ALL
SELECT 'day' AS kind, d.id, d.date, '',
       snippet(day_record_fts, 0, :open, :close, '…', :tokens),
       bm25(day_record_fts) AS score
FROM day_record_fts JOIN day_record AS d ON d.id = day_record_fts.rowid
WHERE day_record_fts MATCH :query
ORDER BY score, 3 DESC
LIMIT :limit
"""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: a journal entry (``id`` is its id, ``date`` its linked date or the UTC day it
    was written) or a day note (``id`` is the day record's id, ``title`` is empty)."""

    kind: SearchKind
    id: int
    date: dt.date
    title: str
    snippet: str


def fts_query(text: str) -> str:
    """An FTS5 query matching every word of ``text`` (as a prefix), whatever it contains.

    Each word is quoted, so user text can never be read as FTS syntax (``NEAR``, ``*``,
    ``"``, ``(``, ``col:``). Returns ``""`` when there is no word to look for.
    """
    words = _WORD.findall(text)
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def run_search(
    conn: sqlite3.Connection,
    text: str,
    *,
    limit: int = 100,
    mark: tuple[str, str] = ("", ""),
    snippet_tokens: int = 12,
) -> list[SearchHit]:
    query = fts_query(text)
    if not query:
        return []
    params = {
        "query": query,
        "open": mark[0],
        "close": mark[1],
        "tokens": snippet_tokens,
        "limit": limit,
    }
    rows = conn.execute(_SQL, params).fetchall()
    return [
        SearchHit(kind=r[0], id=r[1], date=dt.date.fromisoformat(r[2]), title=r[3], snippet=r[4])
        for r in rows
    ]
