"""Shared helpers for the Calendar, Meetings, Sponsor and Journal tests (no tests in here).

Each test builds its page directly with a real session on disk and a real controller, and
refreshes the page after every change as the window's shell does for the current page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from recovery_journal.domain.models import JournalData
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.app.controller import JournalController
from recovery_journal.ui.common.undo import undo_actions
from tests.conftest import FAST_KDF

PASSPHRASE = "steady morning light"
TODAY = dt.date(2026, 3, 18)  # a Wednesday


class Journal:
    """A journal on disk with a controller; :meth:`reopen` closes it and opens it again."""

    def __init__(self, folder: Path, data: JournalData | None = None) -> None:
        self.path = folder / "journal" / "journal.rjvault"
        session, _code = JournalSession.create(self.path, PASSPHRASE, kdf=FAST_KDF)
        if data is not None:
            session.add_all(data)
            if data.settings != JournalData().settings:
                changes = {
                    name: getattr(data.settings, name)
                    for name in data.settings.__dataclass_fields__
                }
                session.update_settings(**changes)
        self.controller = JournalController(session, clock=lambda: TODAY)

    @property
    def session(self) -> JournalSession:
        return self.controller.session

    def reopen(self) -> JournalData:
        """Close the journal, open it again from disk and return what it holds."""
        self.controller.close()
        session = JournalSession.open(self.path, PASSPHRASE)
        self.controller = JournalController(session, clock=lambda: TODAY)
        return session.data()

    def close(self) -> None:
        if self.controller.session.is_unlocked:
            self.controller.close()


def page(qtbot, journal: Journal, view_class: type[QWidget]) -> QWidget:
    """The page, shown at a laptop size, refreshed after each change like the current page,
    with the window's Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) as its own actions."""
    view = view_class(journal.controller, None)
    qtbot.addWidget(view)
    view.addActions(list(undo_actions(journal.controller.undo_stack, view)))  # Edit › Undo
    view.resize(1200, 720)
    journal.controller.changed.connect(view.refresh)
    view.show()
    qtbot.waitExposed(view)
    view.refresh()
    return view


def visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def wait_for(qtbot, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: bool(visible(kind)))
    return visible(kind)[0]


def answer(qtbot, label: str) -> None:
    """Click the button labelled ``label`` in the question box on screen."""
    box = wait_for(qtbot, QMessageBox)
    assert isinstance(box, QMessageBox)
    for button in box.buttons():
        if button.text().replace("&", "") == label:
            button.click()
            qtbot.waitUntil(lambda: not box.isVisible())
            return
    raise AssertionError(f"no button {label!r} in {[b.text() for b in box.buttons()]}")


def question_text(qtbot) -> str:
    box = wait_for(qtbot, QMessageBox)
    assert isinstance(box, QMessageBox)
    return box.text()
