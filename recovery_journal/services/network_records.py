"""The session's use cases for the recovery network and the regular meetings.

Part of :class:`~recovery_journal.services.records.RecordsMixin` (which provides ``_write``,
``_checked``, ``write_many``, ``settings`` and ``today``): every write validates first
(:class:`InvalidRecordError`, nothing written) and is one transaction and one save.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from recovery_journal.domain.models import (
    Meeting,
    Person,
    PersonEntry,
    RegularMeeting,
    Settings,
)
from recovery_journal.domain.regular_meetings import decline_key, kept_declines

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from recovery_journal.domain.validation import Record
    from recovery_journal.storage.repository import JournalRepository

T = TypeVar("T")


class NetworkRecords:
    """People, their dated entries, regular meetings, and Today's meeting offers."""

    if TYPE_CHECKING:

        def _write(self, action: Callable[[JournalRepository], T]) -> T: ...
        def _checked(self, record: Any) -> Any: ...
        def write_many(
            self, put: Sequence[Record] = (), delete: Sequence[Record] = ()
        ) -> tuple[Record, ...]: ...
        def settings(self) -> Settings: ...
        def update_settings(self, **changes: Any) -> Settings: ...
        def today(self) -> dt.date: ...

    # -- people and their entries -----------------------------------------------------------
    def add_person(self, person: Person, first: PersonEntry | None = None) -> Person:
        """Add someone to the network, with how they relate to your recovery as of a date
        (``first``, naming them) in the same change."""
        if first is None:
            return self._write(lambda r: r.add_person(self._checked(person)))
        stored = self.write_many(put=[person, first])
        return stored[0]  # type: ignore[return-value]

    def update_person(self, person: Person) -> Person:
        """Change a person's name, relationship or notes (by ``id``; entries and links
        follow a changed key)."""
        return self._write(lambda r: r.update_person(self._checked(person)))

    def add_person_entry(self, entry: PersonEntry) -> PersonEntry:
        """A new dated entry: what changed, as of its date (earlier entries stay)."""
        return self._write(lambda r: r.add_person_entry(self._checked(entry)))

    def update_person_entry(self, entry: PersonEntry) -> PersonEntry:
        """Correct an entry (a typing slip); a change over time is a new entry."""
        return self._write(lambda r: r.update_person_entry(self._checked(entry)))

    # -- regular meetings -------------------------------------------------------------------
    def add_regular_meeting(self, meeting: RegularMeeting) -> RegularMeeting:
        return self._write(lambda r: r.add_regular_meeting(self._checked(meeting)))

    def update_regular_meeting(self, meeting: RegularMeeting) -> RegularMeeting:
        return self._write(lambda r: r.update_regular_meeting(self._checked(meeting)))

    # -- Today's offer ----------------------------------------------------------------------
    def log_regular_meeting(self, regular: RegularMeeting, day: dt.date) -> Meeting:
        """ "Yes, I went": the meeting logged on ``day`` as the regular meeting describes it."""
        meeting = Meeting(
            date=day,
            fellowship=regular.fellowship,
            fellowship_label=regular.fellowship_label,
            time=regular.time,
            name=regular.name,
            format=regular.format,
            home_group=regular.home_group,
        )
        return self._write(lambda r: r.add_meeting(self._checked(meeting)))

    def decline_regular_meeting(self, regular: RegularMeeting, day: dt.date) -> None:
        """ "No, not this time": the offer for ``day`` is not made again. Nothing else is
        recorded (not going is not logged as anything)."""
        if regular.id is None:
            raise ValueError("a regular meeting that was never saved has no offer")
        declined = kept_declines(self.settings().declined_meeting_offers, self.today())
        key = decline_key(day, regular.id)
        if key not in declined:
            self.update_settings(declined_meeting_offers=(*declined, key))

    def undecline_regular_meeting(self, regular: RegularMeeting, day: dt.date) -> None:
        """Undo of :meth:`decline_regular_meeting`: the offer shows again."""
        if regular.id is None:
            return
        key = decline_key(day, regular.id)
        declined = self.settings().declined_meeting_offers
        if key in declined:
            self.update_settings(declined_meeting_offers=tuple(k for k in declined if k != key))
