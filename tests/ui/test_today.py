"""Today: logging the day, a meeting and a contact, and finding them after reopening."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from recovery_journal.domain.models import (
    Activity,
    ContactMode,
    DayRecord,
    DayStatus,
    Fellowship,
    Settings,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.dialogs.contact import ContactDialog
from recovery_journal.ui.dialogs.meeting import MeetingDialog
from recovery_journal.ui.pages.today.view import TodayView
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal

YESTERDAY = TODAY - dt.timedelta(days=1)


def _today(window) -> TodayView:
    page = window.shell.page("today")
    assert isinstance(page, TodayView)
    return page


def _open_dialog(qtbot, button, kind):
    button.click()
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible() for w in _top()))
    return next(w for w in _top() if isinstance(w, kind) and w.isVisible())


def _top():
    return QApplication.topLevelWidgets()


def test_log_today_a_meeting_and_a_contact_then_find_them_on_disk(qtbot, launch, journal):
    path, _code = journal
    launcher_window = open_journal(qtbot, launch, path)
    today = _today(launcher_window)
    form = today.form
    assert not form.details.isEnabled()  # status first
    qtbot.mouseClick(form.status_buttons[DayStatus.ABSTINENT], Qt.MouseButton.LeftButton)
    assert form.details.isEnabled()
    form.craving.slider.setFocus()
    for _ in range(3):
        qtbot.keyClick(form.craving.slider, Qt.Key.Key_Right)
    assert form.craving.value() == 3
    form.mood.buttons[4].click()
    form.activities.buttons[Activity.READING].click()
    qtbot.keyClicks(form.note, "Walked by the river.")
    today.flush()  # as when leaving the page or locking
    stored = launcher_window.controller.session.get_day(TODAY)
    assert stored is not None
    assert (stored.status, stored.craving, stored.mood, stored.activities, stored.note) == (
        DayStatus.ABSTINENT,
        3,
        4,
        (Activity.READING,),
        "Walked by the river.",
    )

    meeting = _open_dialog(qtbot, today.meeting_button, MeetingDialog)
    meeting.fellowship.setCurrentIndex(meeting.fellowship.findData(Fellowship.NA))
    meeting.name.setText("Wednesday basic text")
    meeting.home_group.setChecked(True)
    meeting.try_save()
    assert not meeting.isVisible()

    contact = _open_dialog(qtbot, today.contact_button, ContactDialog)
    contact.new_name.setText("Robin")  # no sponsor yet: named here
    contact.mode.buttons[ContactMode.IN_PERSON].click()
    contact.try_save()
    assert not contact.isVisible()
    assert "Today" in today.sponsor_card.plain_text()
    assert "1 meeting" in today.meetings_card.plain_text()

    launcher_window.close()
    reopened = JournalSession.open(path, PASSPHRASE)
    try:
        data = reopened.data()
    finally:
        reopened.close()
    assert [(d.date, d.note) for d in data.days] == [(TODAY, "Walked by the river.")]
    assert [(m.date, m.name, m.home_group) for m in data.meetings] == [
        (TODAY, "Wednesday basic text", True)
    ]
    assert [s.name for s in data.sponsors] == ["Robin"]
    assert [(c.date, c.mode, c.sponsor_key) for c in data.contacts] == [
        (TODAY, ContactMode.IN_PERSON, data.sponsors[0].key)
    ]


def test_the_note_is_saved_after_a_pause_without_moving_the_cursor(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    today = _today(window)
    today.form.status_buttons[DayStatus.ABSTINENT].click()
    today.form.note.setFocus()
    qtbot.keyClicks(today.form.note, "first words")
    assert window.controller.session.get_day(TODAY).note == ""  # not yet: still typing
    qtbot.waitUntil(lambda: window.controller.session.get_day(TODAY).note == "first words")
    assert today.form.note.textCursor().position() == len("first words")
    qtbot.keyClicks(today.form.note, ", more")
    assert today.form.note.toPlainText() == "first words, more"


def test_yesterday_is_one_click_away(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    today = _today(window)
    assert not today.next_button.isEnabled()  # no future days
    today.previous_button.click()
    assert today.day == YESTERDAY
    assert today.form.question.text().startswith("How was Tuesday")
    today.form.status_buttons[DayStatus.UNKNOWN].click()
    assert window.controller.session.get_day(YESTERDAY).status == DayStatus.UNKNOWN
    today.today_button.click()
    assert today.day == TODAY
    assert today.form.status() is None


def test_a_used_day_brings_a_kind_prompt_and_the_call_list(qtbot, launch, journal):
    path, _code = journal
    session = JournalSession.open(path, PASSPHRASE)
    for offset in range(1, 11):
        session.save_day(
            DayRecord(date=TODAY - dt.timedelta(days=offset), status=DayStatus.ABSTINENT)
        )
    from recovery_journal.domain.models import CallListPerson

    session.add_call_person(CallListPerson(name="Robin", role="Sponsor", phone="07700 900123"))
    session.close()
    window = open_journal(qtbot, launch, path)
    today = _today(window)
    assert not today.prompt.isVisible()
    today.form.status_buttons[DayStatus.USED].click()
    assert today.prompt.isVisible()
    words = today.prompt.text.text()
    assert today.prompt.title.text() == "Thank you for recording today honestly"
    assert "honest" not in words  # thanked once, in the title
    assert words.count("?") == 1  # one question
    assert "10 of the 11 days you recorded in the last 90 days were abstinent" in words
    assert "that is still yours" in words
    assert "tolerance is lower" in words  # 10 days without use before it
    assert "Robin (Sponsor): 07700 900123" in words
    for word in ("relapse", "failure", "streak", "broke"):
        assert word not in words.lower()
    # Nothing is blocked: the form stays usable and the prompt can be set aside.
    assert today.form.details.isEnabled()
    today.prompt.buttons.itemAt(1).widget().click()  # "Who can I call?"
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    assert any("Robin" in label.text() for label in window.help_dialog.people)


def test_a_high_craving_or_low_confidence_brings_a_prompt(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    today = _today(window)
    today.form.status_buttons[DayStatus.ABSTINENT].click()
    today.form.craving.set_value(8)
    today.form.craving.changed.emit()
    today.flush()
    assert today.prompt.isVisible()
    assert "strong craving" in today.prompt.text.text()
    today.form.confidence.set_value(1)  # both at once: one banner, one question
    today.form.confidence.changed.emit()
    today.flush()
    both = today.prompt.text.text()
    assert "strong craving" in both and "shaky" in both
    assert both.count("Would it help to talk to someone?") == 1
    today.form.craving.set_value(2)
    today.form.confidence.set_value(1)
    today.form.confidence.changed.emit()
    today.flush()
    assert "shaky" in today.prompt.text.text()
    today.form.confidence.set_value(6)
    today.form.confidence.changed.emit()
    today.flush()
    assert not today.prompt.isVisible()


def test_a_used_day_after_the_sobriety_date_offers_to_move_it(qtbot, launch, journal):
    path, _code = journal
    session = JournalSession.open(path, PASSPHRASE)
    session.update_settings(sobriety_date=TODAY - dt.timedelta(days=30))
    session.close()
    window = open_journal(qtbot, launch, path)
    today = _today(window)
    assert not today.sobriety_offer.isVisible()
    today.previous_button.click()
    today.form.status_buttons[DayStatus.USED].click()
    # Not in the same instant as the thank-you: the offer waits until it is set aside.
    assert today.prompt.isVisible() and not today.sobriety_offer.isVisible()
    today.prompt.buttons.itemAt(2).widget().click()  # "Not now"
    assert not today.prompt.isVisible()
    assert today.sobriety_offer.isVisible()
    assert window.controller.settings().sobriety_date == TODAY - dt.timedelta(
        days=30
    )  # not silently
    today.move_button.click()
    assert window.controller.settings().sobriety_date == TODAY
    assert not today.sobriety_offer.isVisible()


def test_invalid_input_is_refused_with_an_inline_message(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    today = _today(window)
    meeting = _open_dialog(qtbot, today.meeting_button, MeetingDialog)
    meeting.date.setDate(meeting.date.date().addDays(2))
    message = meeting._messages["date"]
    assert message.isVisible() and message.text() == "The date can't be in the future."
    meeting.date.setDate(meeting.date.date().addDays(-2))
    assert not message.isVisible()
    meeting.fellowship.setCurrentIndex(meeting.fellowship.findData(Fellowship.OTHER))
    meeting.try_save()
    assert meeting.isVisible()  # refused
    label_message = meeting._messages["fellowship_label"]
    assert label_message.isVisible() and label_message.text() == "Please name the fellowship."
    assert window.controller.data().meetings == ()
    meeting.fellowship_label.setText("Refuge Recovery")
    meeting.try_save()
    assert not meeting.isVisible()
    assert [m.fellowship_label for m in window.controller.data().meetings] == ["Refuge Recovery"]


def test_cards_say_how_many_days_are_not_filled_in(qtbot, launch, journal):
    path, _code = journal
    session = JournalSession.open(path, PASSPHRASE)
    session.update_settings(tracking_start=TODAY - dt.timedelta(days=29))
    for offset in range(0, 20):
        session.save_day(
            DayRecord(date=TODAY - dt.timedelta(days=offset), status=DayStatus.ABSTINENT)
        )
    session.close()
    window = open_journal(qtbot, launch, path)
    text = _today(window).abstinence_card.plain_text()
    assert "10 days aren't filled in yet — you can add them from the Calendar" in text
    assert "between 67% and 100%" in text


def test_settings_default(qtbot):
    assert Settings().autolock_minutes == 5


def test_clearing_a_day_can_be_undone(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    today = _today(window)
    session = window.controller.session
    today.form.status_buttons[DayStatus.ABSTINENT].click()
    qtbot.keyClicks(today.form.note, "keep me")
    today.flush()
    entered = session.get_day(TODAY).entered_at
    today.form.clear_button.click()
    assert session.get_day(TODAY) is None
    assert today.form.status() is None and today.form.note.toPlainText() == ""
    assert today.cleared.isVisible()
    today.undo_button.click()
    restored = session.get_day(TODAY)
    assert (restored.status, restored.note, restored.entered_at) == (
        DayStatus.ABSTINENT,
        "keep me",
        entered,
    )
    assert today.form.note.toPlainText() == "keep me"
    assert not today.cleared.isVisible()


def test_a_dismissed_notice_stays_dismissed_after_reopening(qtbot, launch, journal):
    from recovery_journal.domain.models import Sponsor

    path, _code = journal
    session = JournalSession.open(path, PASSPHRASE)
    session.add_sponsor(Sponsor(key="sam", name="Sam", started_on=TODAY - dt.timedelta(days=40)))
    session.save_day(DayRecord(date=TODAY - dt.timedelta(days=40), status=DayStatus.ABSTINENT))
    session.close()

    window = open_journal(qtbot, launch, path)
    panel = _today(window).notices
    keys = [card.notice.key for card in panel.cards]
    assert any(key.startswith("contact_gap") for key in keys), keys
    gap = next(card for card in panel.cards if card.notice.key.startswith("contact_gap"))
    gap.dismiss.click()
    assert all(card.notice.key != gap.notice.key for card in panel.cards)
    window.close()
    stored = JournalSession.open(path, PASSPHRASE)
    assert gap.notice.key in stored.settings().dismissed_notices  # kept in the journal itself
    stored.close()

    again = open_journal(qtbot, launch, path)
    keys_after = [card.notice.key for card in _today(again).notices.cards]
    assert gap.notice.key not in keys_after
    again.close()
