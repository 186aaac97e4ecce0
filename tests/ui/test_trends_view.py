"""The Trends view: range selector, summaries, hover values, export, theme, page protocol."""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
import sys

import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.colors import to_rgba
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFileDialog, QMessageBox

from recovery_journal.charts import CHART_NAMES, chart_summary, range_for
from recovery_journal.domain.models import DayRecord, DayStatus
from recovery_journal.services.demo import generate_demo
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.pages.trends.card import figure_message
from recovery_journal.ui.pages.trends.view import TrendsView
from tests.conftest import FAST_KDF

TODAY = dt.date(2026, 3, 15)


@pytest.fixture
def session(tmp_path):
    session, _ = JournalSession.create(tmp_path / "j.rjvault", "a long passphrase", kdf=FAST_KDF)
    session.add_all(generate_demo(TODAY))
    yield session
    session.close()


@pytest.fixture
def view(qtbot, session):
    view = TrendsView(session, lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.is_complete)
    return view


def expected_summaries(session, start, end):
    data = session.data()
    return {name: chart_summary(name, data, start, end) for name in CHART_NAMES}


def test_opens_on_one_year_with_every_chart_and_its_summary(view, session):
    start = range_for(TODAY, "1y", dt.date(2024, 3, 16))
    assert (view.start, view.end) == (dt.date(2025, 3, 16), TODAY) and start == view.start
    assert view.range_buttons["1y"].isChecked()
    assert view.summaries() == expected_summaries(session, view.start, TODAY)
    assert view.range_label.text().startswith("16 Mar 2025 – 15 Mar 2026")
    for card in view.cards.values():
        assert card.canvas is not None and card.chart is not None
        assert card.summary.accessibleDescription() == card.chart.summary
        assert card.canvas.accessibleDescription() == card.chart.summary


def test_changing_the_range_changes_the_charts_and_summaries(view, session, qtbot):
    year = view.summaries()
    qtbot.mouseClick(view.range_buttons["3m"], Qt.MouseButton.LeftButton)
    assert view.range_buttons["3m"].isChecked()
    assert (view.start, view.end) == (dt.date(2025, 12, 16), TODAY)
    three = view.summaries()
    assert three == expected_summaries(session, dt.date(2025, 12, 16), TODAY)
    assert all(three[name] != year[name] for name in CHART_NAMES)
    qtbot.mouseClick(view.range_buttons["all"], Qt.MouseButton.LeftButton)
    assert view.start == session.data().days[0].date


def test_custom_range_with_two_dates(view, session, qtbot):
    qtbot.mouseClick(view.range_buttons["custom"], Qt.MouseButton.LeftButton)
    assert view.from_edit.isVisible() and view.to_edit.isVisible()
    view.set_range("custom", dt.date(2025, 6, 1), dt.date(2025, 8, 31))
    assert (view.start, view.end) == (dt.date(2025, 6, 1), dt.date(2025, 8, 31))
    assert view.summaries() == expected_summaries(
        session, dt.date(2025, 6, 1), dt.date(2025, 8, 31)
    )
    qtbot.mouseClick(view.range_buttons["6m"], Qt.MouseButton.LeftButton)
    assert not view.from_edit.isVisible()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_exporting_a_chart(view, tmp_path, monkeypatch, qtbot, fmt):
    asked = []

    def fake_dialog(parent, caption, suggested, filters):
        asked.append((caption, suggested, filters))
        return str(tmp_path / "my chart"), filters  # no extension: the format's is added

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    card = view.cards["attendance"]
    button = card.save_png if fmt == "png" else card.save_svg
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    target = tmp_path / f"my chart.{fmt}"
    content = target.read_bytes()
    if fmt == "png":
        assert content.startswith(b"\x89PNG\r\n\x1a\n")
    else:
        assert content.lstrip().startswith(b"<?xml") and b"attendance.meetings" in content
        assert b"Meetings each week" in content  # exports carry their title
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert asked[0][1] == f"recovery-journal-attendance-2025-03-16-to-2026-03-15.{fmt}"
    assert card.saved_note.isVisible() and str(target) in card.saved_note.text()


def test_a_failed_export_says_so_and_writes_nothing(view, tmp_path, monkeypatch, qtbot):
    missing = tmp_path / "no such folder" / "chart.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(missing), "")))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a)))
    qtbot.mouseClick(view.cards["pda"].save_png, Qt.MouseButton.LeftButton)
    assert warnings and "Nothing in your journal changed" in warnings[0][2]
    assert not missing.exists() and not view.cards["pda"].saved_note.isVisible()


def test_cancelling_the_dialog_saves_nothing(view, tmp_path, monkeypatch, qtbot):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    qtbot.mouseClick(view.cards["pda"].save_svg, Qt.MouseButton.LeftButton)
    assert list(tmp_path.glob("*.svg")) == []


def test_hover_shows_the_value_under_the_pointer(view):
    card = view.cards["pda"]
    canvas = card.canvas
    canvas.draw()
    ax = canvas.figure.axes[0]
    day = dt.date(2025, 9, 14)
    x, y = ax.transData.transform(((day - dt.date(1970, 1, 1)).days, 50))
    canvas.callbacks.process("motion_notify_event", MouseEvent("motion_notify_event", canvas, x, y))
    assert card.hover_text is not None
    assert (
        card.hover_text.startswith("September 2025:")
        and "30 days to 14 September" in card.hover_text
    )
    canvas.callbacks.process("motion_notify_event", MouseEvent("motion_notify_event", canvas, 1, 1))
    assert card.hover_text is None


def test_showing_builds_the_first_screen_at_once_and_the_rest_right_after(qtbot, session):
    view = TrendsView(session, lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    built = [name for name, card in view.cards.items() if card.chart is not None]
    assert built == ["pda", "calendar"] and not view.is_complete
    qtbot.waitUntil(lambda: view.is_complete)
    assert all(card.chart is not None for card in view.cards.values())
    # meetings, sponsor contact, alliance, and the network (the demo keeps a network list)
    assert [card.content.id for card in view.insights.cards] == [
        "meetings",
        "sponsor_contact",
        "alliance",
        "network",
    ]


def test_refresh_rebuilds_only_when_something_changed(view, session):
    before = view.cards["pda"].chart
    view.refresh()
    assert view.cards["pda"].chart is before
    session.save_day(DayRecord(dt.date(2026, 3, 14), DayStatus.USED))
    view.refresh()
    assert view.cards["pda"].chart is not before
    assert view.summaries() == expected_summaries(session, view.start, TODAY)


def test_dark_palette_gives_dark_charts(view):
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#2a2b2e"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8e8e6"))
    view.setPalette(palette)
    figure = view.cards["calendar"].chart.figure
    assert figure.get_facecolor() == to_rgba("#2a2b2e")
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f5f2"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    view.setPalette(palette)
    assert view.cards["calendar"].chart.figure.get_facecolor() == to_rgba("#ffffff")


def test_weekly_abstinence_overlay_on_the_meetings_chart(view, qtbot):
    qtbot.mouseClick(view.pda_overlay, Qt.MouseButton.LeftButton)
    figure = view.cards["attendance"].chart.figure
    gids = {a.get_gid() for ax in figure.axes for a in ax.get_children()}
    assert "attendance.weekly_pda" in gids


def test_every_control_has_an_accessible_name_and_takes_keyboard_focus(view):
    controls = [*view.range_buttons.values(), view.from_edit, view.to_edit, view.pda_overlay]
    for card in view.cards.values():
        controls += [card.save_png, card.save_svg]
    for control in controls:
        assert control.accessibleName(), control
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
    view.focus_first()
    assert view.range_buttons["1y"].hasFocus() or not view.isActiveWindow()
    assert view.insights.cards and all(card.chip.text() for card in view.insights.cards)


def test_page_protocol_with_the_app_controller(qtbot, session):
    from recovery_journal.ui.app.controller import JournalController

    controller = JournalController(session, clock=lambda: TODAY)
    view = TrendsView(controller, None)
    qtbot.addWidget(view)
    view.refresh()
    assert view.end == TODAY and view.session is session
    assert view.cards["pda"].chart is not None


def test_nothing_recorded_yet(qtbot, tmp_path):
    session, _ = JournalSession.create(tmp_path / "e.rjvault", "a long passphrase", kdf=FAST_KDF)
    try:
        view = TrendsView(session, lambda: TODAY)
        qtbot.addWidget(view)
        view.refresh()
        # The figure says "Nothing recorded …" (and its hint); the words under it don't repeat it.
        assert set(view.summaries().values()) <= {
            "",
            "These questions are the app's own wording, not a validated test.",
        }
        for card in view.cards.values():
            assert card.chart is not None
            drawn = figure_message(card.chart.figure)
            assert drawn.startswith("Nothing recorded in this period yet.")
            shown = f"{drawn}\n{card.summary.text() if card.summary.isVisibleTo(view) else ''}"
            assert shown.count("Nothing recorded in this period yet.") == 1, card.name
            for line in drawn.splitlines():
                assert line not in card.summary.text()
            # screen readers still get the whole summary
            assert card.accessibleDescription() == card.chart.summary
            assert card.chart.summary.startswith("Nothing recorded in this period yet.")
        assert "figures as of" in view.range_label.text()
        assert "measures" not in view.range_label.text()
    finally:
        session.close()


def test_importing_the_trends_package_does_not_load_matplotlib():
    code = (
        "import sys\n"
        "import recovery_journal.ui.pages.trends as t\n"
        "from recovery_journal.ui.pages.trends.view import TrendsView\n"
        "assert t.TrendsView is TrendsView\n"
        "assert 'matplotlib' not in sys.modules, sorted(m for m in sys.modules if 'matplot' in m)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_keyboard_tab_through_the_range_buttons_and_choose_with_space(view, qtbot):
    view.activateWindow()
    view.range_buttons["3m"].setFocus()
    qtbot.waitUntil(view.range_buttons["3m"].hasFocus)
    qtbot.keyClick(view.range_buttons["3m"], Qt.Key.Key_Tab)
    assert view.range_buttons["6m"].hasFocus()
    qtbot.keyClick(view.range_buttons["6m"], Qt.Key.Key_Space)
    assert view.range_key == "6m" and view.range_buttons["6m"].isChecked()
    assert not view.range_buttons["1y"].isChecked()
    assert (view.start, view.end) == (dt.date(2025, 9, 16), TODAY)


def test_trends_page_in_the_app_window(qtbot, launch, journal):
    from tests.ui.conftest import TODAY as APP_TODAY
    from tests.ui.conftest import open_journal

    path, _ = journal
    session = JournalSession.open(path, "steady morning light")
    session.add_all(generate_demo(APP_TODAY))
    session.close()
    window = open_journal(qtbot, launch, path)
    window.show_page("trends")
    page = window.shell.page("trends")
    assert isinstance(page, TrendsView)
    qtbot.waitUntil(lambda: page.is_complete)
    assert page.end == APP_TODAY
    assert page.summaries()["pda"].startswith("From ")


def test_an_empty_card_points_to_where_its_records_are_made(qtbot, tmp_path):
    from recovery_journal.ui.app.controller import JournalController

    session, _ = JournalSession.create(tmp_path / "e.rjvault", "a long passphrase", kdf=FAST_KDF)
    try:
        controller = JournalController(session, clock=lambda: TODAY)
        asked: list[str] = []
        controller.navigate.connect(asked.append)
        view = TrendsView(controller, None)
        qtbot.addWidget(view)
        view.resize(1024, 600)
        view.show()
        qtbot.waitUntil(lambda: view.is_complete)
        for name, card in view.cards.items():
            assert card.is_empty, name
            assert not card.save_png.isEnabled() and not card.save_svg.isEnabled(), name
            assert card.empty_row.isVisibleTo(view), name
            assert set(card.place_buttons) <= {"today", "calendar", "sponsor", "network"}
            assert card.place_buttons, name
        calendar = view.cards["calendar"]
        assert "Today" in calendar.empty_hint.text() and "Calendar" in calendar.empty_hint.text()
        qtbot.mouseClick(calendar.place_buttons["calendar"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(view.cards["wellbeing"].place_buttons["today"], Qt.MouseButton.LeftButton)
        assert asked == ["calendar", "today"]

        # once something is recorded, the card shows it and can be saved
        session.save_day(DayRecord(date=TODAY, status=DayStatus.ABSTINENT))
        view.refresh()
        pda = view.cards["pda"]
        assert not pda.is_empty and pda.save_png.isEnabled() and pda.save_svg.isEnabled()
        assert not pda.empty_row.isVisibleTo(view)
    finally:
        session.close()


def test_without_the_app_an_empty_card_offers_no_buttons(qtbot, tmp_path):
    session, _ = JournalSession.create(tmp_path / "e.rjvault", "a long passphrase", kdf=FAST_KDF)
    try:
        view = TrendsView(session, lambda: TODAY)
        qtbot.addWidget(view)
        view.refresh()
        card = view.cards["pda"]
        assert card.is_empty and not card.place_buttons and not card.save_png.isEnabled()
    finally:
        session.close()
