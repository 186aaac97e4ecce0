"""First run: what the app is and its promise, a passphrase, the recovery code (shown once and
confirmed), and a few optional details. The journal file is made when the passphrase page is
left, on a worker thread, with a busy indication.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from recovery_journal.domain.models import CallListPerson, Sponsor
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.common import helplines, icons
from recovery_journal.ui.common.messages import open_error_text
from recovery_journal.ui.common.widgets import BusyRow, FieldMessage, OptionalDate, named, wrapped
from recovery_journal.ui.common.worker import run_in_background
from recovery_journal.ui.lock.passphrase import NewPassphraseFields
from recovery_journal.ui.lock.recovery_code import RecoveryCodePanel

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession
    from recovery_journal.ui.app.reminder_options import ReminderOptions

#: Returns the key-derivation parameters for a new journal (``None``: calibrate, ~1 s).
KdfFactory = Callable[[], Any]

INTRO = (
    "A private notebook for your recovery. Each day you can note whether you stayed "
    "abstinent, how strong cravings were, the meetings you went to and your contact with your "
    "sponsor, and see how things are going over time."
)
PROMISES = (
    (
        "Private.",
        "Everything you write stays on this computer, in one encrypted file that only your "
        "passphrase or your recovery code can open. The app never connects to the internet.",
    ),
    ("Safe.", "Every change is saved at once, with encrypted backups."),
    (
        "Kind.",
        "One hard day doesn't erase your progress. Days you haven't filled in are never "
        "guessed as abstinent or used: they are counted as not filled in, and by default they "
        "don't break your count of days without using.",
    ),
    (
        "Not a clinic.",
        "It is a personal journal, not a clinical service. If you need help right now, the "
        "“Get help now” button is always there.",
    ),
)


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Welcome to Recovery Journal")
        self.setSubTitle("What this app is, and what it promises you.")
        layout = QVBoxLayout(self)
        layout.setSpacing(self.fontMetrics().height())
        layout.addWidget(wrapped(INTRO, self))
        for lead, text in PROMISES:
            label = wrapped("", self)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(f"<b>{lead}</b> {text}")
            label.setAccessibleName(f"{lead} {text}")
            layout.addWidget(label)
        layout.addStretch(1)


class PassphrasePage(QWizardPage):
    """Choosing the passphrase; leaving this page makes the journal file."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle("Choose a passphrase")
        self.setSubTitle(
            "Your passphrase locks your journal. Nobody, including us, can open it without "
            "your passphrase or your recovery code."
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Make my journal")
        layout = QVBoxLayout(self)
        self.fields = NewPassphraseFields(self, label="Passphrase")
        self.fields.changed.connect(self.completeChanged)
        layout.addWidget(self.fields)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self.busy = BusyRow("Making your journal…", self)
        layout.addWidget(self.busy)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return not self._wizard.creating and self.fields.problem() is None

    def validatePage(self) -> bool:
        if self._wizard.session is not None:
            return True
        if self.fields.problem() is None and not self._wizard.creating:
            self._wizard.create_journal(self.fields.passphrase())
        return False


class RecoveryCodePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Keep your recovery code safe")
        self.setSubTitle("Your journal is made. This is your way back in if you forget.")
        self._layout = QVBoxLayout(self)
        self.panel: RecoveryCodePanel | None = None

    def show_code(self, code: str) -> None:
        self.panel = RecoveryCodePanel(code, self)
        self.panel.confirmed_changed.connect(lambda _ok: self.completeChanged.emit())
        self._layout.addWidget(self.panel)
        self._layout.addStretch(1)

    def initializePage(self) -> None:
        if self.panel is not None:
            self.panel.check.setFocus()

    def isComplete(self) -> bool:
        return self.panel is not None and self.panel.is_confirmed()


class AboutYouPage(QWizardPage):
    """Optional details; everything here can be changed later in Settings."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("A few details (all optional)")
        self.setSubTitle("Skip anything you like; you can change all of it later in Settings.")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.sobriety = OptionalDate("I count a &sobriety date:", today, self)
        form.addRow(self.sobriety)
        form.addRow(
            wrapped(
                "The date you count your sobriety from; Today shows the days since it.",
                self,
                muted=True,
            )
        )
        self.tracking = OptionalDate("Start &counting from:", today, self)
        form.addRow(self.tracking)
        form.addRow(
            wrapped(
                "The first day of your journal's figures (otherwise the first day you record); "
                "earlier days you know about can then be filled in.",
                self,
                muted=True,
            )
        )

        fellowships = QWidget(self)
        grid = QGridLayout(fellowships)
        grid.setContentsMargins(0, 0, 0, 0)
        self.fellowship_boxes: dict[str, QCheckBox] = {}
        for index, key in enumerate(("AA", "NA", "CA", "SMART")):
            box = named(QCheckBox(key, fellowships), f"I go to {key} meetings")
            self.fellowship_boxes[key] = box
            grid.addWidget(box, 0, index)
        self.other_fellowship = named(QLineEdit(fellowships), "Another fellowship")
        self.other_fellowship.setPlaceholderText("Another fellowship or group")
        grid.addWidget(self.other_fellowship, 1, 0, 1, 4)
        form.addRow("Meetings I go to:", fellowships)

        self.sponsor_name = named(QLineEdit(self), "Your sponsor's name or a nickname")
        self.sponsor_name.setPlaceholderText("A first name or a nickname is enough")
        form.addRow("Your s&ponsor:", self.sponsor_name)
        self.sponsor_phone = named(QLineEdit(self), "Your sponsor's phone number")
        self.sponsor_phone.setPlaceholderText("For your call list on the help screen")
        form.addRow("Sponsor's p&hone:", self.sponsor_phone)

        self.country = named(QComboBox(self), "Country")
        self.country.addItem("Choose…", "")
        for item in helplines.countries():
            self.country.addItem(item.name, item.code)
        self.country.addItem("Another country", "other")
        self.country.currentIndexChanged.connect(self._country_changed)
        form.addRow("Co&untry:", self.country)
        self.emergency = named(QLineEdit(self), "Emergency number")
        self.emergency.setPlaceholderText("e.g. 112")
        form.addRow("&Emergency number:", self.emergency)
        layout.addLayout(form)
        layout.addStretch(1)

    def _country_changed(self) -> None:
        found = helplines.country(self.country.currentData() or "")
        if found is not None:
            self.emergency.setText(found.emergency)

    def fellowships(self) -> tuple[str, ...]:
        chosen = [key for key, box in self.fellowship_boxes.items() if box.isChecked()]
        other = self.other_fellowship.text().strip()
        return (*chosen, other) if other else tuple(chosen)


class FirstRunWizard(QWizard):
    """Emits ``journal_ready(session)`` once the journal exists and the details are saved."""

    journal_ready = Signal(object)

    def __init__(
        self,
        vault_path: Path,
        *,
        kdf: KdfFactory = lambda: None,
        today: Callable[[], dt.date] = dt.date.today,
        prefs: Prefs | None = None,
        reminders: ReminderOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_path = vault_path
        self._kdf = kdf
        self._prefs = prefs
        #: The question asked when the window is closed before the code was confirmed.
        self.leave_box: QMessageBox | None = None
        self._today = today()
        self.session: JournalSession | None = None
        self.creating = False
        self._confirmed_noted = False
        self.setWindowTitle("Recovery Journal: make your journal")
        self.setAccessibleName("Make your journal")
        self.setWindowIcon(icons.app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        logo = self.fontMetrics().height() * 3
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icons.app_icon().pixmap(logo, logo))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.welcome = WelcomePage(self)
        self.passphrase = PassphrasePage(self)
        self.code = RecoveryCodePage(self)
        self.about = AboutYouPage(self._today, self)
        for page in (self.welcome, self.passphrase, self.code, self.about):
            self.addPage(page)
        self.addPage(self._reminder_page(reminders))
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Open my journal")
        for which in (
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CommitButton,
        ):
            button = self.button(which)
            button.setAccessibleName(button.text().replace("&", "").strip("<> "))
        self.currentIdChanged.connect(self._name_buttons)

    @property
    def prefs(self) -> Prefs:
        if self._prefs is None:
            self._prefs = Prefs()
        return self._prefs

    def _reminder_page(self, options: ReminderOptions | None) -> QWizardPage:
        """The daily reminder, offered last (kept in the window preferences as it changes)."""
        from recovery_journal.ui.app.reminder_options import ReminderOptions
        from recovery_journal.ui.lock.reminder_page import ReminderPage

        self.reminder = ReminderPage(options or ReminderOptions(self.prefs, parent=self), self)
        return self.reminder

    def code_confirmed(self) -> bool:
        panel = self.code.panel
        return panel is not None and panel.is_confirmed()

    def _name_buttons(self) -> None:
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton):
            button = self.button(which)
            button.setAccessibleName(button.text().replace("&", "").strip("<> "))

    # -- making the journal ---------------------------------------------------------------------
    def create_journal(self, passphrase: str) -> None:
        from recovery_journal.services.session import JournalSession

        self.creating = True
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)  # nothing to cancel
        self.passphrase.completeChanged.emit()
        self.passphrase.fields.setEnabled(False)
        self.passphrase.message.clear_message()
        self.passphrase.busy.start(
            "Making your journal… This takes a moment while your passphrase is turned into "
            "a strong key."
        )
        path, kdf = self.vault_path, self._kdf
        run_in_background(
            lambda: JournalSession.create(path, passphrase, kdf=kdf()),
            self._created,
            self._failed,
        )

    def _created(self, result: tuple[JournalSession, str]) -> None:
        self.session, code = result
        self.creating = False
        self._confirmed_noted = False
        # The journal exists now: from here on there is nothing to cancel, and the code must
        # be kept. Until it is confirmed, the next unlock offers a new one (in case the app
        # is closed or stops on this page).
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.prefs.set_code_unconfirmed(self.vault_path, True)
        self.passphrase.busy.stop()
        self.passphrase.fields.clear()
        self.code.show_code(code)
        assert self.code.panel is not None
        self.code.panel.confirmed_changed.connect(self._code_confirmed_changed)
        self.next()

    def _code_confirmed_changed(self, confirmed: bool) -> None:
        if confirmed == self._confirmed_noted:
            return
        self._confirmed_noted = confirmed
        self.prefs.set_code_unconfirmed(self.vault_path, not confirmed)

    def _failed(self, error: BaseException) -> None:
        self.creating = False
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.passphrase.busy.stop()
        self.passphrase.fields.setEnabled(True)
        self.passphrase.message.show_message(open_error_text(error))
        self.passphrase.completeChanged.emit()

    # -- finishing ------------------------------------------------------------------------------
    def accept(self) -> None:
        session = self.session
        if session is None:
            return
        self._save_details(session)
        self.session = None
        self.journal_ready.emit(session)  # the window shows before the wizard goes away
        super().accept()

    def _save_details(self, session: JournalSession) -> None:
        about = self.about
        session.set_clock(lambda: self._today)  # the same today as the wizard's own fields
        changes: dict[str, Any] = {}
        if about.sobriety.value() is not None:
            changes["sobriety_date"] = about.sobriety.value()
        if about.tracking.value() is not None:
            changes["tracking_start"] = about.tracking.value()
        if about.fellowships():
            changes["fellowships"] = about.fellowships()
        code = about.country.currentData() or ""
        if code:
            changes["country"] = code
        if about.emergency.text().strip():
            changes["emergency_number"] = about.emergency.text().strip()
        if changes:
            session.update_settings(**changes)
        name = about.sponsor_name.text().strip()
        if name:
            from recovery_journal.domain.sponsors import next_sponsor_key

            key = next_sponsor_key(session.data())
            phone = about.sponsor_phone.text().strip()
            session.write_many(  # the sponsor and their place on the call list, as one
                put=[
                    Sponsor(key=key, name=name, started_on=self._today),
                    CallListPerson(name=name, role="Sponsor", phone=phone),
                ]
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape does not close the wizard once the journal exists (or while it is made)."""
        if event.key() == Qt.Key.Key_Escape and (self.creating or self.session is not None):
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window before the code is confirmed asks whether it was kept."""
        if self.creating:
            event.ignore()
            return
        if self.session is not None and not self.code_confirmed() and not self._may_leave():
            event.ignore()
            return
        super().closeEvent(event)

    def _may_leave(self) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Your recovery code")
        box.setText("Your recovery code won't be shown again. Have you kept it somewhere safe?")
        box.setInformativeText(
            "If you haven't, you can make a new one the next time you open your journal."
        )
        back = box.addButton("&Go back", QMessageBox.ButtonRole.RejectRole)
        back.setAccessibleName("Go back")
        kept = box.addButton("&I've kept it", QMessageBox.ButtonRole.AcceptRole)
        kept.setAccessibleName("I've kept it")
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        self.leave_box = box
        try:
            box.exec()
        finally:
            self.leave_box = None
        return box.clickedButton() is kept

    def reject(self) -> None:
        if self.creating:
            return  # the file is being made; closing now would leave it half-explained
        if self.session is not None:
            self.session.close()
            self.session = None
        super().reject()
