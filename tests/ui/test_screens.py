"""Small screens: the window opens within the screen, every dialog fits a 1024×600 screen with
its buttons visible (at 100 % and 150 % text), and on a 1366×768 laptop Today shows its first
figure card without scrolling. The screen is the one the app is told about
(``screen_fit.available_area``); at 2× a separate process runs with ``QT_SCALE_FACTOR=2``."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QWidget,
)

from recovery_journal.domain.models import DayRecord, DayStatus, Sponsor
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.app.pages import PAGES
from recovery_journal.ui.common import screen_fit, theme
from recovery_journal.ui.dialogs.call_person import CallPersonDialog
from recovery_journal.ui.dialogs.checkin import CheckinDialog
from recovery_journal.ui.dialogs.contact import ContactDialog
from recovery_journal.ui.dialogs.meeting import MeetingDialog
from recovery_journal.ui.dialogs.secrets import ChangePassphraseDialog, NewCodeDialog
from recovery_journal.ui.dialogs.sponsor import SponsorDialog
from recovery_journal.ui.lock.recovery_code import RecoveryCodeDialog
from recovery_journal.ui.lock.wizard import FirstRunWizard
from recovery_journal.ui.pages.calendar.dialogs import AnchorDialog, DayDialog
from recovery_journal.ui.pages.help.help_screen import HelpDialog
from recovery_journal.ui.pages.review.export_dialog import ExportReportDialog
from recovery_journal.ui.pages.settings.settings_dialog import SettingsDialog
from recovery_journal.ui.pages.today.view import TodayView
from tests.conftest import FAST_KDF
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal, settle

NETBOOK = QRect(0, 0, 1024, 600)
LAPTOP = QRect(0, 0, 1366, 768)
CODE = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"


@pytest.fixture
def screen(monkeypatch) -> Callable[[QRect], None]:
    """Tell the app its screen offers ``area`` (the offscreen screen is 800×800)."""

    def use(area: QRect) -> None:
        monkeypatch.setattr(screen_fit, "available_area", lambda _widget=None: QRect(area))

    return use


@pytest.fixture
def text_size():
    sizes: list[int] = []

    def use(percent: int) -> None:
        sizes.append(percent)
        theme.apply_text_size(percent)

    yield use
    if sizes:
        theme.apply_text_size(100)


def _a_lived_in_journal(path: Path) -> None:
    session = JournalSession.open(path, PASSPHRASE)
    session.update_settings(sobriety_date=TODAY - dt.timedelta(days=40))
    for offset in range(40):
        day = TODAY - dt.timedelta(days=offset)
        session.save_day(DayRecord(date=day, status=DayStatus.ABSTINENT, craving=2, mood=4))
    session.add_sponsor(Sponsor(key="lou", name="Lou", started_on=TODAY - dt.timedelta(days=30)))
    session.close()


def _inside(window: QWidget, area: QRect) -> bool:
    """The window with its frame (as estimated before the window manager says) is inside."""
    frame = screen_fit.frame_margins(window)
    return area.contains(window.geometry().marginsAdded(frame))


def _buttons_visible(dialog: QWidget) -> list[str]:
    """The dialog's own buttons (its button box, or the row at its foot) that are cut off."""
    cut = []
    boxes = dialog.findChildren(QDialogButtonBox)
    buttons: list[QAbstractButton] = [b for box in boxes for b in box.buttons()]
    for button in buttons:
        if not button.isVisibleTo(dialog):
            continue
        where = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
        shown = button.visibleRegion().boundingRect()
        if not dialog.rect().contains(where) or shown.height() < button.height():
            cut.append(button.text())
    return cut


def _squeezed_text(root: QWidget) -> list[str]:
    """Wrapped words given fewer lines than they need (their last lines would be cut off)."""
    squeezed = []
    for label in root.findChildren(QLabel):
        shown = label.isVisibleTo(root) and label.wordWrap() and label.text()
        if shown and label.height() < label.heightForWidth(label.width()) - 2:
            squeezed.append(label.text()[:40])
    return squeezed


def _settings_as_opened(window) -> QDialog:
    """Settings as the window opens it (with the Reminders tab when the app has a tray)."""
    window.show_settings()
    return window.findChildren(SettingsDialog)[-1]


def _dialogs(window) -> dict[str, Callable[[], QDialog]]:
    controller = window.controller
    session = controller.session
    return {
        "meeting": lambda: MeetingDialog(controller, TODAY, window),
        "contact": lambda: ContactDialog(controller, TODAY, window),
        "check-in": lambda: CheckinDialog(controller, TODAY, window),
        "sponsor": lambda: SponsorDialog(controller, window),
        "call person": lambda: CallPersonDialog(controller, None, window),
        "day": lambda: DayDialog(controller, TODAY - dt.timedelta(days=2), window),
        "anchor": lambda: AnchorDialog(controller, TODAY, window),
        "settings": lambda: _settings_as_opened(window),
        "help": lambda: HelpDialog(controller, window),
        "passphrase": lambda: ChangePassphraseDialog(controller, window),
        "new code": lambda: NewCodeDialog(controller, window),
        "recovery code": lambda: RecoveryCodeDialog(CODE, window),
        "export report": lambda: ExportReportDialog(session, controller.today, window),
    }


@pytest.mark.parametrize("percent", [100, 150])
def test_every_dialog_fits_a_1024_by_600_screen(qtbot, launch, journal, screen, text_size, percent):
    screen(NETBOOK)
    text_size(percent)
    _a_lived_in_journal(journal[0])
    window = open_journal(qtbot, launch, journal[0])
    assert _inside(window, NETBOOK)
    problems = []
    for name, make in _dialogs(window).items():
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        if name == "settings":  # the longest tab
            dialog.tabs.setCurrentIndex(1)
        settle(qtbot)
        least = dialog.minimumSizeHint()
        room = screen_fit.room_for(dialog)
        if least.width() > room.width() or least.height() > room.height():
            problems.append(f"{name}: needs at least {least.width()}×{least.height()}")
        if not _inside(dialog, NETBOOK):
            geometry = dialog.geometry()
            problems.append(
                f"{name}: {geometry.width()}×{geometry.height()} at {geometry.topLeft()}"
            )
        cut = _buttons_visible(dialog)
        if cut:
            problems.append(f"{name}: buttons cut off: {cut}")
        squeezed = _squeezed_text(dialog)
        if squeezed:
            problems.append(f"{name}: text cut off: {squeezed}")
        dialog.close()
        dialog.deleteLater()
    assert not problems, "\n".join(problems)


def test_the_report_dialog_asks_for_the_screen_it_has(qtbot, launch, journal, screen):
    """It used to open 644 px tall whatever the screen."""
    screen(NETBOOK)
    window = open_journal(qtbot, launch, journal[0])
    dialog = ExportReportDialog(window.controller.session, window.controller.today, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot)
    assert dialog.height() <= screen_fit.room_for(dialog).height()
    assert _inside(dialog, NETBOOK)
    assert not _buttons_visible(dialog)
    assert dialog.save_button.visibleRegion().boundingRect().size() == dialog.save_button.size()


@pytest.mark.parametrize("area", [NETBOOK, LAPTOP], ids=["1024x600", "1366x768"])
def test_the_window_opens_within_the_screen(qtbot, launch, journal, screen, area):
    screen(area)
    window = open_journal(qtbot, launch, journal[0])
    assert _inside(window, area)
    # and it uses the screen: not a small window in a corner of a small screen
    assert window.width() >= area.width() * 0.9


def test_at_150_percent_no_page_makes_the_window_larger_than_the_screen(
    qtbot, launch, journal, screen, text_size
):
    """A page whose least size is larger than the window (the Calendar at 150 % on a
    1024×600 screen) scrolls instead of growing the window past the screen."""
    screen(NETBOOK)
    text_size(150)
    _a_lived_in_journal(journal[0])
    window = open_journal(qtbot, launch, journal[0])
    for spec in PAGES:
        window.show_page(spec.key)
        settle(qtbot)
        assert _inside(window, NETBOOK), spec.key
        assert window.minimumSizeHint().width() <= NETBOOK.width(), spec.key


def test_a_window_remembered_from_a_larger_screen_comes_back_inside(
    qtbot, launch, journal, screen, prefs
):
    big = QWidget()
    big.setGeometry(300, 200, 1800, 1000)
    prefs.set_geometry(QByteArray(big.saveGeometry()))
    big.deleteLater()
    screen(NETBOOK)
    window = open_journal(qtbot, launch, journal[0])
    assert _inside(window, NETBOOK)


def test_todays_first_card_shows_without_scrolling_on_a_1366_by_768_laptop(
    qtbot, launch, journal, screen
):
    screen(LAPTOP)
    _a_lived_in_journal(journal[0])
    window = open_journal(qtbot, launch, journal[0])
    today = window.shell.page("today")
    assert isinstance(today, TodayView)
    scroll = today.findChild(QScrollArea)
    viewport = scroll.viewport()

    def first_card_shown() -> bool:
        card = today.cards[0]
        where = QRect(card.mapTo(viewport, card.rect().topLeft()), card.size())
        return viewport.rect().contains(where) and scroll.verticalScrollBar().value() == 0

    settle(qtbot)
    assert first_card_shown()
    assert today.side_by_side


def test_the_first_run_wizard_fits_a_1024_by_600_screen(qtbot, tmp_path, screen, text_size):
    screen(NETBOOK)
    text_size(150)
    wizard = FirstRunWizard(tmp_path / "new.rjvault", kdf=lambda: FAST_KDF, today=lambda: TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    settle(qtbot)
    assert _inside(wizard, NETBOOK)
    # the welcome page's paragraphs get the lines they need (no text drawn over text)
    page = wizard.currentPage()
    labels = [label for label in page.findChildren(QWidget) if label.isVisibleTo(page)]
    for label in labels:
        if label.hasHeightForWidth():
            assert label.height() >= label.heightForWidth(label.width()), label.accessibleName()


SCALED = r"""
import json, sys, datetime as dt
from pathlib import Path
from PySide6.QtWidgets import QApplication
from recovery_journal.ui.app.application import make_application
from recovery_journal.ui.app.main_window import MainWindow
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.common import screen_fit
from recovery_journal.ui.pages.review.export_dialog import ExportReportDialog
from recovery_journal.ui.pages.settings.settings_dialog import SettingsDialog
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.app.pages import PAGES
from tests.conftest import FAST_KDF
app = make_application([])
folder = Path(sys.argv[1])
session, _ = JournalSession.create(folder / "j.rjvault", "steady morning light", kdf=FAST_KDF)
window = MainWindow(folder / "j.rjvault", prefs=Prefs(folder / "p.ini"))
window.open_session(session)
window.show()
app.processEvents()
found = {"ratio": window.devicePixelRatio(), "area": screen_fit.available_area(window).getRect()}
def inside(w):
    framed = w.geometry().marginsAdded(screen_fit.frame_margins(w))
    return screen_fit.available_area(w).contains(framed)
found["window"] = inside(window)
for name, dialog in (("settings", SettingsDialog(window.controller, window)),
                     ("export", ExportReportDialog(session, window.controller.today, window))):
    dialog.show(); app.processEvents()
    found[name] = inside(dialog)
    dialog.close()
window.close()
print(json.dumps(found))
"""


@pytest.mark.parametrize("physical", [(2048, 1200), (2732, 1536)], ids=["1024x600", "1366x768"])
def test_at_twice_the_scale_the_window_and_dialogs_fit(tmp_path, physical):
    config = tmp_path / "screen.json"
    width, height = physical
    config.write_text(
        json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height}]})
    )
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR="2",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    result = subprocess.run(
        [sys.executable, "-c", SCALED, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["ratio"] == 2.0
    assert found["area"][2:] == [width // 2, height // 2]
    assert found["window"] and found["settings"] and found["export"], found
