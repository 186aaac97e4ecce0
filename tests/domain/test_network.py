"""The recovery network's measures (docs/measures.md, "Recovery network"), against a plain
reference, and their edge rules."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.domain.models import (
    JournalData,
    Person,
    PersonEntry,
    PersonStance,
    PersonUse,
)
from recovery_journal.domain.network import (
    network_counts,
    network_series,
    people_as_of,
    summarize_network,
)
from recovery_journal.domain.stats import compute_stats, stats_to_json

D0 = dt.date(2025, 1, 1)
KEYS = ("a", "b", "c", "d")


def entry(days: int, key: str, use=PersonUse.UNKNOWN, stance=PersonStance.UNKNOWN, inside=True):
    return PersonEntry(D0 + dt.timedelta(days=days), key, use, stance, inside)


def reference(entries: list[PersonEntry], as_of: dt.date) -> dict[str, int]:
    """The definition, read literally: each person's latest entry on or before ``as_of`` (the
    later in the list on a tie), counted if it says in the network."""
    counts = {"people": 0, "supportive": 0, "abstinent": 0, "use_linked": 0}
    for key in {e.person_key for e in entries}:
        mine = [(e.date, i, e) for i, e in enumerate(entries) if e.person_key == key]
        known = [item for item in mine if item[0] <= as_of]
        if not known:
            continue
        state = max(known, key=lambda item: (item[0], item[1]))[2]
        if not state.in_network:
            continue
        counts["people"] += 1
        counts["supportive"] += state.stance == PersonStance.SUPPORTS
        counts["abstinent"] += state.use in (PersonUse.NONE, PersonUse.RECOVERY)
        counts["use_linked"] += state.use == PersonUse.HEAVY or state.stance == PersonStance.AGAINST
    return counts


entries_strategy = st.lists(
    st.builds(
        entry,
        st.integers(0, 60),
        st.sampled_from(KEYS),
        st.sampled_from(list(PersonUse)),
        st.sampled_from(list(PersonStance)),
        st.booleans(),
    ),
    max_size=25,
)


def _plain(counts) -> dict[str, int]:
    return {
        "people": counts.people,
        "supportive": counts.supportive,
        "abstinent": counts.abstinent,
        "use_linked": counts.use_linked,
    }


@settings(max_examples=200, deadline=None)
@given(entries_strategy, st.integers(-5, 70))
def test_counts_match_the_reference(entries, offset):
    as_of = D0 + dt.timedelta(days=offset)
    assert _plain(network_counts(entries, as_of)) == reference(entries, as_of)


@settings(max_examples=100, deadline=None)
@given(entries_strategy, st.lists(st.integers(-5, 70), max_size=12))
def test_the_series_is_the_counts_on_each_day(entries, offsets):
    days = sorted({D0 + dt.timedelta(days=o) for o in offsets})
    series = network_series(entries, days)
    assert [_plain(c) for c in series] == [reference(entries, day) for day in days]


@settings(max_examples=100, deadline=None)
@given(entries_strategy, st.integers(0, 200))
def test_added_supportive_counts_people_not_in_the_network_90_days_before(entries, offset):
    as_of = D0 + dt.timedelta(days=offset)
    earlier = as_of - dt.timedelta(days=90)
    summary = summarize_network(entries, as_of)
    expected = 0
    for key in KEYS:
        now = [e for e in entries if e.person_key == key and e.date <= as_of]
        then = [e for e in entries if e.person_key == key and e.date <= earlier]
        if not now:
            continue
        state = max(enumerate(now), key=lambda p: (p[1].date, p[0]))[1]
        before = max(enumerate(then), key=lambda p: (p[1].date, p[0]))[1] if then else None
        joined = before is None or not before.in_network
        expected += state.in_network and state.stance == PersonStance.SUPPORTS and joined
    assert summary.added_supportive == expected
    assert summary.before.as_of == earlier


def test_no_people_gives_zeros_and_no_share():
    counts = network_counts([], D0)
    assert (counts.people, counts.supportive, counts.use_linked) == (0, 0, 0)
    assert counts.supportive_share is None


def test_entries_after_the_as_of_date_do_not_exist_yet():
    entries = [
        entry(0, "a", stance=PersonStance.SUPPORTS),
        entry(10, "a", stance=PersonStance.AGAINST),
    ]
    assert network_counts(entries, D0 + dt.timedelta(days=9)).supportive == 1
    assert network_counts(entries, D0 + dt.timedelta(days=10)).supportive == 0
    assert network_counts(entries, D0 - dt.timedelta(days=1)).people == 0


def test_the_one_entered_last_wins_a_tie_on_the_same_date():
    entries = [
        entry(3, "a", stance=PersonStance.AGAINST),
        entry(3, "a", stance=PersonStance.SUPPORTS),
    ]
    counts = network_counts(entries, D0 + dt.timedelta(days=3))
    assert (counts.supportive, counts.use_linked) == (1, 0)


def test_unknown_values_count_the_person_only():
    counts = network_counts([entry(0, "a")], D0)
    assert (counts.people, counts.supportive, counts.abstinent, counts.use_linked) == (1, 0, 0, 0)
    assert counts.supportive_share == 0.0


def test_someone_heavy_and_against_counts_once_as_use_linked():
    counts = network_counts([entry(0, "a", PersonUse.HEAVY, PersonStance.AGAINST)], D0)
    assert counts.use_linked == 1


def test_leaving_and_coming_back():
    entries = [
        entry(0, "a", stance=PersonStance.SUPPORTS),
        entry(5, "a", stance=PersonStance.SUPPORTS, inside=False),
        entry(9, "a", stance=PersonStance.SUPPORTS),
    ]
    people = [network_counts(entries, D0 + dt.timedelta(days=d)).people for d in (0, 5, 9)]
    assert people == [1, 0, 1]


def test_people_as_of_keeps_the_history_and_the_state():
    data = JournalData(
        people=(Person("a", "Zoë"), Person("b", "al")),
        person_entries=(entry(0, "a"), entry(4, "a", inside=False), entry(7, "b")),
    )
    views = people_as_of(data, D0 + dt.timedelta(days=5))
    assert [v.person.name for v in views] == ["al", "Zoë"]
    assert views[0].state is None  # b's only entry is after the date
    assert views[1].in_network is False
    assert len(views[1].entries) == 2


def test_stats_json_gains_a_network_key_and_keeps_the_others():
    data = JournalData(
        people=(Person("a", "A"),),
        person_entries=(entry(0, "a", PersonUse.RECOVERY, PersonStance.SUPPORTS),),
    )
    document = stats_to_json(compute_stats(data, D0 + dt.timedelta(days=1)))
    network = document["network"]
    assert network["people"] == network["supportive"] == network["abstinent_or_recovery"] == 1
    assert network["supportive_share"] == 100.0
    assert network["change_90"] == {
        "since": (D0 - dt.timedelta(days=89)).isoformat(),
        "added_supportive": 1,
        "people": 1,
        "supportive": 1,
        "use_linked": 0,
    }
    assert network["insight"]["label"] == "too_early"
    assert {"pda", "runs", "attendance", "sponsor", "insights", "notices"} <= set(document)
