"""The SQLModel classes, the row codecs and the schema description say the same thing."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

import pytest
from sqlalchemy import Table, insert
from storage_samples import sample_data, strip_ids

from recovery_journal.domain.models import (
    LIST_ITEMS_MAX,
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    JournalData,
)
from recovery_journal.storage import queries
from recovery_journal.storage.database import JournalDatabase
from recovery_journal.storage.repository import JournalRepository
from recovery_journal.storage.rows import CODECS, SPREAD
from recovery_journal.storage.schema import RECORDS
from recovery_journal.storage.tables import RECORD_TABLES


def _python_type(annotation: Any) -> tuple[Any, bool, bool]:
    optional = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = True
        (annotation,) = args
    if typing.get_origin(annotation) is tuple:
        item = typing.get_args(annotation)[0]
        if typing.get_origin(item) is typing.Annotated:  # a bounded text item
            item = item.__origin__
        return item, optional, True
    return annotation, optional, False


@pytest.mark.parametrize("attribute", list(CODECS))
def test_each_codec_stores_exactly_the_fields_of_its_class(attribute: str) -> None:
    codec, cls = CODECS[attribute], RECORD_TABLES[attribute]
    assert codec.table == cls.__tablename__
    declared = {name: info for name, info in cls.model_fields.items() if name != "id"}
    assert set(codec.columns) == set(declared)
    for stored in codec.fields:
        for column in stored.columns:
            value, optional, many = _python_type(declared[column].annotation)
            expected = (stored.value, stored.optional, stored.many)
            assert (value, optional, many) == expected, (attribute, column)


def test_the_description_follows_the_classes() -> None:
    days = {f.column: f for f in RECORDS["days"].fields}
    assert (days["step"].ge, days["step"].le, days["step"].required) == (1, 12, False)
    assert days["date"].required and days["date"].unique
    assert "updated_at" not in days  # stored only, not in the interchange files
    sponsors = {f.column: f for f in RECORDS["sponsors"].fields}
    assert sponsors["key"].path == ("id",)
    contacts = {f.column: f for f in RECORDS["contacts"].fields}
    assert contacts["sponsor_key"].path == ("sponsor_id",)
    assert contacts["sponsor_key"].refers_to == "sponsors"
    checkins = {f.column: f for f in RECORDS["checkins"].fields}
    assert checkins["r2"].path == ("answers", "R2") == checkins["r2"].record_path
    assert RECORDS["days"].about.startswith("One per recorded day.")


def test_every_text_and_list_of_a_record_is_bounded() -> None:
    """The limits of an import (issue 10) are the schema's bounds, from ``domain``."""
    days = {f.column: f for f in RECORDS["days"].fields}
    assert days["note"].max_length == LONG_TEXT_MAX
    assert days["amount"].max_length == SHORT_TEXT_MAX
    assert (days["substances"].max_length, days["substances"].item_max_length) == (
        LIST_ITEMS_MAX,
        SHORT_TEXT_MAX,
    )
    for spec in RECORDS.values():
        for field in spec.fields:
            if field.value is str or field.many:
                assert field.max_length is not None, (spec.attribute, field.column)
            if field.many and field.value is str:
                assert field.item_max_length == SHORT_TEXT_MAX, (spec.attribute, field.column)


def _values(attribute: str, record: Any) -> dict[str, Any]:
    """A record's fields by column, as Python values (the check-in's answers spread)."""
    row: dict[str, Any] = {}
    for stored in CODECS[attribute].fields:
        value = getattr(record, stored.field)
        if stored.field in SPREAD:
            items = zip(SPREAD[stored.field], stored.columns, strict=True)
            row.update({column: value.get(item) for item, column in items})
        else:
            row[stored.columns[0]] = value
    return row


def test_sqlalchemy_and_the_plain_codecs_store_values_the_same_way() -> None:
    """Rows written through the SQLModel tables (their column types) read back through the
    plain codecs, and the other way round, as the same records."""
    data = sample_data()
    through_sqlalchemy = JournalDatabase.new()
    with through_sqlalchemy.transaction():
        for attribute in CODECS:
            table = RECORD_TABLES[attribute].__table__
            assert isinstance(table, Table)
            for record in getattr(data, attribute):
                through_sqlalchemy.sa.execute(insert(table).values(_values(attribute, record)))
    loaded = JournalRepository(through_sqlalchemy).load()
    assert strip_ids(dataclasses.replace(loaded, settings=data.settings)) == data

    through_codecs = JournalDatabase.new()
    JournalRepository(through_codecs).add_all(data)
    lists = {a: tuple(queries.records(through_codecs.sa, c)) for a, c in CODECS.items()}
    assert strip_ids(JournalData(settings=data.settings, **lists)) == data

    for codec in CODECS.values():  # and byte for byte the same stored text
        sql = f"SELECT * FROM {codec.table} ORDER BY id"
        stored = through_codecs.connection.execute(sql).fetchall()
        assert through_sqlalchemy.connection.execute(sql).fetchall() == stored, codec.table


@dataclasses.dataclass(frozen=True, slots=True)
class _Checked:
    label: str
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.label:
            raise ValueError("a label is needed")


def test_a_record_that_checks_itself_is_built_through_its_constructor() -> None:
    """Readers set slots directly only where no ``__post_init__`` would be skipped."""
    from recovery_journal.storage.rows import Codec

    codec = Codec(_Checked, "checked", ("id",), "checked thing")
    assert codec.reader()(("a", 1)) == _Checked("a", 1)
    with pytest.raises(ValueError, match="label"):
        codec.reader()(("", 2))
    plain = CODECS["anchor_events"].reader()(("2025-01-02", "x", 3))
    assert (plain.date.isoformat(), plain.label, plain.id) == ("2025-01-02", "x", 3)
