"""Sponsor: contacts (add, edit, delete, undo), the relationship check-in and its score, the
sponsors list, and a check-in suggested when the sponsor changes or a month has passed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionHeader

from recovery_journal.domain.alliance import alliance_score, area_scores
from recovery_journal.domain.formatting import format_score
from recovery_journal.domain.models import (
    ALLIANCE_ITEMS,
    AllianceCheckin,
    ContactMode,
    Initiator,
    JournalData,
    Sponsor,
    SponsorContact,
    Topic,
)
from recovery_journal.ui.common.widgets import FieldMessage, to_qdate
from recovery_journal.ui.dialogs.checkin import CheckinDialog
from recovery_journal.ui.dialogs.checkin_form import NO_SPONSOR_YET, NOT_A_TEST, SKIP
from recovery_journal.ui.dialogs.sponsor import ContactEditDialog, SponsorDialog
from recovery_journal.ui.pages.sponsor.view import SponsorView
from tests.ui.test_accessibility import _mnemonics, unnamed_controls, unreachable_controls
from tests.ui.test_journal_support import (
    TODAY,
    Journal,
    answer,
    page,
    question_text,
    wait_for,
)


def days_before(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


DANA = Sponsor(key="dana", name="Dana", started_on=days_before(200))


@pytest.fixture
def journal(tmp_path):
    data = JournalData(
        sponsors=(DANA,),
        contacts=(
            SponsorContact(date=days_before(3), mode=ContactMode.PHONE, sponsor_key="dana"),
            SponsorContact(
                date=days_before(9),
                mode=ContactMode.TEXT,
                sponsor_key="dana",
                two_way=False,
                notes="No answer yet",
            ),
        ),
        checkins=(
            AllianceCheckin(
                date=days_before(10),
                sponsor_key="dana",
                answers=dict.fromkeys(ALLIANCE_ITEMS, 3),
            ),
        ),
    )
    journal = Journal(tmp_path, data)
    yield journal
    journal.close()


@pytest.fixture
def view(qtbot, journal) -> SponsorView:
    sponsor = page(qtbot, journal, SponsorView)
    assert isinstance(sponsor, SponsorView)
    return sponsor


def _messages(dialog) -> list[str]:
    return [m.text() for m in dialog.findChildren(FieldMessage) if m.isVisible()]


def _contact_notes(view: SponsorView) -> list[str]:
    proxy = view.contacts.proxy
    return [proxy.record(row).notes for row in range(proxy.rowCount())]


def test_add_edit_delete_and_undo_a_contact_then_find_it_after_a_restart(qtbot, view, journal):
    assert view.tabs.currentIndex() == 0
    table = view.contacts.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    dialog = wait_for(qtbot, ContactEditDialog)
    assert isinstance(dialog, ContactEditDialog)
    assert dialog.sponsor.currentData() == "dana"  # the current sponsor is chosen
    # Refused inline: a date to come, and a new sponsor without a name.
    dialog.date.setDate(to_qdate(TODAY + dt.timedelta(days=2)))
    assert "The date can't be in the future." in _messages(dialog)
    dialog.sponsor.setCurrentIndex(dialog.sponsor.findData("__new__"))
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "Please give a name or a nickname." in _messages(dialog)
    assert len(journal.session.data().contacts) == 2
    dialog.sponsor.setCurrentIndex(dialog.sponsor.findData("dana"))
    dialog.date.setDate(to_qdate(days_before(1)))
    dialog.mode.buttons[ContactMode.VIDEO].click()
    dialog.initiated.buttons[Initiator.SPONSOR].click()
    dialog.duration.setValue(30)
    dialog.topics.buttons[Topic.STEPS].click()
    dialog.topics.buttons[Topic.CRAVING].click()
    qtbot.keyClicks(dialog.notes, "Step four, slowly.")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    added = view.contacts.current_record()
    assert added.notes == "Step four, slowly." and added.mode == ContactMode.VIDEO
    assert view.contacts.count.text() == "3 contacts"

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = wait_for(qtbot, ContactEditDialog)
    assert dialog.editing == added and dialog.windowTitle() == "Change a sponsor contact"
    assert dialog.mode.value() == ContactMode.VIDEO
    assert dialog.initiated.value() == Initiator.SPONSOR
    assert set(dialog.topics.values()) == {Topic.STEPS, Topic.CRAVING}
    dialog.two_way.setChecked(False)  # it was only one way after all
    dialog.notes.setPlainText("Left a message about step four.")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    changed = view.contacts.current_record()
    assert (changed.two_way, changed.notes) == (False, "Left a message about step four.")
    assert len(journal.session.data().contacts) == 3

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "Left a message about step four." not in _contact_notes(view)
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Left a message about step four." in _contact_notes(view)

    data = journal.reopen()
    contact = next(c for c in data.contacts if c.notes == "Left a message about step four.")
    assert (contact.date, contact.sponsor_key, contact.two_way, contact.duration_min) == (
        days_before(1),
        "dana",
        False,
        30,
    )
    assert set(contact.topics) == {Topic.STEPS, Topic.CRAVING}


def test_filters_two_way_and_sponsor(qtbot, view):
    view.two_way_filter.setCurrentIndex(view.two_way_filter.findText("One-way only"))
    assert _contact_notes(view) == ["No answer yet"]
    view.two_way_filter.setCurrentIndex(0)
    view.sponsor_filter.setCurrentIndex(view.sponsor_filter.findText("Not named"))
    assert _contact_notes(view) == []
    view.sponsor_filter.setCurrentIndex(view.sponsor_filter.findText("Dana"))
    assert len(_contact_notes(view)) == 2


def test_a_checkin_with_one_statement_skipped_and_its_score(qtbot, view, journal):
    view.tabs.setCurrentIndex(1)
    form = view.checkin_form
    assert NOT_A_TEST in form.note_label.text()
    assert "not a validated test" in form.note_label.text()
    answers = {"B1": 4, "B2": 3, "R1": 3, "R2": 1, "G1": 2, "G2": 3, "T1": None, "T2": 4}
    for number, item in enumerate(ALLIANCE_ITEMS):
        if number < 5:  # five answered: not enough for a score yet
            form.buttons[item][answers[item] if answers[item] is not None else SKIP].click()
    assert "Answer at least 6 of the 8 statements" in form.score.text()
    assert "(5 answered so far)" in form.score.text()
    # The keyboard works within a row: the arrows move the answer along it.
    form.buttons["G2"][4].click()
    form.buttons["G2"][4].setFocus()
    qtbot.keyClick(form.buttons["G2"][4], Qt.Key.Key_Left)
    assert form.answers()["G2"] == 3
    form.set_answer("G2", 3)
    form.buttons["T2"][4].click()  # T1 stays skipped
    expected = alliance_score(answers)
    assert expected is not None
    # On screen a whole number, halves up (the stored score keeps one decimal: 78.6).
    assert format_score(expected) == "78.6"
    assert form.score.text() == "Score: 79 out of 100"
    areas = area_scores(answers)
    assert areas["bond"] == 87.5
    assert "Feeling cared for: 88" in form.areas.text()  # 87.5 rounds half up
    assert "Respect: " in form.areas.text() and "Shared goals: " in form.areas.text()
    assert "Working together: —" in form.areas.text()  # one of its two statements is skipped
    assert "Bond" not in form.areas.text() and "." not in form.areas.text().split(". ")[0]
    assert "not a grade" in form.areas.text()
    assert "only describe" not in form.areas.text()
    qtbot.keyClicks(form.note, "Feeling heard.")
    form.save_button.click()
    stored = journal.session.data().checkins[-1]
    assert dict(stored.answers) == answers
    assert alliance_score(stored.answers) == expected
    history = view.history
    assert history.proxy.rowCount() == 2
    assert history.current_record().date == TODAY
    assert history.model.data(history.proxy.mapToSource(history.proxy.index(0, 1))) == "79"
    assert "with a score of 79." in history.undo_bar.label.text()
    assert "Feeling cared for: 88" in view.history_areas.text()
    assert "latest relationship check-in" in view.figures.text()
    assert view.figures.text().endswith(": 79.")
    assert form.answers() == dict.fromkeys(ALLIANCE_ITEMS)  # a fresh form

    data = journal.reopen()
    again = next(c for c in data.checkins if c.date == TODAY)
    assert dict(again.answers) == answers and again.note == "Feeling heard."


def test_changing_and_deleting_an_earlier_checkin(qtbot, view, journal):
    view.tabs.setCurrentIndex(1)
    history = view.history
    history.table.select_row(0)
    history.edit_button.click()
    form = view.checkin_form
    assert form.editing is not None and form.title.text().startswith("Changing your check-in")
    assert form.answers() == dict.fromkeys(ALLIANCE_ITEMS, 3)
    form.set_answer("R2", 0)
    form.save_button.click()
    stored = journal.session.data().checkins
    assert len(stored) == 1 and stored[0].answers["R2"] == 0
    history.table.select_row(0)
    history.delete_button.click()
    assert journal.session.data().checkins == ()
    history.undo_bar.undo_button.click()
    assert len(journal.session.data().checkins) == 1


def test_a_future_checkin_date_is_refused_inline(qtbot, view, journal):
    view.tabs.setCurrentIndex(1)
    form = view.checkin_form
    form.date.setDate(to_qdate(TODAY + dt.timedelta(days=1)))
    assert form.date_message.isVisible()
    assert form.date_message.text() == "The date can't be in the future."
    for item in ALLIANCE_ITEMS:
        form.set_answer(item, 2)
    assert form.save() is None
    assert len(journal.session.data().checkins) == 1


def test_a_sponsor_change_suggests_a_checkin(qtbot, view, journal):
    assert view.due_reason is None  # a check-in ten days ago: nothing due
    view.tabs.setCurrentIndex(2)
    view.sponsors.add_button.click()
    dialog = wait_for(qtbot, SponsorDialog)
    assert isinstance(dialog, SponsorDialog)
    dialog.save_button.click()  # no name: refused inline
    assert "Please give a name or a nickname." in _messages(dialog)
    qtbot.keyClicks(dialog.name, "Lou")
    dialog.started.setDate(to_qdate(days_before(8)))
    assert dialog.end_previous.isVisible() and dialog.end_previous.isChecked()
    assert "Dana is no longer my sponsor" in dialog.end_previous.text()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    sponsors = {s.key: s for s in journal.session.data().sponsors}
    assert sponsors["dana"].ended_on == days_before(9)
    lou = next(s for s in sponsors.values() if s.name == "Lou")
    assert lou.started_on == days_before(8) and lou.ended_on is None
    assert view.due.isVisible() and view.due_reason == "new_sponsor"
    assert "Now that Lou has been your sponsor" in view.due.text.text()
    assert "Your sponsor: Lou" in view.figures.text()
    # "Do the check-in now" opens the form for Lou.
    buttons = [view.due.buttons.itemAt(i).widget() for i in range(1, 3)]
    buttons[0].click()
    assert view.tabs.currentIndex() == 1
    assert view.checkin_form.sponsor.currentData() == lou.key
    for item in ALLIANCE_ITEMS:
        view.checkin_form.set_answer(item, 4)
    view.checkin_form.save_button.click()
    assert not view.due.isVisible()

    data = journal.reopen()
    assert {s.name for s in data.sponsors} == {"Dana", "Lou"}


def test_a_month_after_the_last_checkin_one_is_suggested(qtbot, tmp_path):
    old = AllianceCheckin(date=days_before(40), sponsor_key="dana", answers={"B1": 2})
    journal = Journal(tmp_path, JournalData(sponsors=(DANA,), checkins=(old,)))
    view = page(qtbot, journal, SponsorView)
    assert view.due_reason == "monthly"
    assert "a month or more since your last check-in" in view.due.text.text()
    view.due.buttons.itemAt(2).widget().click()  # Not now
    assert not view.due.isVisible()
    view.refresh()
    assert not view.due.isVisible()  # not again in this session
    journal.close()


def test_ending_and_deleting_a_sponsor(qtbot, view, journal):
    view.tabs.setCurrentIndex(2)
    sponsors = view.sponsors
    sponsors.table.select_row(0)
    assert view.end_button.isEnabled()
    view.end_button.click()
    dialog = wait_for(qtbot, SponsorDialog)
    assert dialog.has_ended.isChecked()
    dialog.ended.setDate(to_qdate(DANA.started_on - dt.timedelta(days=1)))
    assert "The end date can't be before the start date." in _messages(dialog)
    dialog.ended.setDate(to_qdate(days_before(1)))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert journal.session.data().sponsors[0].ended_on == days_before(1)
    assert not view.end_button.isEnabled()
    sponsors.table.select_row(0)
    sponsors.delete_button.click()
    assert "contacts and check-ins with them stay" in question_text(qtbot)
    answer(qtbot, "Keep them")
    assert len(journal.session.data().sponsors) == 1
    sponsors.delete_button.click()
    answer(qtbot, "Delete")
    data = journal.session.data()
    assert data.sponsors == () and len(data.contacts) == 2
    assert all(c.sponsor_key is None for c in data.contacts)


def test_every_control_is_named_and_reachable(qtbot, view, journal):
    controller = journal.controller
    roots = [
        view,
        ContactEditDialog(controller, TODAY, view, journal.session.data().contacts[0]),
        SponsorDialog(controller, view),
        SponsorDialog(controller, view, DANA, end=True),
    ]
    for number in range(view.tabs.count()):
        view.tabs.setCurrentIndex(number)
        for root in roots:
            assert not unnamed_controls(root), unnamed_controls(root)
            assert not unreachable_controls(root), unreachable_controls(root)


def test_the_tabs_answer_to_the_keyboard(qtbot, view):
    view.contacts.table.setFocus()
    qtbot.keyClick(view.contacts.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentIndex() == 1
    assert view.checkin_form.isAncestorOf(view.focusWidget())
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentIndex() == 2


def _add_sponsor_called(qtbot, name: str) -> None:
    dialog = wait_for(qtbot, SponsorDialog)
    assert isinstance(dialog, SponsorDialog)
    qtbot.keyClicks(dialog.name, name)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_with_no_sponsor_the_checkin_waits_kindly_and_offers_to_add_one(qtbot, tmp_path):
    empty = Journal(tmp_path / "empty")
    try:
        view = page(qtbot, empty, SponsorView)
        assert isinstance(view, SponsorView)
        view.contacts.search.setFocus()
        qtbot.waitUntil(view.contacts.search.hasFocus)
        qtbot.keyClick(view.contacts.search, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert view.tabs.currentIndex() == 1
        # No questionnaire, no empty history: one calm sentence and one button.
        assert view.no_sponsor.isVisible()
        assert not view.checkin_form.isVisible() and not view.checkin_history.isVisible()
        assert (
            view.no_sponsor_text.text()
            == NO_SPONSOR_YET
            == ("When you have a sponsor, you can check in here on how it feels between you.")
        )
        assert view.add_sponsor_button.text().replace("&", "") == "Add a sponsor…"
        assert view.add_sponsor_button.hasFocus()  # Ctrl+2 lands on it
        assert not unnamed_controls(view) and not unreachable_controls(view)
        letters = _mnemonics(view)
        assert len(letters) == len(set(letters)), letters
        qtbot.keyClick(view.add_sponsor_button, Qt.Key.Key_Space)
        _add_sponsor_called(qtbot, "Sam")
        # Now the eight statements, with the new sponsor chosen, and the keyboard in them.
        assert view.checkin_form.isVisible() and not view.no_sponsor.isVisible()
        assert view.checkin_form.sponsor.currentText() == "Sam"
        assert view.checkin_form.isAncestorOf(QApplication.focusWidget())
        assert [s.name for s in empty.session.data().sponsors] == ["Sam"]
    finally:
        empty.close()


def test_earlier_checkins_stay_in_reach_after_the_sponsor_is_deleted(qtbot, view, journal):
    journal.session.delete_sponsor("dana")
    view.refresh()
    view.tabs.setCurrentIndex(1)
    assert view.no_sponsor.isVisible() and view.checkin_history.isVisible()
    view.history.table.select_row(0)
    view.history.edit_button.click()  # "Change…" brings the form back for that check-in
    assert view.checkin_form.isVisible() and view.checkin_form.editing is not None
    view.checkin_form.cancel_button.click()
    assert view.no_sponsor.isVisible()


def test_the_checkin_dialog_without_a_sponsor(qtbot, tmp_path):
    empty = Journal(tmp_path / "empty")
    try:
        dialog = CheckinDialog(empty.controller, TODAY, None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.lead.text() == NO_SPONSOR_YET and dialog.lead.isVisible()
        assert not dialog.form.isVisible()
        assert not dialog.save_button.isVisible() and dialog.add_sponsor_button.isVisible()
        assert dialog.cancel_button.text() == "Close"
        qtbot.waitUntil(dialog.add_sponsor_button.hasFocus)
        assert not unnamed_controls(dialog) and not unreachable_controls(dialog)
        dialog.try_save()  # Enter saves nothing while there is nothing to answer
        assert empty.session.data().checkins == ()
        dialog.add_sponsor_button.click()
        _add_sponsor_called(qtbot, "Sam")
        assert dialog.save_button.isVisible() and not dialog.add_sponsor_button.isVisible()
        assert dialog.form.isVisible() and not dialog.lead.isVisible()
        assert dialog.form.sponsor.currentText() == "Sam"
        assert NOT_A_TEST in dialog.form.note_label.text()
        qtbot.waitUntil(lambda: dialog.form.isAncestorOf(QApplication.focusWidget()))
        for item in ALLIANCE_ITEMS:
            dialog.form.set_answer(item, 3)
        dialog.save_button.click()
        (stored,) = empty.session.data().checkins
        assert stored.sponsor_key == empty.session.data().sponsors[0].key
        assert stored.answers == dict.fromkeys(ALLIANCE_ITEMS, 3)
        assert not dialog.isVisible()
    finally:
        empty.close()


def test_the_since_column_arrow_points_the_way_it_is_sorted(qtbot, journal):
    journal.session.add_sponsor(Sponsor(key="bo", name="Bo", started_on=days_before(20)))
    view = page(qtbot, journal, SponsorView)
    assert isinstance(view, SponsorView)
    view.tabs.setCurrentIndex(2)
    table = view.sponsors.table
    header = table.horizontalHeader()
    assert [view.sponsors.model.record(r).name for r in range(2)] == ["Bo", "Dana"]
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    option = QStyleOptionHeader()
    header.initStyleOptionForIndex(option, 1)
    # newest first: the arrow points down (▼), as descending usually shows
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown
    header.sort_by(1)  # the other way round: oldest first, the arrow up
    assert [view.sponsors.model.record(r).name for r in range(2)] == ["Dana", "Bo"]
    header.initStyleOptionForIndex(option, 1)
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortUp
