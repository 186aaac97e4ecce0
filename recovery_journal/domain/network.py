"""The recovery network's measures as of a date (``docs/measures.md``, "Recovery network").

A person's **state** as of a date is their latest dated entry on or before it (on the same
date, the one entered last: the later in ``JournalData.person_entries``); entries after it do
not exist yet (MEASURES §8.2). A person is **in the network** as of a date when they have a
state then and it says ``in_network``. Unknown use or stance counts the person, and nothing
else: never as supportive, abstinent or use-linked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from recovery_journal.domain.models import (
    JournalData,
    Person,
    PersonEntry,
    PersonStance,
    PersonUse,
)

#: The window of "the change over the last 90 days".
CHANGE_DAYS = 90

ABSTINENT_USE = frozenset({PersonUse.NONE, PersonUse.RECOVERY})


def is_supportive(entry: PersonEntry) -> bool:
    return entry.stance == PersonStance.SUPPORTS


def is_abstinent(entry: PersonEntry) -> bool:
    """Doesn't use, or is in recovery."""
    return entry.use in ABSTINENT_USE


def is_use_linked(entry: PersonEntry) -> bool:
    """Uses heavily, or works against my recovery (the person's own rating)."""
    return entry.use == PersonUse.HEAVY or entry.stance == PersonStance.AGAINST


@dataclass(frozen=True, slots=True)
class NetworkCounts:
    """The network as of ``as_of``."""

    as_of: dt.date
    people: int
    supportive: int
    abstinent: int
    use_linked: int

    @property
    def supportive_share(self) -> float | None:
        """Percent of the people in the network who support my recovery; null with none."""
        return None if self.people == 0 else 100 * self.supportive / self.people


def states_as_of(entries: Iterable[PersonEntry], as_of: dt.date) -> dict[str, PersonEntry]:
    """Each person's state as of ``as_of`` (people with no entry by then are left out).
    ``entries`` in entry order; ties on a date go to the later one."""
    states: dict[str, PersonEntry] = {}
    for entry in entries:
        if entry.date > as_of:
            continue
        current = states.get(entry.person_key)
        if current is None or entry.date >= current.date:
            states[entry.person_key] = entry
    return states


def members(states: Mapping[str, PersonEntry]) -> dict[str, PersonEntry]:
    """The states of the people in the network."""
    return {key: state for key, state in states.items() if state.in_network}


def counts_of(states: Mapping[str, PersonEntry], as_of: dt.date) -> NetworkCounts:
    inside = members(states).values()
    return NetworkCounts(
        as_of=as_of,
        people=len(inside),
        supportive=sum(map(is_supportive, inside)),
        abstinent=sum(map(is_abstinent, inside)),
        use_linked=sum(map(is_use_linked, inside)),
    )


def network_counts(entries: Iterable[PersonEntry], as_of: dt.date) -> NetworkCounts:
    return counts_of(states_as_of(entries, as_of), as_of)


def network_series(entries: Sequence[PersonEntry], dates: Sequence[dt.date]) -> list[NetworkCounts]:
    """The counts at each of ``dates`` (ascending), in one pass over the entries."""
    if list(dates) != sorted(dates):
        raise ValueError("dates must be in ascending order")
    ordered = sorted(enumerate(entries), key=lambda pair: (pair[1].date, pair[0]))
    states: dict[str, PersonEntry] = {}
    series = []
    position = 0
    for day in dates:
        while position < len(ordered) and ordered[position][1].date <= day:
            entry = ordered[position][1]
            states[entry.person_key] = entry
            position += 1
        series.append(counts_of(states, day))
    return series


@dataclass(frozen=True, slots=True)
class NetworkSummary:
    """``stats --json``'s ``network``: the counts as of a date and the change over 90 days."""

    now: NetworkCounts
    before: NetworkCounts  # as of CHANGE_DAYS days earlier
    added_supportive: int  # in the network now and supportive, not in it 90 days ago


def summarize_network(entries: Sequence[PersonEntry], as_of: dt.date) -> NetworkSummary:
    earlier = as_of - dt.timedelta(days=CHANGE_DAYS)
    states_now = states_as_of(entries, as_of)
    states_then = states_as_of(entries, earlier)
    then_inside = members(states_then)
    added = sum(
        1
        for key, state in members(states_now).items()
        if is_supportive(state) and key not in then_inside
    )
    return NetworkSummary(
        now=counts_of(states_now, as_of),
        before=counts_of(states_then, earlier),
        added_supportive=added,
    )


@dataclass(frozen=True, slots=True)
class PersonView:
    """One person with their entries (oldest first) and their state as of a date."""

    person: Person
    entries: tuple[PersonEntry, ...]
    state: PersonEntry | None

    @property
    def in_network(self) -> bool:
        return self.state is not None and self.state.in_network


def people_as_of(data: JournalData, as_of: dt.date) -> list[PersonView]:
    """Every person of ``data`` with their history and state as of ``as_of``, by name."""
    by_key: dict[str, list[PersonEntry]] = {p.key: [] for p in data.people}
    for entry in data.person_entries:
        by_key.setdefault(entry.person_key, []).append(entry)
    views = []
    for person in data.people:
        history = sorted(by_key[person.key], key=lambda e: e.date)  # stable: entry order
        states = states_as_of(history, as_of)
        views.append(PersonView(person, tuple(history), states.get(person.key)))
    return sorted(views, key=lambda v: (v.person.name.casefold(), v.person.key))
