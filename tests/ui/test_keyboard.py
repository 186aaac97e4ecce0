"""By keyboard alone: a focus ring you can see on toggles and sliders (light and dark), each
row of toggle buttons one Tab stop moved with the arrow keys, and a day typed into a date
field."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from recovery_journal.domain.models import DayRecord, DayStatus, Theme
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.common import theme
from recovery_journal.ui.common.keyboard import has_focus_ring
from recovery_journal.ui.dialogs.meeting import MeetingDialog
from recovery_journal.ui.pages.today.view import TodayView
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal, settle


@pytest.fixture
def restore_theme():
    yield
    theme.apply_theme(Theme.SYSTEM)


def _today(window) -> TodayView:
    page = window.shell.page("today")
    assert isinstance(page, TodayView)
    return page


def _journal_with_a_day(path, theme_choice: Theme = Theme.SYSTEM) -> None:
    session = JournalSession.open(path, PASSPHRASE)
    session.save_day(DayRecord(date=TODAY, status=DayStatus.ABSTINENT, mood=4))
    session.update_settings(theme=theme_choice)
    session.close()


def _tab_to(qtbot, window, widget: QWidget, limit: int = 60) -> list[QWidget]:
    """Press Tab until ``widget`` has the focus; returns every widget passed on the way."""
    passed: list[QWidget] = []
    for _ in range(limit):
        focus = window.focusWidget()
        if focus is widget:
            return passed
        passed.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.accessibleName()!r}")


def _ring_pixels(widget: QWidget) -> int:
    """How many pixels along the widget's edge are drawn in the focus colour."""
    image = widget.grab().toImage()
    ring = theme.focus_colour(widget)
    count = 0
    for x in range(image.width()):
        for y in (1, image.height() - 2):
            colour = QColor(image.pixel(x, y))
            distance = abs(colour.red() - ring.red()) + abs(colour.green() - ring.green())
            if distance + abs(colour.blue() - ring.blue()) < 60:
                count += 1
    return count


@pytest.mark.parametrize("choice", [Theme.LIGHT, Theme.DARK])
def test_a_focus_ring_shows_on_toggles_and_sliders(qtbot, launch, journal, restore_theme, choice):
    _journal_with_a_day(journal[0], choice)
    window = open_journal(qtbot, launch, journal[0])
    with qtbot.waitActive(window):
        window.activateWindow()
    form = _today(window).form
    assert theme.is_dark(window) == (choice == Theme.DARK)
    good = form.mood.buttons[4]  # chosen: filled with the highlight colour
    for target in (form.craving.slider, good, form.status_buttons[DayStatus.ABSTINENT]):
        _tab_to(qtbot, window, target)
        settle(qtbot)
        assert has_focus_ring(target), target.accessibleName()
        assert _ring_pixels(target) > target.width(), target.accessibleName()
    # a click gives the focus without a ring (the pointer shows where you are)
    slider = form.confidence.slider
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert slider.hasFocus() and not has_focus_ring(slider)
    assert _ring_pixels(slider) < slider.width() // 4
    qtbot.keyClick(slider, Qt.Key.Key_Right)  # then the keyboard: the ring shows
    assert has_focus_ring(slider)


def test_each_row_of_toggles_is_one_tab_stop(qtbot, launch, journal):
    _journal_with_a_day(journal[0])
    window = open_journal(qtbot, launch, journal[0])
    with qtbot.waitActive(window):
        window.activateWindow()
    form = _today(window).form
    rows = {
        "status": list(form.status_buttons.values()),
        "mood": list(form.mood.buttons.values()),
        "activities": list(form.activities.buttons.values()),
    }
    start = form.status_buttons[DayStatus.ABSTINENT]
    _tab_to(qtbot, window, start)
    passed = _tab_to(qtbot, window, form.note)
    for name, buttons in rows.items():
        stops = [widget for widget in passed if widget in buttons]
        assert len(stops) == 1, f"{name}: {[b.accessibleName() for b in stops]}"
    # Tab reaches the chosen mood, not the first
    assert form.mood.buttons[4] in passed


def test_arrows_move_within_a_row_and_never_choose(qtbot, launch, journal):
    _journal_with_a_day(journal[0])
    window = open_journal(qtbot, launch, journal[0])
    with qtbot.waitActive(window):
        window.activateWindow()
    session = window.controller.session
    form = _today(window).form
    abstinent = form.status_buttons[DayStatus.ABSTINENT]
    _tab_to(qtbot, window, abstinent)
    qtbot.keyClick(abstinent, Qt.Key.Key_Right)
    used = form.status_buttons[DayStatus.USED]
    assert used.hasFocus()
    assert form.status() == DayStatus.ABSTINENT  # moving is not choosing
    assert session.get_day(TODAY).status == DayStatus.ABSTINENT
    qtbot.keyClick(used, Qt.Key.Key_End)
    assert form.status_buttons[DayStatus.UNKNOWN].hasFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)  # round to the first
    assert abstinent.hasFocus()
    # the moved-to button is the row's stop now: Tab away and back lands on it
    qtbot.keyClick(abstinent, Qt.Key.Key_Left)
    assert form.status_buttons[DayStatus.UNKNOWN].hasFocus()
    mood = form.mood.buttons[4]
    _tab_to(qtbot, window, mood)
    qtbot.keyClick(mood, Qt.Key.Key_Left)
    assert form.mood.buttons[3].hasFocus() and form.mood.value() == 4
    qtbot.keyClick(form.mood.buttons[3], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: session.get_day(TODAY).mood == 3)


def test_typing_a_day_into_todays_date_field(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    with qtbot.waitActive(window):
        window.activateWindow()
    today = _today(window)
    field = today.date_edit
    _tab_to(qtbot, window, field)
    assert field.lineEdit().selectedText() == str(TODAY.day)  # the day, not the weekday
    qtbot.keyClicks(field, "3")
    assert today.day == TODAY  # nothing moves while typing
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert today.day == TODAY.replace(day=3)
    assert today.form.date == TODAY.replace(day=3)


def test_typing_a_day_into_a_dialogs_date_field(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    dialog = MeetingDialog(window.controller, TODAY, window)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    field = dialog.date
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, "12")
    assert dialog.date_of(field) == TODAY.replace(day=12)
    # the weekday shown first takes no digits: typing there goes to the day
    field.setCurrentSectionIndex(0)
    qtbot.keyClicks(field, "9")
    assert dialog.date_of(field) == dt.date(TODAY.year, TODAY.month, 9)
