"""Meetings: the table (add, edit, delete, undo, sort, search, filters) and its dialog."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from recovery_journal.domain.models import (
    Fellowship,
    JournalData,
    Meeting,
    MeetingFormat,
    ServiceRole,
)
from recovery_journal.ui.common.widgets import FieldMessage, to_qdate
from recovery_journal.ui.pages.meetings.dialog import MeetingEditDialog
from recovery_journal.ui.pages.meetings.view import MeetingsView
from tests.ui.conftest import settle
from tests.ui.test_accessibility import unnamed_controls, unreachable_controls
from tests.ui.test_journal_support import TODAY, Journal, page, wait_for


def days_before(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


MEETINGS = (
    Meeting(date=days_before(2), fellowship=Fellowship.AA, name="Tuesday Hope", home_group=True),
    Meeting(
        date=days_before(5),
        fellowship=Fellowship.NA,
        name="Just for today",
        format=MeetingFormat.ONLINE,
        time=dt.time(19, 0),
    ),
    Meeting(
        date=days_before(60),
        fellowship=Fellowship.OTHER,
        fellowship_label="Refuge Recovery",
        name="Sunday sit",
        notes="Quiet and kind.",
    ),
    Meeting(date=days_before(200), fellowship=Fellowship.AA, name="Tuesday Hope", helpfulness=8),
)


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path, JournalData(meetings=MEETINGS))
    yield journal
    journal.close()


@pytest.fixture
def view(qtbot, journal) -> MeetingsView:
    meetings = page(qtbot, journal, MeetingsView)
    assert isinstance(meetings, MeetingsView)
    return meetings


def _names(view: MeetingsView) -> list[str]:
    proxy = view.panel.proxy
    return [proxy.record(row).name for row in range(proxy.rowCount())]


def _messages(dialog) -> list[str]:
    return [m.text() for m in dialog.findChildren(FieldMessage) if m.isVisible()]


def test_add_edit_delete_and_undo_a_meeting_then_find_it_after_a_restart(qtbot, view, journal):
    table = view.panel.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    dialog = wait_for(qtbot, MeetingEditDialog)
    assert isinstance(dialog, MeetingEditDialog) and dialog.editing is None
    # Invalid input is refused inline, next to the field, and nothing is saved.
    dialog.date.setDate(to_qdate(TODAY + dt.timedelta(days=1)))
    assert "The date can't be in the future." in _messages(dialog)
    dialog.fellowship.setCurrentIndex(dialog.fellowship.findData(Fellowship.OTHER))
    dialog.fellowship_label.clear()
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "Please name the fellowship." in _messages(dialog)
    assert len(journal.session.data().meetings) == 4
    dialog.date.setDate(to_qdate(days_before(1)))
    qtbot.keyClicks(dialog.fellowship_label, "Celebrate Recovery")
    qtbot.keyClicks(dialog.name, "Friday night group")
    dialog.format.setCurrentIndex(dialog.format.findData(MeetingFormat.PHONE))
    dialog.shared.setChecked(True)
    dialog.role.setCurrentIndex(dialog.role.findData(ServiceRole.GREETER))
    dialog.helpfulness.set_value(9)
    dialog.duration.setValue(90)
    assert _messages(dialog) == []
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    added = view.panel.current_record()
    assert added.name == "Friday night group" and added.fellowship_label == "Celebrate Recovery"
    assert view.panel.count.text() == "5 meetings"

    # Edit with Enter.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = wait_for(qtbot, MeetingEditDialog)
    assert dialog.editing == added and dialog.windowTitle() == "Change a meeting"
    assert dialog.name.text() == "Friday night group" and dialog.helpfulness.value() == 9
    assert dialog.duration.value() == 90 and dialog.shared.isChecked()
    dialog.name.setText("Friday night step group")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert view.panel.current_record().name == "Friday night step group"
    assert len(journal.session.data().meetings) == 5

    # Delete with the Delete key, and bring it back with Ctrl+Z.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "Friday night step group" not in _names(view)
    assert view.panel.undo_bar.isVisible() and "Deleted the meeting" in (
        view.panel.undo_bar.label.text()
    )
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Friday night step group" in _names(view)
    assert view.panel.current_record().name == "Friday night step group"
    # Delete it again and undo with the button.
    view.panel.delete_button.click()
    assert "Friday night step group" not in _names(view)
    view.panel.undo_bar.undo_button.click()
    assert "Friday night step group" in _names(view)

    data = journal.reopen()
    saved = [m for m in data.meetings if m.name == "Friday night step group"]
    assert len(saved) == 1
    meeting = saved[0]
    assert (meeting.date, meeting.format, meeting.service_role, meeting.duration_min) == (
        days_before(1),
        MeetingFormat.PHONE,
        ServiceRole.GREETER,
        90,
    )


def test_sorting_searching_and_filtering(qtbot, view):
    assert _names(view) == ["Tuesday Hope", "Just for today", "Sunday sit", "Tuesday Hope"]
    header = view.panel.table.horizontalHeader()
    name_column = 3
    settle(qtbot)  # the columns sized to their contents before a position is read
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(name_column) + 5, header.height() // 2),
    )
    assert _names(view)[0] in ("Just for today", "Tuesday Hope")
    names = _names(view)
    assert names == sorted(names, key=str.casefold) or names == sorted(
        names, key=str.casefold, reverse=True
    )
    view.panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.keyClicks(view.panel.search, "quiet")  # the notes are searched too
    assert _names(view) == ["Sunday sit"]
    assert view.panel.count.text() == "Showing 1 of 4 meetings"
    view.panel.search.clear()
    view.fellowship_filter.setCurrentIndex(view.fellowship_filter.findText("AA"))
    assert _names(view) == ["Tuesday Hope", "Tuesday Hope"]
    view.fellowship_filter.setCurrentIndex(view.fellowship_filter.findText("Refuge Recovery"))
    assert _names(view) == ["Sunday sit"]
    view.fellowship_filter.setCurrentIndex(0)
    view.format_filter.setCurrentIndex(view.format_filter.findText("Online"))
    assert _names(view) == ["Just for today"]
    view.format_filter.setCurrentIndex(0)
    view.period_filter.setCurrentIndex(view.period_filter.findText("Last 30 days"))
    assert _names(view) == ["Tuesday Hope", "Just for today"]
    view.period_filter.setCurrentIndex(view.period_filter.findText("Last year"))
    assert len(_names(view)) == 4


def test_names_and_fellowships_used_are_offered_as_completions(qtbot, view):
    view.panel.add_button.click()
    dialog = wait_for(qtbot, MeetingEditDialog)
    names = dialog.name_completer.model().stringList()
    assert names[0] == "Tuesday Hope"  # the most used first
    assert set(names) == {"Tuesday Hope", "Just for today", "Sunday sit"}
    assert dialog.label_completer.model().stringList() == ["Refuge Recovery"]
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "tues")
    popup = dialog.name_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert dialog.name_completer.currentCompletion() == "Tuesday Hope"
    dialog.reject()


def test_the_context_menu_has_the_same_actions_and_sorting(qtbot, view):
    table = view.panel.table
    table.select_row(0)
    table.customContextMenuRequested.emit(table.visualRect(table.model().index(0, 0)).center())
    menu = table.menu
    assert menu is not None
    actions = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert actions == ["Add a meeting…", "Edit…", "Delete", "Sort by"]
    shortcuts = [a.shortcut().toString() for a in menu.actions()[:3]]
    assert shortcuts == ["Ins", "Return", "Del"]
    sort_menu = menu.actions()[-1].menu()
    by_name = next(a for a in sort_menu.actions() if a.text() == "Meeting")
    by_name.trigger()  # sorting without a mouse: the menu opens with the Menu key too
    assert _names(view) == ["Just for today", "Sunday sit", "Tuesday Hope", "Tuesday Hope"]
    menu.close()
    table.customContextMenuRequested.emit(table.visualRect(table.model().index(0, 0)).center())
    sort_menu = table.menu.actions()[-1].menu()
    next(a for a in sort_menu.actions() if a.text() == "Meeting").trigger()  # the other way
    assert _names(view) == ["Tuesday Hope", "Tuesday Hope", "Sunday sit", "Just for today"]
    # The menu was opened on "Just for today" (then first): the selection stayed with it.
    assert view.panel.current_record().name == "Just for today"
    table.menu.actions()[1].trigger()
    dialog = wait_for(qtbot, MeetingEditDialog)
    assert dialog.editing is not None and dialog.editing.name == "Just for today"
    dialog.reject()
    table.menu.close()


def test_the_figures_come_from_the_attendance_measures(qtbot, view, journal):
    attendance = journal.controller.stats().attendance
    assert f"Last 30 days: {attendance.meetings_30} meetings" in view.figures.text()
    assert f"last 90 days: {attendance.meetings_90} meetings" in view.figures.text()


def test_an_empty_journal_says_what_to_do(qtbot, tmp_path):
    empty = Journal(tmp_path / "empty")
    view = page(qtbot, empty, MeetingsView)
    assert view.panel.empty.isVisible() and "No meetings logged yet" in view.panel.empty.text()
    # The filters say what they show, even before there is anything to filter.
    assert view.fellowship_filter.currentText() == "All fellowships"
    assert view.format_filter.currentText() == "All formats"
    assert view.period_filter.currentText() == "All time"
    assert not view.panel.edit_button.isEnabled() and not view.panel.delete_button.isEnabled()
    view.focus_first()
    assert view.panel.add_button.hasFocus() or QApplication.focusWidget() is None
    empty.close()


def test_every_control_is_named_and_reachable(qtbot, view, journal):
    dialog = MeetingEditDialog(journal.controller, TODAY, view, MEETINGS[0])
    for root in (view, dialog):
        assert not unnamed_controls(root), unnamed_controls(root)
        assert not unreachable_controls(root), unreachable_controls(root)


def test_sorting_with_the_keyboard_from_the_column_titles(qtbot, view):
    header = view.panel.table.horizontalHeader()
    assert header.focusPolicy() & Qt.FocusPolicy.TabFocus
    header.setFocus()
    for _ in range(3):  # Date → Time → Fellowship → Meeting
        qtbot.keyClick(header, Qt.Key.Key_Right)
    qtbot.keyClick(header, Qt.Key.Key_Space)
    assert _names(view) == ["Just for today", "Sunday sit", "Tuesday Hope", "Tuesday Hope"]
    assert "Meeting, sorted ascending" in header.accessibleDescription()
    qtbot.keyClick(header, Qt.Key.Key_Space)  # again: the other way round
    assert _names(view) == ["Tuesday Hope", "Tuesday Hope", "Sunday sit", "Just for today"]
    view.panel.search.setFocus()
    qtbot.keyClick(view.panel.search, Qt.Key.Key_A)
    qtbot.keyClick(view.panel.search, Qt.Key.Key_Escape)  # Escape clears the search
    assert view.panel.search.text() == ""


def test_the_helpfulness_slider_is_the_shared_one_with_no_words_added(qtbot, journal):
    """The value and the end words are the shared RatingSlider's (ui/common/choices.py); the dialog
    adds no label of its own beside them that could run into "Not at all … Very Not rated"."""
    from PySide6.QtWidgets import QLabel

    from recovery_journal.ui.common.choices import RatingSlider

    dialog = MeetingEditDialog(journal.controller, TODAY, None, MEETINGS[3])
    qtbot.addWidget(dialog)
    assert type(dialog.helpfulness) is RatingSlider and dialog.helpfulness.value() == 8
    row = dialog.helpfulness.parentWidget()
    extra = [
        label.text()
        for label in row.findChildren(QLabel)
        if label.text() and not dialog.helpfulness.isAncestorOf(label)
    ]
    assert extra == []
    label = dialog.form.labelForField(row)
    assert isinstance(label, QLabel) and label.text() == "Ho&w helpful:"


def test_a_refusal_by_the_service_shows_next_to_the_field_and_saves_nothing(
    qtbot, view, journal, monkeypatch
):
    view.add_meeting()
    dialog = wait_for(qtbot, MeetingEditDialog)
    # A form whose own check missed the problem: Save still goes through the service, which
    # checks first and refuses with a typed error; the form shows it where it belongs.
    monkeypatch.setattr(dialog, "validate", lambda _record: [])
    dialog.date.setDate(to_qdate(TODAY + dt.timedelta(days=1)))
    before = journal.session.revision
    dialog.save_button.click()
    assert dialog.isVisible()
    assert _messages(dialog) == ["The date can't be in the future."]
    assert journal.session.revision == before
    assert len(journal.session.data().meetings) == len(MEETINGS)
    dialog.reject()
