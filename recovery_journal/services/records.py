"""The journal's records, read and changed through the session.

Every change is one committed transaction followed by a save of the whole encrypted journal
(:meth:`JournalSession.changed`); reads come from the in-memory database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from recovery_journal.domain.models import (
    AllianceCheckin,
    AnchorEvent,
    CallListPerson,
    DayRecord,
    JournalData,
    JournalEntry,
    Meeting,
    Settings,
    Sponsor,
    SponsorContact,
)

if TYPE_CHECKING:
    from recovery_journal.services.interchange_json import ImportMode, ImportSummary
    from recovery_journal.storage.repository import JournalRepository
    from recovery_journal.storage.search import SearchHit

T = TypeVar("T")


class RecordsMixin:
    """Typed reads and writes; the host class provides ``repository`` and ``changed``."""

    revision: int = 0
    _data_cache: tuple[int, JournalData] | None = None
    change_listeners: list[Callable[[], None]]

    @property
    def repository(self) -> JournalRepository:  # provided by the session
        raise NotImplementedError

    def changed(self) -> Any:  # provided by the session
        raise NotImplementedError

    def _write(self, action: Callable[[JournalRepository], T]) -> T:
        result = action(self.repository)
        self.revision += 1
        self.changed()
        for listener in list(self.change_listeners):
            listener()
        return result

    # -- reads ------------------------------------------------------------------------------
    def data(self) -> JournalData:
        """The whole journal as plain data (cached until the next change)."""
        if self._data_cache is None or self._data_cache[0] != self.revision:
            self._data_cache = (self.revision, self.repository.load())
        return self._data_cache[1]

    def settings(self) -> Settings:
        return self.repository.settings()

    def get_day(self, date: dt.date) -> DayRecord | None:
        return self.repository.get_day(date)

    def is_empty(self) -> bool:
        return self.repository.is_empty()

    def search(self, text: str, *, limit: int = 100) -> list[SearchHit]:
        return self.repository.search(text, limit=limit)

    # -- writes -----------------------------------------------------------------------------
    def update_settings(self, **changes: Any) -> Settings:
        return self._write(lambda r: r.update_settings(**changes))

    def save_day(self, day: DayRecord) -> DayRecord:
        return self._write(lambda r: r.upsert_day(day))

    def delete_day(self, date: dt.date) -> None:
        self._write(lambda r: r.delete_day(date))

    def add_meeting(self, meeting: Meeting) -> Meeting:
        return self._write(lambda r: r.add_meeting(meeting))

    def update_meeting(self, meeting: Meeting) -> Meeting:
        return self._write(lambda r: r.update_meeting(meeting))

    def delete_meeting(self, meeting_id: int) -> None:
        self._write(lambda r: r.delete_meeting(meeting_id))

    def add_sponsor(self, sponsor: Sponsor) -> Sponsor:
        return self._write(lambda r: r.add_sponsor(sponsor))

    def update_sponsor(self, sponsor: Sponsor) -> Sponsor:
        return self._write(lambda r: r.update_sponsor(sponsor))

    def delete_sponsor(self, key: str) -> None:
        self._write(lambda r: r.delete_sponsor(key))

    def add_contact(self, contact: SponsorContact) -> SponsorContact:
        return self._write(lambda r: r.add_contact(contact))

    def update_contact(self, contact: SponsorContact) -> SponsorContact:
        return self._write(lambda r: r.update_contact(contact))

    def delete_contact(self, contact_id: int) -> None:
        self._write(lambda r: r.delete_contact(contact_id))

    def add_checkin(self, checkin: AllianceCheckin) -> AllianceCheckin:
        return self._write(lambda r: r.add_checkin(checkin))

    def update_checkin(self, checkin: AllianceCheckin) -> AllianceCheckin:
        return self._write(lambda r: r.update_checkin(checkin))

    def delete_checkin(self, checkin_id: int) -> None:
        self._write(lambda r: r.delete_checkin(checkin_id))

    def add_journal_entry(self, entry: JournalEntry) -> JournalEntry:
        return self._write(lambda r: r.add_journal_entry(entry))

    def update_journal_entry(self, entry: JournalEntry) -> JournalEntry:
        return self._write(lambda r: r.update_journal_entry(entry))

    def delete_journal_entry(self, entry_id: int) -> None:
        self._write(lambda r: r.delete_journal_entry(entry_id))

    def add_anchor_event(self, event: AnchorEvent) -> AnchorEvent:
        return self._write(lambda r: r.add_anchor_event(event))

    def update_anchor_event(self, event: AnchorEvent) -> AnchorEvent:
        return self._write(lambda r: r.update_anchor_event(event))

    def delete_anchor_event(self, event_id: int) -> None:
        self._write(lambda r: r.delete_anchor_event(event_id))

    def add_call_person(self, person: CallListPerson) -> CallListPerson:
        return self._write(lambda r: r.add_call_person(person))

    def update_call_person(self, person: CallListPerson) -> CallListPerson:
        return self._write(lambda r: r.update_call_person(person))

    def delete_call_person(self, person_id: int) -> None:
        self._write(lambda r: r.delete_call_person(person_id))

    def replace_all(self, data: JournalData) -> None:
        """Replace everything, after a kept encrypted backup of the file as it was."""
        self.backup_now("before-replace")
        self._write(lambda r: r.replace_all(data))

    def add_all(self, data: JournalData) -> None:
        self._write(lambda r: r.add_all(data))

    def import_data(self, data: JournalData, mode: ImportMode) -> ImportSummary:
        """Import parsed interchange data, all or nothing (``interchange_json.import_into``).

        ``replace`` over existing records keeps an encrypted backup of the file first.
        """
        from recovery_journal.services.interchange_json import import_into

        if mode == "replace" and not self.is_empty():
            self.backup_now("before-replace")
        return self._write(lambda r: import_into(r, data, mode))

    def backup_now(self, reason: str) -> Any:  # provided by the session
        raise NotImplementedError
