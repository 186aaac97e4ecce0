"""The window's undo: steps on the one ``QUndoStack`` (``controller.undo_stack``) that call
service operations only.

``StepHost`` is what a step needs of the controller (common sits below ``ui.app``). A step is
pushed once it is done (the view called the service and showed any error itself),
so the stack's first ``redo`` does nothing; later ones do the step again. A step the journal
has moved past (the records were changed or removed meanwhile) is dropped from the stack and
the reason is told through ``controller.undo_failed``; nothing is written by a step that fails.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoGroup, QUndoStack

from recovery_journal.services.errors import (
    InvalidRecordError,
    RecordConflictError,
    RecordNotFoundError,
)

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtCore import SignalInstance

    from recovery_journal.domain.validation import Record
    from recovery_journal.services.backfill import BackfillDone
    from recovery_journal.services.deleted import Deleted
    from recovery_journal.services.session import JournalSession

#: What a step can meet when the journal changed since it was done.
STEP_ERRORS = (InvalidRecordError, RecordConflictError, RecordNotFoundError)


class StepHost(Protocol):
    """What a step needs of the window's controller (``ui.app.controller``): the session,
    the app's today, and where to say that a step no longer fits the journal."""

    session: JournalSession
    undo_failed: SignalInstance
    undo_stack: QUndoStack

    def today(self) -> dt.date: ...


_serials = itertools.count(1)


class ServiceStep(QUndoCommand):
    """One step on the stack; subclasses implement ``take_back`` and ``do_again``."""

    def __init__(self, controller: StepHost, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self.serial = next(_serials)  # tells steps apart without holding on to them
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # push() calls redo(): the step is already done
            self._pushed = True
            return
        self._run(self.do_again, "done again")

    def undo(self) -> None:
        self._run(self.take_back, "taken back")

    def _run(self, step: Callable[[], None], what: str) -> None:
        try:
            step()
        except STEP_ERRORS as error:
            self.setObsolete(True)  # the stack drops it: it no longer matches the journal
            self.controller.undo_failed.emit(
                f"“{self.actionText()}” couldn't be {what}, because your journal has changed "
                f"since: {error} Nothing was changed."
            )

    def take_back(self) -> None:
        raise NotImplementedError

    def do_again(self) -> None:
        raise NotImplementedError


class DeleteStep(ServiceStep):
    """Records deleted with ``session.delete_records``; undo brings them back (with new ids),
    redo deletes them again. ``shown`` runs after each with the records now in the journal
    (empty after a delete), so the view can select them."""

    def __init__(
        self,
        controller: StepHost,
        text: str,
        deleted: Deleted,
        shown: Callable[[Sequence[Record]], None] | None = None,
    ) -> None:
        super().__init__(controller, text)
        self._deleted = deleted
        self._records: Sequence[Record] = deleted.records
        self._shown = shown

    def take_back(self) -> None:
        self._records = self.controller.session.restore_records(self._deleted)
        if self._shown is not None:
            self._shown(self._records)

    def do_again(self) -> None:
        self._deleted = self.controller.session.delete_records(self._records)
        if self._shown is not None:
            self._shown(())


class BackfillStep(ServiceStep):
    """A calendar back-fill: undo and redo are each one change and one save."""

    def __init__(self, controller: StepHost, text: str, done: BackfillDone) -> None:
        super().__init__(controller, text)
        self._done = done

    def take_back(self) -> None:
        from recovery_journal.services.backfill import undo_backfill

        undo_backfill(self.controller.session, self._done)

    def do_again(self) -> None:
        from recovery_journal.services.backfill import redo_backfill

        session = self.controller.session
        self._done = redo_backfill(session, self._done, self.controller.today())


def step_state(stack: QUndoStack, serial: int) -> str:
    """``"next"`` when the step is the next to undo, ``"undone"`` when it was undone (and may
    be redone), ``"done"`` when later steps sit on top of it, ``"gone"`` when it left the
    stack (cleared, or dropped)."""
    for index in range(stack.count()):
        command = stack.command(index)
        if getattr(command, "serial", None) == serial:
            if index >= stack.index():
                return "undone"
            return "next" if index == stack.index() - 1 else "done"
    return "gone"


def undo_actions(source: QUndoStack | QUndoGroup, parent: QObject) -> tuple[QAction, QAction]:
    """Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, and the system's own Redo key) actions that take
    their text ("Undo delete the meeting") and enabled state from ``source``."""
    undo = source.createUndoAction(parent, "&Undo")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo = source.createRedoAction(parent, "&Redo")
    first = QKeySequence("Ctrl+Shift+Z")  # shown in the menu; the system's keys work too
    others = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    redo.setShortcuts([first, *(k for k in others if k != first)])
    for action, tip in ((undo, "Take back what you just did"), (redo, "Do it again")):
        action.setStatusTip(tip)
    return undo, redo
