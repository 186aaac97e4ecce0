"""The Network page (people grouped by stance, their history, add / note a change / delete with
undo, regular meetings) and Today's "Did you go to … yesterday?"."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from recovery_journal.domain.models import (
    Fellowship,
    JournalData,
    Person,
    PersonEntry,
    PersonStance,
    PersonUse,
    RegularMeeting,
    Relationship,
    Weekday,
)
from recovery_journal.ui.common.widgets import FieldMessage
from recovery_journal.ui.pages.network.dialogs import EntryDialog, PersonDialog
from recovery_journal.ui.pages.network.regular import RegularMeetingDialog
from recovery_journal.ui.pages.network.view import NetworkView
from recovery_journal.ui.pages.today.view import TodayView
from tests.ui.test_journal_support import TODAY, Journal, page, wait_for

YESTERDAY = TODAY - dt.timedelta(days=1)  # a Tuesday


def until(qtbot, condition) -> None:
    qtbot.waitUntil(lambda: bool(condition()))


DATA = JournalData(
    people=(
        Person("mum", "Mum", Relationship.FAMILY),
        Person("mick", "Mick", Relationship.FRIEND),
    ),
    person_entries=(
        PersonEntry(TODAY - dt.timedelta(days=30), "mum", PersonUse.NONE, PersonStance.SUPPORTS),
        PersonEntry(TODAY - dt.timedelta(days=30), "mick", PersonUse.HEAVY, PersonStance.AGAINST),
    ),
    regular_meetings=(
        RegularMeeting("Tuesday Hope", Fellowship.AA, (Weekday.TUESDAY,), dt.time(19, 30)),
        RegularMeeting("Saturday Steps", Fellowship.AA, (Weekday.SATURDAY,), dt.time(10, 0)),
    ),
)


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path, DATA)
    yield journal
    journal.close()


@pytest.fixture
def view(qtbot, journal) -> NetworkView:
    network = page(qtbot, journal, NetworkView)
    assert isinstance(network, NetworkView)
    return network


def _lines(view: NetworkView) -> list[str]:
    return [view.tree.item(i).text().strip() for i in range(view.tree.count())]


def test_people_are_grouped_by_how_they_relate_to_recovery_in_kind_words(view):
    lines = _lines(view)
    assert lines[0] == "Supporting your recovery (1)"
    assert lines[1].startswith("Mum — Family · Doesn't drink or use")
    assert lines[2] == "Being around them makes recovery harder (1)"
    assert "against" not in " ".join(lines).lower()
    assert "1 supporting your recovery (50%)" in view.figures.text()


def test_add_someone_note_a_change_and_see_the_history(qtbot, view, journal):
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Insert)
    dialog = wait_for(qtbot, PersonDialog)
    assert isinstance(dialog, PersonDialog)
    dialog.try_save()  # no name: refused inline, nothing saved
    shown = [m.text() for m in dialog.findChildren(FieldMessage) if m.isVisible()]
    assert "Please give a name or a nickname." in shown
    assert len(journal.session.data().people) == 2
    dialog.name.setText("Jo")
    dialog.fields.stance.setCurrentIndex(dialog.fields.stance.findData(PersonStance.SUPPORTS))
    dialog.fields.use.setCurrentIndex(dialog.fields.use.findData(PersonUse.RECOVERY))
    dialog.try_save()
    until(qtbot, lambda: "Supporting your recovery (2)" in _lines(view))
    assert view.tree.current_key() == "person-3"
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    change = wait_for(qtbot, EntryDialog)
    assert isinstance(change, EntryDialog)
    change.fields.left.setChecked(True)
    change.fields.note.setPlainText("Moved away.")
    change.try_save()
    until(
        qtbot, lambda: any(line.startswith("No longer part of your life") for line in _lines(view))
    )
    history = [view.details.history.item(i).text() for i in range(view.details.history.count())]
    assert history[0].endswith("No longer part of your life\n“Moved away.”")
    assert "Supports your recovery · In recovery" in history[1]
    assert len(journal.session.data().person_entries) == 4  # nothing overwritten


def test_delete_someone_and_bring_them_back_with_their_history(qtbot, view, journal):
    view.tree.show_views(list(view._views.values()), "mick")
    assert view.tree.current_key() == "mick"
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    until(qtbot, lambda: "Mick" not in " ".join(_lines(view)))
    assert journal.session.data().person_entries[0].person_key == "mum"
    assert "Removed Mick" in view.undo_bar.label.text()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    until(qtbot, lambda: "Mick" in " ".join(_lines(view)))
    assert {e.person_key for e in journal.session.data().person_entries} == {"mum", "mick"}


def test_regular_meetings_are_listed_and_added(qtbot, view, journal):
    view.tabs.setCurrentIndex(1)
    panel = view.regular.panel
    until(qtbot, lambda: panel.proxy.rowCount() == 2)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Insert)
    dialog = wait_for(qtbot, RegularMeetingDialog)
    assert isinstance(dialog, RegularMeetingDialog)
    dialog.name.setText("Early Birds")
    dialog.try_save()  # no day chosen: refused
    assert len(journal.session.data().regular_meetings) == 2
    dialog.days[Weekday.MONDAY].setChecked(True)
    dialog.days[Weekday.THURSDAY].setChecked(True)
    dialog.try_save()
    until(qtbot, lambda: panel.proxy.rowCount() == 3)
    added = journal.session.data().regular_meetings[-1]
    assert added.weekdays == (Weekday.MONDAY, Weekday.THURSDAY)


def test_today_asks_about_yesterdays_meeting_and_logs_it_with_one_click(qtbot, journal):
    today = page(qtbot, journal, TodayView)
    assert isinstance(today, TodayView)
    offers = today.meeting_offers
    until(qtbot, offers.isVisible)
    ((label, yes, _no),) = offers.rows.values()
    assert label.text() == "Did you go to Tuesday Hope yesterday (19:30)?"
    yes.click()
    until(qtbot, lambda: not offers.rows)
    meetings = journal.session.data().meetings
    assert [(m.date, m.name, m.time) for m in meetings] == [
        (YESTERDAY, "Tuesday Hope", dt.time(19, 30))
    ]
    journal.controller.undo_stack.undo()  # Ctrl+Z takes the logged meeting back
    assert journal.session.data().meetings == ()
    offers.said.setText("")
    offers.refresh()
    until(qtbot, lambda: bool(offers.rows))


def test_today_remembers_a_no(qtbot, journal):
    today = page(qtbot, journal, TodayView)
    assert isinstance(today, TodayView)
    offers = today.meeting_offers
    until(qtbot, lambda: bool(offers.rows))
    ((_label, _yes, no),) = offers.rows.values()
    no.click()
    until(qtbot, lambda: not offers.isVisible())
    assert journal.session.data().meetings == ()
    assert journal.session.settings().declined_meeting_offers
    again = journal.reopen()
    assert again.settings.declined_meeting_offers  # kept in the journal, not asked again


def test_a_meeting_can_name_someone_and_editing_keeps_it(qtbot, journal):
    from recovery_journal.domain.models import Meeting
    from recovery_journal.ui.pages.meetings.dialog import MeetingEditDialog

    stored = journal.session.add_meeting(
        Meeting(date=YESTERDAY, fellowship=Fellowship.AA, name="Tuesday Hope", person_key="mum")
    )
    dialog = MeetingEditDialog(journal.controller, TODAY, None, stored)
    qtbot.addWidget(dialog)
    assert dialog.person.currentText() == "Mum"
    assert dialog.build_record().person_key == "mum"
    dialog.person.set_value(None)
    assert dialog.build_record().person_key is None
    dialog.person.set_value("mick")
    dialog.try_save()
    assert journal.session.data().meetings[0].person_key == "mick"
