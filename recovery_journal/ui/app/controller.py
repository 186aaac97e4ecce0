"""The one object every page shares: the open session, today's date, figures and signals.

Pages read through it (``data()``, ``stats()``, ``settings()``) and write through
``controller.session`` (every write checks first, then saves at once). ``undo_stack`` is the
window's one undo stack (Edit › Undo / Redo); it is emptied when the journal locks, so no
record outlives the lock in an undo step. They listen to ``changed`` to refresh and
may ask the window to show another place (``navigate``) or the help screen (``help_requested``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from recovery_journal.domain.models import JournalData, Settings

if TYPE_CHECKING:
    from recovery_journal.domain.stats import Stats
    from recovery_journal.services.session import JournalSession, SaveState

#: How often a failed save is tried again (it is also tried on every change).
RETRY_INTERVAL_MS = 10_000
#: How often the date is checked, so "today" moves on at midnight.
DATE_CHECK_MS = 30_000


class JournalController(QObject):
    changed = Signal()  # the journal's contents changed (or came back after unlocking)
    save_state_changed = Signal(object)  # SaveState
    about_to_lock = Signal()  # pages save what they still hold (a note being typed)
    lock_changed = Signal(bool)  # True once locked, False once unlocked again
    today_changed = Signal()  # the date moved on (midnight)
    navigate = Signal(str)  # a page asks the window to show another place, by key
    help_requested = Signal()  # a page asks for the "Get help now" screen
    recovery_code_confirmed = Signal()  # a new recovery code was shown and confirmed as kept
    undo_failed = Signal(str)  # an undo or redo step no longer fits the journal: why, in words

    def __init__(
        self,
        session: JournalSession,
        *,
        clock: Callable[[], dt.date] = dt.date.today,
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.demo = demo
        self._clock = clock
        self._today = clock()
        self._stats_cache: tuple[int, dt.date, Stats] | None = None
        self.undo_stack = QUndoStack(self)
        session.set_clock(self.today)  # writes are checked against the app's own today
        session.listeners.append(self._on_save_attempt)
        session.change_listeners.append(self._on_change)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_INTERVAL_MS)
        self.retry_timer.timeout.connect(self.retry_save)
        self._date_timer = QTimer(self)
        self._date_timer.setInterval(DATE_CHECK_MS)
        self._date_timer.timeout.connect(self.check_date)
        self._date_timer.start()
        self.save_state_changed.connect(self._follow_save_state)

    # -- reading --------------------------------------------------------------------------------
    def today(self) -> dt.date:
        return self._today

    @property
    def is_unlocked(self) -> bool:
        return self.session.is_unlocked

    def data(self) -> JournalData:
        return self.session.data()

    def settings(self) -> Settings:
        return self.session.settings()

    def stats(self) -> Stats:
        """Every measure as of today (computed once per change of the journal or the date)."""
        from recovery_journal.domain.stats import compute_stats

        key = (self.session.revision, self._today)
        if self._stats_cache is None or self._stats_cache[:2] != key:
            self._stats_cache = (*key, compute_stats(self.session.data(), self._today))
        return self._stats_cache[2]

    @property
    def save_state(self) -> SaveState:
        return self.session.save_state

    # -- the date -------------------------------------------------------------------------------
    def check_date(self) -> None:
        today = self._clock()
        if today != self._today:
            self._today = today
            self.today_changed.emit()

    # -- saving ---------------------------------------------------------------------------------
    def _on_save_attempt(self, state: SaveState) -> None:
        # May run on a worker thread (unlocking saves changes kept from before a lock): the
        # signal reaches the window's thread queued.
        self.save_state_changed.emit(state)

    def _on_change(self) -> None:
        self.changed.emit()

    def _follow_save_state(self, state: SaveState) -> None:
        if state.saved:
            self.retry_timer.stop()
        elif not self.retry_timer.isActive():
            self.retry_timer.start()

    def retry_save(self) -> None:
        if self.session.is_unlocked and not self.session.save_state.saved:
            self.session.retry_save()

    # -- locking --------------------------------------------------------------------------------
    def lock(self) -> None:
        """Save what pages hold, then drop the keys and the decrypted journal."""
        if not self.session.is_unlocked:
            return
        self.about_to_lock.emit()
        self.retry_timer.stop()
        self._stats_cache = None
        self.undo_stack.clear()  # its steps hold records: none may outlive the lock
        self.session.lock()
        # JournalSession.lock() keeps its cached plain copy of the journal (reported to the
        # services layer); drop it here too, so nothing decrypted outlives the lock.
        if getattr(self.session, "_data_cache", None) is not None:
            self.session._data_cache = None
        self.lock_changed.emit(True)

    def unlocked(self) -> None:
        """Called by the window once ``session.unlock`` succeeded."""
        self.check_date()
        self.lock_changed.emit(False)
        self.changed.emit()
        state = self.session.save_state
        self.save_state_changed.emit(state)

    def close(self) -> None:
        """Close the journal (saving once more if a save is pending) and release the file."""
        self.retry_timer.stop()
        self._date_timer.stop()
        self.undo_stack.clear()
        if self.session.is_unlocked:
            self.about_to_lock.emit()
        for listeners, callback in (
            (self.session.listeners, self._on_save_attempt),
            (self.session.change_listeners, self._on_change),
        ):
            if callback in listeners:
                listeners.remove(callback)  # type: ignore[arg-type]
        self.session.close()
