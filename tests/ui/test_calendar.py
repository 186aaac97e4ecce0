"""Calendar: back-filling ranges, editing a day, memory aids, the keyboard, holidays."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from recovery_journal.domain.days import is_retrospective
from recovery_journal.domain.models import (
    AnchorEvent,
    ContactMode,
    DayRecord,
    DayStatus,
    Fellowship,
    JournalData,
    Meeting,
    Settings,
    SponsorContact,
)
from recovery_journal.ui.common.widgets import FieldMessage
from recovery_journal.ui.pages.calendar.dialogs import AnchorDialog, DayDialog
from recovery_journal.ui.pages.calendar.view import CalendarView
from tests.ui.conftest import settle
from tests.ui.test_accessibility import unnamed_controls, unreachable_controls
from tests.ui.test_journal_support import (
    TODAY,
    Journal,
    answer,
    page,
    question_text,
    visible,
    wait_for,
)

ONE = dt.timedelta(days=1)


def days_before(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def _at(day: dt.date) -> dt.datetime:
    """Entered on the evening of the day itself (so not retrospective)."""
    return dt.datetime.combine(day, dt.time(21, 0)).astimezone(dt.UTC)


def recorded(*pairs: tuple[int, DayStatus]) -> tuple[DayRecord, ...]:
    return tuple(
        DayRecord(date=days_before(n), status=s, entered_at=_at(days_before(n))) for n, s in pairs
    )


@pytest.fixture
def journal(tmp_path):
    """Ten days back recorded, with days 3 to 5 back missing, and a used day 40 days back."""
    days = recorded(
        *[(n, DayStatus.ABSTINENT) for n in (0, 1, 2, 6, 7, 8, 9)],
        (40, DayStatus.USED),
    )
    data = JournalData(
        settings=Settings(country="GB"),
        days=days,
        meetings=(Meeting(date=days_before(1), fellowship=Fellowship.AA, name="Tuesday Hope"),),
        contacts=(SponsorContact(date=days_before(2), mode=ContactMode.PHONE),),
        anchor_events=(AnchorEvent(date=days_before(38), label="Sam's birthday"),),
    )
    journal = Journal(tmp_path, data)
    yield journal
    journal.close()


@pytest.fixture
def view(qtbot, journal) -> CalendarView:
    calendar = page(qtbot, journal, CalendarView)
    assert isinstance(calendar, CalendarView)
    calendar.grid.setFocus()
    return calendar


def _key(qtbot, view, key, times=1, modifier=Qt.KeyboardModifier.NoModifier):
    for _ in range(times):
        qtbot.keyClick(view.grid, key, modifier)


def test_backfilling_a_range_with_the_keyboard_changes_the_figures(qtbot, view, journal):
    stats = journal.controller.stats()
    before = stats.pda["30"]
    figures_before = view.panel.figures.text()
    assert view.grid.current == TODAY
    _key(qtbot, view, Qt.Key.Key_Left, 3)  # three days back: the first day not filled in
    _key(qtbot, view, Qt.Key.Key_Left, 2, Qt.KeyboardModifier.ShiftModifier)
    assert view.grid.selection() == (days_before(5), days_before(3))
    assert view.panel.mark_label.text() == "Mark these 3 days as:"
    qtbot.mouseClick(view.panel.mark_buttons[DayStatus.ABSTINENT], Qt.MouseButton.LeftButton)
    session = journal.session
    for n in (3, 4, 5):
        assert session.get_day(days_before(n)).status == DayStatus.ABSTINENT
    after = journal.controller.stats().pda["30"]
    assert (after.abstinent, after.unknown) == (before.abstinent + 3, before.unknown - 3)
    assert view.panel.figures.text() != figures_before
    assert "Marked 3 days as abstinent." in view.undo_bar.label.text()
    cell = view.grid.cell(days_before(4))
    assert cell is not None and cell.status == DayStatus.ABSTINENT

    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    assert all(session.get_day(days_before(n)) is None for n in (3, 4, 5))
    assert journal.controller.stats().pda["30"].abstinent == before.abstinent
    assert view.panel.figures.text() == figures_before


def test_far_back_asks_gently_and_never_overwrites_without_asking(qtbot, view, journal):
    view.show_date(days_before(42))
    _key(qtbot, view, Qt.Key.Key_Right, 4, Qt.KeyboardModifier.ShiftModifier)  # 42 … 38
    qtbot.mouseClick(view.panel.mark_buttons[DayStatus.ABSTINENT], Qt.MouseButton.LeftButton)
    text = question_text(qtbot)
    assert "hard to remember that far back" in text
    assert "Anchors like birthdays or holidays" in text
    answer(qtbot, "Mark them abstinent")
    text = question_text(qtbot)
    assert "1 day of these already has a record (1 used)" in text
    answer(qtbot, "Only the 4 days not filled in")
    session = journal.session
    assert session.get_day(days_before(40)).status == DayStatus.USED  # kept as it was
    for n in (42, 41, 39, 38):
        assert session.get_day(days_before(n)).status == DayStatus.ABSTINENT

    # The same range again, as "used": now only the changed ones count, and "Cancel" changes
    # nothing at all.
    qtbot.mouseClick(view.panel.mark_buttons[DayStatus.USED], Qt.MouseButton.LeftButton)
    answer(qtbot, "Mark them used")
    assert "These 4 days are already recorded (4 abstinent)" in question_text(qtbot)
    answer(qtbot, "Cancel")
    assert session.get_day(days_before(42)).status == DayStatus.ABSTINENT

    data = journal.reopen()
    statuses = {d.date: d.status for d in data.days}
    assert statuses[days_before(40)] == DayStatus.USED
    assert statuses[days_before(42)] == DayStatus.ABSTINENT


def test_a_day_already_marked_the_same_is_left_alone(qtbot, view, journal):
    qtbot.mouseClick(view.panel.mark_buttons[DayStatus.ABSTINENT], Qt.MouseButton.LeftButton)
    assert view.question is None and not visible(QMessageBox)
    assert view.undo_bar.label.text() == "Nothing to change: this day is already marked abstinent."
    assert not view.undo_bar.undo_button.isVisible()


def test_editing_a_day_from_the_calendar(qtbot, view, journal):
    _key(qtbot, view, Qt.Key.Key_Left, 4)
    _key(qtbot, view, Qt.Key.Key_Return)
    dialog = wait_for(qtbot, DayDialog)
    assert isinstance(dialog, DayDialog)
    assert dialog.day == days_before(4)
    form = dialog.form
    dialog.save_button.click()  # nothing chosen yet: said inline, nothing saved
    assert form.message.isVisible() and "Choose how the day was" in form.message.text()
    assert journal.session.get_day(days_before(4)) is None
    qtbot.mouseClick(form.status_buttons[DayStatus.USED], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.substances, "alcohol")
    qtbot.keyClicks(form.note, "A hard evening. I called Sam afterwards.")
    form.craving.set_value(7)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = journal.session.get_day(days_before(4))
    assert (stored.status, stored.substances, stored.craving) == (
        DayStatus.USED,
        ("alcohol",),
        7,
    )
    assert stored.note == "A hard evening. I called Sam afterwards."
    assert view.grid.cell(days_before(4)).status == DayStatus.USED
    assert view.panel.status.text() == "Used"
    assert "I called Sam" in view.panel.details.text()

    # Opening it again shows what was saved; "Clear this day" asks first.
    view.edit_day(days_before(4))
    dialog = wait_for(qtbot, DayDialog)
    assert dialog.form.status() == DayStatus.USED
    dialog.form.clear_button.click()
    answer(qtbot, "Clear the day")
    assert journal.session.get_day(days_before(4)) is None

    data = journal.reopen()
    assert days_before(4) not in {d.date for d in data.days}


def test_an_edited_day_is_there_after_the_app_restarts(qtbot, view, journal):
    view.edit_day(days_before(3))
    dialog = wait_for(qtbot, DayDialog)
    dialog.form.status_buttons[DayStatus.UNKNOWN].click()
    dialog.save_button.click()
    data = journal.reopen()
    day = next(d for d in data.days if d.date == days_before(3))
    assert day.status == DayStatus.UNKNOWN
    assert is_retrospective(day) == ((day.entered_at.astimezone().date() - day.date).days > 2)


def test_days_to_come_cannot_be_filled_in(qtbot, view, journal):
    _key(qtbot, view, Qt.Key.Key_Right)
    assert view.grid.current == TODAY + ONE
    _key(qtbot, view, Qt.Key.Key_Return)
    settle(qtbot)  # nothing left to happen: no dialog is on its way
    assert not visible(DayDialog)
    assert not view.panel.edit_button.isEnabled()
    assert not any(b.isEnabled() for b in view.panel.mark_buttons.values())
    assert view.panel.status.text() == "This day hasn't come yet."


def test_keyboard_moves_by_day_week_and_month(qtbot, view, journal):
    assert view.title.text() == "March 2026"
    _key(qtbot, view, Qt.Key.Key_PageUp)
    assert view.grid.current == dt.date(2026, 2, 18)
    assert view.title.text() == "February 2026"
    _key(qtbot, view, Qt.Key.Key_Up)
    assert view.grid.current == dt.date(2026, 2, 11)
    _key(qtbot, view, Qt.Key.Key_Home)
    assert view.grid.current == dt.date(2026, 2, 1)
    _key(qtbot, view, Qt.Key.Key_Left)
    assert view.title.text() == "January 2026"
    _key(qtbot, view, Qt.Key.Key_End)
    assert view.grid.current == dt.date(2026, 1, 31)
    _key(qtbot, view, Qt.Key.Key_PageDown, 2)
    assert view.grid.current == dt.date(2026, 3, 28)  # 31 Jan → 28 Feb → 28 Mar
    _key(qtbot, view, Qt.Key.Key_PageDown)  # no further than this month
    assert view.grid.current == dt.date(2026, 3, 31) and not view.next_button.isEnabled()
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.grid.current == TODAY and view.grid.hasFocus()
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.title.text() == "February 2026"
    assert TODAY.strftime("%B") not in view.grid.accessibleName()
    assert "February 2026" in view.grid.accessibleName()
    assert view.grid.accessibleDescription().startswith("Wednesday 18 February 2026")


def test_shift_click_and_drag_select_ranges(qtbot, view):
    grid = view.grid
    first = grid.cell_rect(days_before(9)).center()
    last = grid.cell_rect(days_before(7)).center()
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, last)
    assert grid.selection() == (days_before(9), days_before(7))
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(days_before(6)).center())
    qtbot.mouseMove(grid, grid.cell_rect(days_before(3)).center())
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(days_before(3)).center())
    assert grid.selection() == (days_before(6), days_before(3))
    qtbot.mouseDClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(days_before(2)).center())
    dialog = wait_for(qtbot, DayDialog)
    assert dialog.day == days_before(2)
    dialog.reject()


def test_marks_holidays_anchors_and_days_filled_in_later(qtbot, view, journal):
    cell = view.grid.cell(days_before(1))
    assert cell.meetings == 1 and cell.status == DayStatus.ABSTINENT
    assert view.grid.cell(days_before(2)).contacts_two_way == 1
    assert not cell.retrospective
    view.show_date(dt.date(2025, 12, 25))
    christmas = view.grid.cell(dt.date(2025, 12, 25))
    assert "Christmas Day" in christmas.holidays
    assert christmas.record is None and not christmas.counted  # before tracking start
    view.show_date(days_before(38))
    assert view.grid.cell(days_before(38)).labels == ("Sam's birthday",)
    assert view.panel.current_anchor().label == "Sam's birthday"
    # A tooltip says it all in words.
    QToolTip.hideText()
    settle(qtbot)  # the grid laid out for the month shown
    rect = view.grid.cell_rect(days_before(40))
    qtbot.mouseMove(view.grid, rect.center())
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.grid.mapToGlobal(rect.center()))
    QApplication.sendEvent(view.grid, event)
    assert "Used." in QToolTip.text()
    # Filled in later: a day entered long after its date.
    late = DayRecord(
        date=days_before(20), status=DayStatus.ABSTINENT, entered_at=_at(days_before(10))
    )
    journal.session.save_day(late)
    view.show_date(days_before(20))
    assert view.grid.cell(days_before(20)).retrospective
    assert "Filled in later" in view.panel.details.text()


@pytest.mark.parametrize("country", ["", "ZZ", "gb"])
def test_holidays_follow_the_country_setting(qtbot, journal, country):
    journal.session.update_settings(country=country)
    calendar = page(qtbot, journal, CalendarView)
    calendar.show_date(dt.date(2025, 12, 25))
    names = calendar.grid.cell(dt.date(2025, 12, 25)).holidays
    assert ("Christmas Day" in names) == (country == "gb")


def test_memory_anchors_add_change_delete_and_undo(qtbot, view, journal):
    view.show_date(days_before(12))
    view.panel.add_anchor.click()
    dialog = wait_for(qtbot, AnchorDialog)
    dialog.save_button.click()  # no label: refused inline, next to the field
    assert dialog.isVisible()
    shown = [m.text() for m in dialog.findChildren(FieldMessage) if m.isVisible()]
    assert shown == ["Please say what happened that day."]
    assert journal.session.data().anchor_events == journal.controller.data().anchor_events
    assert len(journal.session.data().anchor_events) == 1
    qtbot.keyClicks(dialog.label, "Started the new job")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert view.grid.cell(days_before(12)).labels == ("Started the new job",)
    view.panel.change_anchor.click()
    dialog = wait_for(qtbot, AnchorDialog)
    dialog.label.setText("First day at the bakery")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert view.grid.cell(days_before(12)).labels == ("First day at the bakery",)
    view.panel.delete_anchor.click()
    assert view.grid.cell(days_before(12)).labels == ()
    view.undo_bar.undo_button.click()
    assert view.grid.cell(days_before(12)).labels == ("First day at the bakery",)
    data = journal.reopen()
    assert any(a.label == "First day at the bakery" for a in data.anchor_events)


def test_every_control_is_named_and_reachable(qtbot, view, journal):
    for root in (view, DayDialog(journal.controller, TODAY, view)):
        assert not unnamed_controls(root), unnamed_controls(root)
        assert not unreachable_controls(root), unreachable_controls(root)
    dialog = AnchorDialog(journal.controller, TODAY, view)
    assert not unnamed_controls(dialog)
    assert view.grid.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert view.grid.accessibleName() and view.grid.accessibleDescription()


def test_the_last_30_days_say_they_run_to_today_in_any_month(qtbot, view):
    view.show_date(TODAY - dt.timedelta(days=45))  # another month shown
    figures = view.panel.figures.text()
    assert "Last 30 days, to today:" in figures
    assert "Last 30 days:" not in figures
    assert "from the Calendar" not in figures  # this is the Calendar: "add them here"


def test_a_backfill_is_one_save_and_one_undo_step_undone_and_redone_as_one(qtbot, view, journal):
    session, stack = journal.session, journal.controller.undo_stack
    saves: list[object] = []
    session.listeners.append(saves.append)
    view.show_date(days_before(5))
    _key(qtbot, view, Qt.Key.Key_Right, 2, Qt.KeyboardModifier.ShiftModifier)  # 5 … 3 back
    qtbot.mouseClick(view.panel.mark_buttons[DayStatus.USED], Qt.MouseButton.LeftButton)
    assert len(saves) == 1  # three new days, one transaction, one save
    assert stack.count() == 1 and stack.undoText() == "mark 3 days as used"
    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(saves) == 2 and all(session.get_day(days_before(n)) is None for n in (3, 4, 5))
    assert view.undo_bar.label.text() == "Taken back: those days are as they were."
    assert not view.undo_bar.undo_button.isVisible()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, keys)  # redo
    assert len(saves) == 3
    assert [session.get_day(days_before(n)).status for n in (3, 4, 5)] == [DayStatus.USED] * 3
    assert view.undo_bar.undo_button.isVisible()
    assert (stack.count(), stack.index()) == (1, 1)


def test_clearing_a_day_from_its_dialog_can_be_undone(qtbot, view, journal):
    view.show_date(days_before(6))
    view.edit_day(days_before(6))
    dialog = wait_for(qtbot, DayDialog)
    dialog.form.clear_button.click()
    answer(qtbot, "Clear the day")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert journal.session.get_day(days_before(6)) is None
    journal.controller.undo_stack.undo()
    assert journal.session.get_day(days_before(6)).status == DayStatus.ABSTINENT
