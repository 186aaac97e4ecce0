"""Full-text search over journal entries and day notes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from storage_samples import NOW

from recovery_journal.domain.models import DayRecord, DayStatus, JournalEntry
from recovery_journal.storage.repository import JournalRepository
from recovery_journal.storage.search import fts_query

D = dt.date


@pytest.fixture
def filled(repo: JournalRepository) -> JournalRepository:
    repo.upsert_day(
        DayRecord(date=D(2025, 1, 1), status=DayStatus.ABSTINENT, note="Walked by the canal.")
    )
    repo.upsert_day(
        DayRecord(date=D(2025, 1, 2), status=DayStatus.USED, note="Hard evening at the café.")
    )
    repo.add_journal_entry(
        JournalEntry(
            created_at=NOW,
            title="Gratitude",
            body="Grateful for my sponsor and the morning walk.",
            tags=("hope",),
            date=D(2025, 1, 5),
        )
    )
    repo.add_journal_entry(
        JournalEntry(created_at=NOW, title="Step four", body="Started my inventory.", tags=())
    )
    return repo


def test_finds_words_in_entries_and_notes(filled: JournalRepository) -> None:
    hits = filled.search("walk")
    assert {(h.kind, h.date) for h in hits} == {
        ("day", D(2025, 1, 1)),
        ("journal_entry", D(2025, 1, 5)),
    }
    entry = next(h for h in hits if h.kind == "journal_entry")
    assert entry.title == "Gratitude"
    assert "walk" in entry.snippet


def test_finds_titles_tags_prefixes_and_ignores_case_and_accents(filled: JournalRepository) -> None:
    assert [h.title for h in filled.search("STEP")] == ["Step four"]
    assert [h.title for h in filled.search("hope")] == ["Gratitude"]
    assert [h.kind for h in filled.search("cafe")] == ["day"]
    assert [h.kind for h in filled.search("inven")] == ["journal_entry"]
    assert filled.search("canal walked") != []
    assert filled.search("canal inventory") == []  # every word must match


def test_entry_without_linked_date_reports_the_day_it_was_written(
    filled: JournalRepository,
) -> None:
    (hit,) = filled.search("inventory")
    assert hit.date == NOW.date()


def test_marks_wrap_matches(filled: JournalRepository) -> None:
    (hit,) = filled.search("canal", mark=("<b>", "</b>"))
    assert "<b>canal</b>" in hit.snippet


def test_index_follows_updates_and_deletes(filled: JournalRepository) -> None:
    day = filled.get_day(D(2025, 1, 1))
    assert day is not None
    filled.upsert_day(replace(day, note="Rode a bike instead."))
    assert [h.kind for h in filled.search("walk")] == ["journal_entry"]
    assert [h.date for h in filled.search("bike")] == [D(2025, 1, 1)]
    entry = filled.journal_entries()[0]
    filled.update_journal_entry(replace(entry, body="Quiet morning."))
    assert filled.search("walk") == []
    filled.delete_journal_entry(entry.id or 0)
    assert filled.search("quiet") == []
    filled.delete_day(D(2025, 1, 1))
    assert filled.search("bike") == []
    filled.database.integrity_check()


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"walk',
        "walk\"'",
        "*",
        "walk*",
        "NEAR(walk canal)",
        "NEAR",
        "walk AND OR NOT",
        "(walk",
        ")",
        "title:walk",
        "{title body}: walk",
        "^walk",
        "-walk",
        "walk + canal",
        "'; DROP TABLE day_record; --",
        "\x00walk",
        "",
        "   ",
        "🙂",
    ],
)
def test_hostile_query_text_is_safe(filled: JournalRepository, text: str) -> None:
    hits = filled.search(text)
    if re.findall(r"\w+", text) == ["walk"]:
        assert {h.kind for h in hits} == {"day", "journal_entry"}
    assert filled.days()  # nothing was dropped


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('say "hi" NEAR(x)') == '"say"* "hi"* "NEAR"* "x"*'
    assert fts_query("*()") == ""
