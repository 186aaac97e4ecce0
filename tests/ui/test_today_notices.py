"""Early-warning notices for Today: each with one suggested action, dismissible."""

from __future__ import annotations

from PySide6.QtCore import Qt

from recovery_journal.domain.notices import Notice
from recovery_journal.domain.stats import compute_stats
from recovery_journal.ui.pages.today.notices import NoticesPanel
from tests.domain.builders import MONDAY, journal, plus


def notices_for_a_quiet_fortnight():
    data = journal(MONDAY, "a" * 35, meetings=[MONDAY], contacts=[MONDAY])
    return compute_stats(data, plus(MONDAY, 30)).notices


def test_shows_each_notice_with_its_suggested_action(qtbot):
    notices = notices_for_a_quiet_fortnight()
    assert {n.id for n in notices} == {"few_meetings", "contact_gap"}
    panel = NoticesPanel(dismissed_keys=set())
    qtbot.addWidget(panel)
    panel.set_notices(notices)
    assert not panel.isHidden()
    assert [card.notice for card in panel.cards] == list(notices)
    for card, notice in zip(panel.cards, notices, strict=True):
        assert card.text.text() == notice.text
        assert card.action.text() == f"One thing to try: {notice.action}"
        assert card.dismiss.accessibleName().startswith("Dismiss the notice about")
    assert "relapse" not in " ".join(n.text + n.action for n in notices).lower()


def test_dismiss_hides_for_the_session_and_a_new_occasion_shows_again(qtbot):
    store: set[str] = set()
    first = Notice("contact_gap", "contact_gap:2026-01-05", "It has been 14 days.", "Call.")
    other = Notice("few_meetings", "few_meetings:2026-01-12", "No meetings.", "Try one.")
    panel = NoticesPanel(dismissed_keys=store)
    qtbot.addWidget(panel)
    panel.set_notices([first, other])
    with qtbot.waitSignal(panel.dismissed) as signal:
        qtbot.mouseClick(panel.cards[0].dismiss, Qt.MouseButton.LeftButton)
    assert signal.args == ["contact_gap:2026-01-05"]
    assert panel.shown == [other] and store == {"contact_gap:2026-01-05"}
    again = NoticesPanel(dismissed_keys=store)  # Today rebuilt after a lock: still dismissed
    qtbot.addWidget(again)
    again.set_notices([first, other])
    assert again.shown == [other]
    later = Notice("contact_gap", "contact_gap:2026-02-20", "It has been 15 days.", "Call.")
    again.set_notices([later, other])
    assert again.shown == [later, other]
    panel.dismiss(other.key)
    assert panel.shown == [] and panel.isHidden()


def test_hidden_without_notices(qtbot):
    panel = NoticesPanel(dismissed_keys=set())
    qtbot.addWidget(panel)
    panel.set_notices([])
    assert panel.isHidden() and panel.cards == []
