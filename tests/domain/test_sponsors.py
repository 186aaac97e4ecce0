import datetime as dt

from recovery_journal.domain.models import JournalData, Sponsor
from recovery_journal.domain.sponsors import (
    current_sponsor,
    newest_first,
    next_sponsor_key,
    sponsor_on,
)

D = dt.date


def test_a_sponsor_without_a_start_date_counts_from_the_beginning():
    always = Sponsor(key="a", name="A")
    assert sponsor_on(always, D(1990, 1, 1))
    assert current_sponsor([always], D(2026, 1, 1)) is always


def test_the_most_recently_started_sponsor_is_current_and_ended_ones_are_not():
    old = Sponsor(key="a", name="A", started_on=D(2025, 1, 1), ended_on=D(2025, 6, 30))
    new = Sponsor(key="b", name="B", started_on=D(2025, 7, 1))
    undated = Sponsor(key="c", name="C")
    assert current_sponsor([old, new, undated], D(2025, 3, 1)) is old
    assert current_sponsor([old, new, undated], D(2025, 8, 1)) is new
    assert current_sponsor([old, new], D(2024, 1, 1)) is None
    assert newest_first([undated, old, new]) == [new, old, undated]


def test_new_sponsor_keys_are_not_taken():
    assert next_sponsor_key(JournalData()) == "sponsor-1"
    taken = JournalData(sponsors=(Sponsor("sponsor-2", "A", D(2026, 1, 1)),))
    assert next_sponsor_key(taken) == "sponsor-3"
    both = JournalData(sponsors=(Sponsor("sponsor-1", "A"), Sponsor("sponsor-3", "B")))
    assert next_sponsor_key(both) == "sponsor-4"  # never one that is taken
