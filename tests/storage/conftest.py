"""Fixtures of the storage tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from storage_samples import Clock

from recovery_journal.storage.database import JournalDatabase
from recovery_journal.storage.repository import JournalRepository


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db() -> Iterator[JournalDatabase]:
    database = JournalDatabase.new()
    yield database
    database.close()


@pytest.fixture
def repo(db: JournalDatabase, clock: Clock) -> JournalRepository:
    return JournalRepository(db, now=clock)
