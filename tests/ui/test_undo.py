"""The window's one undo stack: Edit › Undo / Redo (Ctrl+Z, Ctrl+Shift+Z), their text and
state from the stack, steps from every page on it, emptied when the journal locks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from recovery_journal.domain.models import (
    CallListPerson,
    ContactMode,
    DayRecord,
    DayStatus,
    Fellowship,
    Meeting,
    Sponsor,
    SponsorContact,
)
from recovery_journal.services.session import JournalSession
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal, unlock
from tests.ui.test_journal_support import answer, visible, wait_for

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _fill(path) -> None:
    session = JournalSession.open(path, PASSPHRASE)
    session.set_clock(lambda: TODAY)
    session.write_many(
        put=[
            Meeting(date=TODAY, fellowship=Fellowship.AA, name="Wednesday Hope"),
            Sponsor(key="robin", name="Robin", started_on=TODAY.replace(day=1)),
            SponsorContact(date=TODAY, mode=ContactMode.PHONE, sponsor_key="robin"),
            DayRecord(date=TODAY, status=DayStatus.ABSTINENT, note="a calm day"),
            CallListPerson(name="Sam", phone="555 0100"),
        ]
    )
    session.close()


def _names(view) -> list[str]:
    return [view.panel.proxy.record(r).name for r in range(view.panel.proxy.rowCount())]


def test_edit_menu_undo_and_redo_follow_the_window_stack(qtbot, launch, journal):
    path, _code = journal
    _fill(path)
    window = open_journal(qtbot, launch, path)
    undo, redo = window.undo_action, window.redo_action
    assert (undo.isEnabled(), redo.isEnabled()) == (False, False)
    assert undo.shortcut().toString() == "Ctrl+Z" and redo.shortcut().toString() == "Ctrl+Shift+Z"
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert menu.actions() == [undo, redo]

    window.show_page("meetings")
    meetings = window.shell.page("meetings")
    meetings.panel.table.select_row(0)
    meetings.panel.delete_button.click()
    assert _names(meetings) == []
    assert undo.isEnabled() and undo.text() == "&Undo delete the meeting"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # Ctrl+Z anywhere in the window
    assert _names(meetings) == ["Wednesday Hope"]
    assert meetings.panel.current_record().name == "Wednesday Hope"  # selected again
    assert redo.isEnabled() and redo.text() == "&Redo delete the meeting"
    assert meetings.panel.undo_bar.label.text() == "Brought back."
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _names(meetings) == [] and not redo.isEnabled()
    undo.trigger()  # Edit › Undo
    assert [m.name for m in window.controller.data().meetings] == ["Wednesday Hope"]

    # A step from another page goes on the same stack.
    window.show_page("today")
    today = window.shell.page("today")
    today.form.clear_button.click()
    assert window.controller.session.get_day(TODAY) is None
    assert undo.text() == "&Undo clear Wednesday 18 March"
    assert window.controller.undo_stack.count() == 1  # a new step drops the undone one
    today.undo_button.click()  # the banner's Undo is the same step
    assert window.controller.session.get_day(TODAY).note == "a calm day"  # type: ignore[union-attr]
    assert not today.cleared.isVisible()

    # Locking empties the stack: no record outlives the lock in an undo step.
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert window.controller.undo_stack.count() == 0
    unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.shell is not None)
    assert not undo.isEnabled() and not redo.isEnabled()


def test_deleting_a_sponsor_is_undone_with_their_contacts_named_again(qtbot, launch, journal):
    path, _code = journal
    _fill(path)
    window = open_journal(qtbot, launch, path)
    window.show_page("sponsor")
    tab = window.shell.page("sponsor").sponsors_tab
    tab.panel.table.select_row(0)
    tab.delete_sponsor([tab.panel.current_record()])
    answer(qtbot, "Delete")
    data = window.controller.data()
    assert data.sponsors == () and data.contacts[0].sponsor_key is None
    assert not tab.panel.undo_bar.undo_button.isHidden()  # the tab itself is not shown
    tab.panel.undo_bar.undo_button.click()
    data = window.controller.data()
    assert [s.name for s in data.sponsors] == ["Robin"]
    assert data.contacts[0].sponsor_key == "robin"
    assert tab.panel.undo_bar.label.text() == "Brought back, with their contacts and check-ins."


def test_a_step_the_journal_has_moved_past_is_dropped_and_said(qtbot, launch, journal):
    path, _code = journal
    _fill(path)
    window = open_journal(qtbot, launch, path)
    window.show_page("today")
    today = window.shell.page("today")
    today.form.clear_button.click()
    stack = window.controller.undo_stack
    # The date moves back (the computer's clock was changed): bringing the day back would now
    # put a record in the future, which the service refuses.
    window.controller.session.set_clock(lambda: TODAY.replace(day=17))
    stack.undo()
    assert stack.count() == 0  # dropped, not left to fail again
    assert window.controller.session.get_day(TODAY) is None
    box = wait_for(qtbot, QMessageBox)
    assert "couldn't be taken back" in box.text() and "Nothing was changed." in box.text()
    box.accept()
    qtbot.waitUntil(lambda: not visible(QMessageBox))
