"""Every control on every screen has an accessible name, and everything is reachable by
keyboard (a focus policy that includes Tab, and a keyboard way to every place)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
    QWizard,
)

from recovery_journal.ui.app.pages import PAGES
from recovery_journal.ui.dialogs.call_person import CallPersonDialog
from recovery_journal.ui.dialogs.checkin import CheckinDialog
from recovery_journal.ui.dialogs.contact import ContactDialog
from recovery_journal.ui.dialogs.meeting import MeetingDialog
from recovery_journal.ui.dialogs.secrets import ChangePassphraseDialog
from recovery_journal.ui.lock.recovery_code import RecoveryCodeDialog
from recovery_journal.ui.lock.recovery_reset import NewCodeView, ResetPassphraseView
from recovery_journal.ui.lock.wizard import FirstRunWizard
from recovery_journal.ui.pages.help.help_screen import HelpDialog
from recovery_journal.ui.pages.settings.settings_dialog import SettingsDialog
from tests.ui.conftest import TODAY, open_journal

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QMenuBar,
)
#: Parts Qt builds inside a named control (a spin box's line edit, a tab bar's arrows …).
INTERNAL_TO = (QAbstractSpinBox, QComboBox, QTabBar)
CODE = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"


def _internal(widget: QWidget, root: QWidget) -> bool:
    if isinstance(widget, QScrollBar | QTabBar):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, INTERNAL_TO):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or _internal(widget, root):
            continue
        if not widget.accessibleName().strip():
            text = getattr(widget, "text", lambda: "")()
            found.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r}")
    return found


def _tab_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _in_bar(widget: QWidget) -> bool:
    """Menu and tool bars: their items are reached with Alt, the menus and shortcuts."""
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, QMenuBar | QToolBar):
            return True
        parent = parent.parentWidget()
    return False


def unreachable_controls(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _internal(widget, root) or _in_bar(widget):
            continue
        group = widget.group() if isinstance(widget, QAbstractButton) else None
        # Like radio buttons: Tab reaches an exclusive group, the arrow keys move within it.
        if (
            group is not None
            and group.exclusive()
            and any(_tab_focus(button) for button in group.buttons())
        ):
            continue
        if not _tab_focus(widget):
            found.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    return found


def _check(root: QWidget) -> None:
    unnamed = unnamed_controls(root)
    assert not unnamed, "no accessible name:\n" + "\n".join(unnamed)
    unreachable = unreachable_controls(root)
    assert not unreachable, "not reachable with Tab:\n" + "\n".join(unreachable)


def test_the_wizard(qtbot, tmp_path):
    wizard = FirstRunWizard(tmp_path / "journal.rjvault")
    qtbot.addWidget(wizard)
    wizard.code.show_code(CODE)
    _check(wizard)
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
        assert wizard.button(which).accessibleName()


def test_the_journal_window_every_place_and_dialog(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    for spec in PAGES:
        window.show_page(spec.key)
    _check(window)
    controller = window.controller
    for dialog in (
        MeetingDialog(controller, TODAY, window),
        ContactDialog(controller, TODAY, window),
        CheckinDialog(controller, TODAY, window),
        CallPersonDialog(controller, None, window),
        SettingsDialog(controller, window),
        HelpDialog(controller, window),
        ChangePassphraseDialog(controller, window),
        RecoveryCodeDialog(CODE, window),
    ):
        _check(dialog)
        dialog.deleteLater()
    _check(ResetPassphraseView(controller.session))
    _check(NewCodeView(CODE))


def test_the_unlock_screen_and_the_help_screen_while_locked(qtbot, launch, journal):
    window = launch(journal[0]).window
    _check(window)
    window.unlock_view.switch_button.click()  # recovery-code mode
    _check(window)
    _check(HelpDialog(None, window))


def test_every_place_has_a_keyboard_shortcut(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    shortcuts = [action.shortcut().toString() for action in window.page_actions]
    assert shortcuts == [f"Alt+{n}" for n in range(1, len(PAGES) + 1)]
    for action, spec in zip(window.page_actions, PAGES, strict=True):
        action.trigger()
        assert window.shell.current_key == spec.key
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.help_action.shortcut().toString() == "F1"
    assert window.settings_action.shortcut().toString() in ("Ctrl+,", "Ctrl+Comma")
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_today_can_be_filled_in_with_the_keyboard_alone(qtbot, launch, journal):
    from recovery_journal.domain.models import DayStatus

    window = open_journal(qtbot, launch, journal[0])
    today = window.shell.page("today")
    with qtbot.waitActive(window):
        window.activateWindow()
    # Unlocking puts the focus on the day's status question; Space answers it.
    qtbot.waitUntil(lambda: today.form.status_buttons[DayStatus.ABSTINENT].hasFocus())
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)  # arrows move within the group
    assert today.form.status_buttons[DayStatus.USED].hasFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
    assert window.controller.session.get_day(TODAY).status == DayStatus.USED
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    session = window.controller.session
    qtbot.waitUntil(lambda: session.get_day(TODAY).status == DayStatus.ABSTINENT)
    today.form.craving.setFocus()
    qtbot.keyClick(today.form.craving.slider, Qt.Key.Key_End)
    assert today.form.craving.value() == 10
    qtbot.keyClick(today, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert today.day < TODAY


def _mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys on one screen: buttons, labels with a buddy, menu titles."""
    from PySide6.QtWidgets import QLabel

    letters = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or (_in_bar(widget) and not isinstance(widget, QMenuBar)):
            continue
        texts = []
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            texts.append(widget.text())
        elif isinstance(widget, QMenuBar):
            texts += [action.text() for action in widget.actions()]
        for text in texts:
            index = text.replace("&&", "").find("&")
            if index >= 0:
                letters.append(text.replace("&&", "")[index + 1].lower())
    return letters


def test_no_two_controls_share_an_alt_key(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    keys = [str(n) for n in range(1, len(PAGES) + 1)]  # Alt+1 … Alt+7 go to the places
    letters = _mnemonics(window) + keys
    assert len(letters) == len(set(letters)), " ".join(sorted(letters))
    for dialog in (
        MeetingDialog(window.controller, TODAY, window),
        ContactDialog(window.controller, TODAY, window),
        SettingsDialog(window.controller, window),
    ):
        dialog.show()
        letters = _mnemonics(dialog)
        assert len(letters) == len(set(letters)), f"{type(dialog).__name__}: {sorted(letters)}"
        dialog.close()
