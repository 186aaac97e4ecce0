"""Settings › Appearance: a change of theme restyles every window at once (the sidebar and the
open Settings window included), and the text size (100–200 %) reaches every view."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from recovery_journal.domain.models import Theme
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.common import theme
from recovery_journal.ui.common.widgets import MutedLabel
from recovery_journal.ui.pages.settings.settings_dialog import SettingsDialog
from tests.ui.conftest import TODAY, open_journal


@pytest.fixture(autouse=True)
def back_to_defaults():
    yield
    theme.apply_theme(Theme.SYSTEM)
    theme.apply_text_size(100)


def _settings(window) -> SettingsDialog:
    window.show_settings()
    dialogs = window.findChildren(SettingsDialog)
    assert dialogs
    return dialogs[-1]


def _lightness(widget: QWidget, role: QPalette.ColorRole) -> int:
    return widget.palette().color(role).lightness()


def _wrong_colours(root: QWidget, dark: bool) -> list[str]:
    """Widgets still painted in the other theme's colours (background or text)."""
    wrong = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        window = _lightness(widget, QPalette.ColorRole.Window)
        base = _lightness(widget, QPalette.ColorRole.Base)
        text = _lightness(widget, QPalette.ColorRole.WindowText)
        if dark != (window < 128) or dark != (base < 128) or dark != (text > 128):
            wrong.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    return wrong


def _mean_lightness(widget: QWidget) -> float:
    image = widget.grab().toImage()
    step = 7
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    return sum(values) / len(values)


def test_switching_the_theme_restyles_everything_at_once(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    window.show_page("calendar")
    dialog = _settings(window)
    dialog.theme_buttons[Theme.DARK].click()
    # at once: no restart, not even a turn of the event loop
    sidebar = window.shell.sidebar
    assert _lightness(sidebar, QPalette.ColorRole.Base) < 128
    assert _lightness(sidebar, QPalette.ColorRole.Text) > 128
    assert not _wrong_colours(window, dark=True)
    assert not _wrong_colours(dialog, dark=True)
    assert _mean_lightness(sidebar) < 100  # what is on screen, not only the palette
    for label in window.findChildren(MutedLabel) + dialog.findChildren(MutedLabel):
        if label.isVisibleTo(label.window()):
            assert 128 < _lightness(label, QPalette.ColorRole.WindowText) < 235, label.text()
    assert window.shell.current_key == "calendar"  # the same place

    dialog.theme_buttons[Theme.LIGHT].click()
    assert not _wrong_colours(window, dark=False)
    assert not _wrong_colours(dialog, dark=False)
    assert _mean_lightness(window.shell.sidebar) > 180


def test_a_note_being_typed_is_kept_when_the_theme_changes(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    today = window.shell.page("today")
    today.form.status_buttons[next(iter(today.form.status_buttons))].click()
    today.form.note.setPlainText("Walked to the river")
    _settings(window).theme_buttons[Theme.DARK].click()
    assert window.controller.session.get_day(TODAY).note == "Walked to the river"
    assert window.shell.page("today").form.note.toPlainText() == "Walked to the river"


def _point_size(font: QFont) -> float:
    return font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75


def test_the_text_size_reaches_every_view(qtbot, launch, journal, prefs):
    window = open_journal(qtbot, launch, journal[0])
    base = _point_size(QApplication.font())
    title_before = window.shell.page("today").date_bar.title.height()
    dialog = _settings(window)
    dialog.tabs.setCurrentIndex(3)
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(150))

    assert _point_size(QApplication.font()) == pytest.approx(base * 1.5, abs=0.1)
    assert theme.text_size() == 150
    assert Prefs(prefs.path).text_size() == 150  # kept for the next start, before unlocking
    for key in ("today", "calendar", "meetings", "journal", "trends"):
        window.show_page(key)
        page = window.shell.page(key)
        small = [
            label.text()[:30]
            for label in page.findChildren(QLabel)
            if label.isVisibleTo(page)
            and label.text()
            and _point_size(label.font()) < base * 1.5 - 0.1
        ]
        assert not small, f"{key}: {small}"
    today = window.shell.page("today")
    assert today.date_bar.title.height() > title_before  # layouts follow the font
    # the open Settings window follows too, headings and all
    assert _point_size(dialog.text_size.font()) == pytest.approx(base * 1.5, abs=0.1)

    dialog.text_size.setCurrentIndex(dialog.text_size.findData(100))
    assert _point_size(window.shell.page("today").date_bar.title.font()) == pytest.approx(
        base * 1.6, abs=0.1
    )


def test_the_text_size_is_offered_from_100_to_at_least_150(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    dialog = _settings(window)
    offered = [dialog.text_size.itemData(i) for i in range(dialog.text_size.count())]
    assert offered[0] == 100 and max(offered) >= 150 and 125 in offered
    assert dialog.text_size.currentData() == 100
    assert dialog.text_size.accessibleName() == "Text size"
