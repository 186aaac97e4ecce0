"""The statements built with SQLAlchemy Core over the SQLModel tables of ``tables.py``.

Used where SQLAlchemy says it more clearly than SQL text would: record lists with an optional
date range (compared as dates, through the tables' column types), "does any table hold a
record", and clearing the journal in the order its foreign keys need, which the metadata
knows. This module imports sqlmodel, so the repository imports it only inside these
operations: listing, importing, replacing. Opening a journal and the single-record changes
never need it (``repository_base.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlalchemy import Table, delete, exists, or_, select
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from recovery_journal.storage.rows import CODECS, Codec
from recovery_journal.storage.tables import TABLES

R = TypeVar("R")


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def records(
    sa: Connection, codec: Codec[R], start: dt.date | None = None, end: dt.date | None = None
) -> list[R]:
    """Every record of ``codec``'s kind with ``start <= date <= end``, in its order."""
    table = _table(codec.table)
    statement = select(table).order_by(*(table.c[name] for name in codec.order))
    if start is not None:
        statement = statement.where(table.c.date >= start)
    if end is not None:
        statement = statement.where(table.c.date <= end)
    return [codec.from_values(row) for row in sa.execute(statement).mappings()]


def holds_records(sa: Connection) -> bool:
    """True when any record table holds a row (settings do not count)."""
    tables = [_table(codec.table) for codec in CODECS.values()]
    return bool(sa.execute(select(or_(*(exists().select_from(t) for t in tables)))).scalar())


def delete_everything(sa: Connection) -> None:
    """Delete every record and setting, children before the parents they name."""
    kept = {"meta"}
    for table in reversed(SQLModel.metadata.sorted_tables):
        if table.name in TABLES and table.name not in kept:
            sa.execute(delete(table))
