"""Today fits one screen (1366×768 at 100 %, and the same screen at 125 %), never scrolls
sideways, and shows one calm message without moving the form under the pointer."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from recovery_journal.domain.models import CallListPerson, DayRecord, DayStatus
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.pages.today.view import TodayView
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal, settle, unlock


def _fuller_journal(path) -> None:
    session = JournalSession.open(path, PASSPHRASE)
    session.update_settings(sobriety_date=TODAY - dt.timedelta(days=20))
    for offset in range(1, 21):
        session.save_day(
            DayRecord(date=TODAY - dt.timedelta(days=offset), status=DayStatus.ABSTINENT)
        )
    session.add_call_person(CallListPerson(name="Robin", role="Sponsor", phone="07700 900123"))
    session.add_call_person(CallListPerson(name="Sam", role="Friend", phone="07700 900456"))
    session.close()


def _today(window) -> TodayView:
    page = window.shell.page("today")
    assert isinstance(page, TodayView)
    return page


def _scroll(today: TodayView) -> QScrollArea:
    return today.findChild(QScrollArea)


# 1093×614 is what a 1366×768 screen offers at 125 % scaling.
@pytest.mark.parametrize("size", [(1366, 768), (1093, 614)])
def test_today_fits_one_screen_with_its_message(qtbot, launch, journal, size):
    path, _code = journal
    _fuller_journal(path)
    window = open_journal(qtbot, launch, path)
    window.resize(*size)
    today = _today(window)
    settle(qtbot)
    scroll = _scroll(today)
    assert today.side_by_side
    assert scroll.horizontalScrollBar().maximum() == 0
    assert scroll.verticalScrollBar().maximum() == 0

    used = today.form.status_buttons[DayStatus.USED]
    before = used.mapTo(window, QPoint(0, 0))
    used.click()
    settle(qtbot)
    assert today.prompt.isVisible()
    assert not today.sobriety_offer.isVisible()  # one message at a time
    assert used.mapTo(window, QPoint(0, 0)) == before  # nothing moved under the pointer
    assert scroll.horizontalScrollBar().maximum() == 0
    note_bottom = today.form.note.mapTo(today, QPoint(0, today.form.note.height())).y()
    assert note_bottom <= today.height()  # the note stays on screen
    if size == (1366, 768):
        assert scroll.verticalScrollBar().maximum() == 0  # the message and the cards fit too
    for card in today.cards:  # never squeezed: each card gets the height its words need
        assert card.height() >= card.heightForWidth(card.width()) - card.fontMetrics().height() // 2


@pytest.mark.parametrize("size", [(1366, 768), (1093, 614)])
def test_a_window_sized_before_unlocking_fits_without_scrolling(qtbot, launch, journal, size):
    """The page is first laid out while the journal opens, in passes Qt orders its own way
    (and differently on a busy machine): the cards' fit follows the layout to its end."""
    path, _code = journal
    _fuller_journal(path)
    window = launch(path).window
    window.resize(*size)
    settle(qtbot)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    settle(qtbot)
    today = _today(window)
    assert today.side_by_side and today.notices.isVisibleTo(today)  # a message beside the cards
    assert _scroll(today).verticalScrollBar().maximum() == 0
    if size == (1366, 768):  # room enough: every card keeps all its lines
        assert not any(card.compact for card in today.cards)


def test_a_narrow_window_puts_the_cards_below_and_never_scrolls_sideways(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    window.resize(900, 600)
    today = _today(window)
    settle(qtbot)
    assert not today.side_by_side
    assert _scroll(today).horizontalScrollBar().maximum() == 0
    content = _scroll(today).widget()
    assert content.width() <= _scroll(today).viewport().width()
    used = today.form.status_buttons[DayStatus.USED]
    before = used.mapTo(window, QPoint(0, 0))
    used.click()
    settle(qtbot)
    assert today.prompt.isVisible()
    assert used.mapTo(window, QPoint(0, 0)) == before
    # The message shows under the status question, not out of sight below the form.
    assert today.prompt.mapTo(today, QPoint(0, 0)).y() < today.form.note.mapTo(today, QPoint()).y()


def test_sliders_show_their_value_apart_from_the_end_labels(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    form = _today(window).form
    assert form.craving_label.text() == "&Craving: Not rated"
    form.status_buttons[DayStatus.ABSTINENT].click()
    form.craving.set_value(9)
    form.confidence.set_value(1)
    assert form.craving_label.text() == "&Craving: 9 of 10"
    assert form.confidence_label.text() == "C&onfidence: 1 of 10"
    assert form.craving.high_label.text() == "Very strong"  # the end label stays alone
    assert form.confidence.high_label.text() == "Completely"
    assert not form.craving.value_label.isVisibleTo(form)


def test_the_chosen_status_is_marked_by_more_than_colour(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    form = _today(window).form
    used = form.status_buttons[DayStatus.USED]
    used.click()
    assert used.text().startswith("✓")
    assert "chosen" in used.accessibleDescription()
    assert used.accessibleName() == "Used"
    assert not form.status_buttons[DayStatus.ABSTINENT].text().startswith("✓")


def test_another_day_says_the_figures_are_as_of_today(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    today = _today(window)
    assert not today.figures_note.isVisibleTo(today)
    today.previous_button.click()
    assert today.figures_note.isVisibleTo(today)
    assert "as of today" in today.figures_note.text()
