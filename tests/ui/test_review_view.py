"""Review mode: opening, changing the period, notes on and off, talking points, the full-screen
presentation (Esc remembers the review) and closing everything on lock."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QPlainTextEdit,
    QWidget,
)

from recovery_journal.charts.report import (
    gather_report,
    period_for_range,
    period_since_last_review,
    summary_cards,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.pages.review.view import ReviewView
from tests.conftest import FAST_KDF
from tests.report.journal import (
    AS_OF,
    DAY_NOTE,
    JOURNAL_BODY,
    LAST_REVIEW,
    NEVER_SHOWN,
    TALKING_POINTS,
    journal,
    store,
)


@pytest.fixture
def session(tmp_path):
    session, _ = JournalSession.create(tmp_path / "j.rjvault", "a long passphrase", kdf=FAST_KDF)
    store(session, journal())
    yield session
    if session.is_unlocked:
        session.close()


@pytest.fixture
def view(qtbot, session):
    view = ReviewView(session, lambda: AS_OF)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def card_values(view: ReviewView) -> list[str]:
    return [card.value.text() for card in view.review.cards]


def test_opens_on_the_time_since_the_last_review_with_the_domain_figures(view, session):
    data = session.data()
    expected = gather_report(data, period_since_last_review(data, AS_OF))
    assert view.picker.key == "since_last_review"
    assert view.period_label.text().startswith("Since your last review: 10 Mar 2026 – 31 Mar 2026.")
    assert card_values(view) == [card.value for card in summary_cards(expected)]
    assert [box.name for box in view.review.charts] == [
        "calendar",
        "pda",
        "attendance",
        "contacts",
        "alliance",
        "wellbeing",
    ]
    assert view.points.toPlainText() == TALKING_POINTS
    assert not view.notes_box.isChecked()


def test_changing_the_period_changes_every_figure(qtbot, view, session):
    data = session.data()
    view.picker.set_key("90d")
    expected = gather_report(data, period_for_range(data, AS_OF, "90d"))
    assert view.content is not None and view.content.period.start == dt.date(2026, 1, 1)
    assert card_values(view) == [card.value for card in summary_cards(expected)]
    assert not view.picker.from_edit.isEnabled()

    view.picker.set_key("custom")
    assert view.picker.from_edit.isEnabled() and view.picker.to_edit.isEnabled()
    view.picker.from_edit.setDate(view.picker.from_edit.date().addDays(20))
    assert view.content.period.start == dt.date(2026, 1, 21)
    assert view.content.period.label == "Your chosen period"


def test_notes_show_only_while_the_box_is_ticked_and_never_the_private_rest(view):
    assert DAY_NOTE not in view.review.visible_text()
    view.picker.set_key("90d")
    view.notes_box.setChecked(True)
    shown = view.review.visible_text()
    assert DAY_NOTE in shown and JOURNAL_BODY in shown
    for private in NEVER_SHOWN:
        assert private not in shown
    view.notes_box.setChecked(False)
    assert DAY_NOTE not in view.review.visible_text()


def test_the_notes_box_is_unticked_each_time_the_page_opens(qtbot, view):
    view.notes_box.setChecked(True)
    view.hide()
    view.show()
    qtbot.waitExposed(view)
    assert not view.notes_box.isChecked()
    assert DAY_NOTE not in view.review.visible_text()


def test_talking_points_are_saved_in_the_journal(qtbot, view, session):
    view.points.setPlainText("Ask how to handle the wedding.")
    assert session.settings().talking_points == TALKING_POINTS  # not yet: waits for a pause
    qtbot.waitUntil(lambda: session.settings().talking_points.startswith("Ask how"))
    view.points.setPlainText("Changed again")
    view.flush()
    assert session.settings().talking_points == "Changed again"


def test_saving_talking_points_does_not_rebuild_the_charts(qtbot, view):
    boxes = list(view.review.charts)
    view.points.setPlainText("Something new")
    view.flush()
    view.refresh()
    assert view.review.charts == boxes


def test_start_review_goes_full_screen_read_only_and_esc_remembers_the_review(qtbot, view, session):
    view.notes_box.setChecked(False)
    view.start_button.click()
    window = view.presentation
    assert window is not None
    qtbot.waitExposed(window)
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    shown = window.content.visible_text()
    assert "Ask about the step four inventory." in shown
    assert DAY_NOTE not in shown
    editable = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, (QPlainTextEdit, QComboBox, QDateEdit, QCheckBox))
    ]
    assert editable == []

    qtbot.keyClick(window.scroll_area, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.presentation is None)
    assert session.settings().last_review == AS_OF
    assert view.presentation is None
    assert "Your review on 31 March 2026 is noted" in view.recorded_label.text()
    # The page keeps showing the period just reviewed.
    assert view.picker.key == "custom"
    assert (view.content.period.start, view.content.period.end) == (LAST_REVIEW, AS_OF)


def test_the_presentation_shows_notes_only_when_ticked(qtbot, view):
    view.notes_box.setChecked(True)
    view.start_review()
    window = view.presentation
    assert window is not None
    assert DAY_NOTE not in window.content.visible_text()  # none since the last review
    window.close_quietly()
    view.picker.set_key("90d")
    view.notes_box.setChecked(True)
    view.start_review()
    window = view.presentation
    assert DAY_NOTE in window.content.visible_text()
    window.close_quietly()


def test_locking_closes_the_presentation_without_remembering_a_review(qtbot, view, session):
    view.start_review()
    window = view.presentation
    assert window is not None and window.isVisible()
    session.lock()
    qtbot.waitUntil(lambda: view.presentation is None)
    session.unlock("a long passphrase")
    assert session.settings().last_review == LAST_REVIEW


def test_close_private_closes_the_presentation_and_hides_notes(qtbot, view, session):
    view.notes_box.setChecked(True)
    view.start_review()
    assert view.presentation is not None
    view.close_private()
    assert view.presentation is None and not view.notes_box.isChecked()
    assert view.review.charts == []
    assert session.settings().last_review == LAST_REVIEW


def test_every_control_has_an_accessible_name_and_f5_starts_the_review(qtbot, view):
    controls = [
        w
        for w in view.findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QComboBox, QDateEdit, QPlainTextEdit))
        and w.isVisibleTo(view)
    ]
    assert controls and all(w.accessibleName() for w in controls)
    view.start_button.setFocus()
    qtbot.keyClick(view.start_button, Qt.Key.Key_F5)
    assert view.presentation is not None
    view.presentation.close_quietly()


def test_the_page_protocol_construction_works_with_a_controller(qtbot, session):
    from recovery_journal.ui.app.controller import JournalController

    controller = JournalController(session, clock=lambda: AS_OF)
    page = ReviewView(controller, None)
    qtbot.addWidget(page)
    page.show()
    page.start_review()
    assert page.presentation is not None
    controller.about_to_lock.emit()
    assert page.presentation is None or not page.presentation.isVisible()
