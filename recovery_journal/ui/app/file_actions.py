"""File menu: an encrypted backup copy, importing a JSON interchange file, and exporting a
readable (not encrypted) copy as JSON or a folder of CSV files.

``write_backup``, ``export_to`` and ``import_from`` do the work and return the words to show;
the functions without a path ask for one with the usual file dialogs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from recovery_journal.services.errors import VaultError
from recovery_journal.ui.common.messages import unexpected_text

if TYPE_CHECKING:
    from recovery_journal.services.interchange_json import ImportMode
    from recovery_journal.ui.app.controller import JournalController

NOT_ENCRYPTED = (
    "An export is not encrypted: anyone who can open the file can read everything in it. "
    "Keep it somewhere private, and delete it when you no longer need it."
)

ExportFormat = Literal["json", "csv"]


class ActionFailed(Exception):
    """The action did not happen; ``str()`` says why, in plain words."""


#: Added when a file is in place but the system couldn't confirm it reached the disk.
NOT_CONFIRMED = (
    "The system couldn't confirm that the file reached the disk; if this is a removable or "
    "network drive, wait a moment before removing it."
)


def _guard(controller: JournalController, destination: Path, what: str, **options: bool) -> None:
    """Never write over the journal, its backups or its lock, whatever the dialog returned."""
    from recovery_journal.services.files import target_problem

    problem = target_problem(destination, controller.session.path, **options)
    if problem is not None:
        raise ActionFailed(f"The {what} wasn't written: {problem}.")


def write_backup(controller: JournalController, destination: Path) -> str:
    _guard(controller, destination, "backup", copy_of_journal=True)
    try:
        durable = controller.session.write_backup(destination)
    except VaultError as error:
        raise ActionFailed(f"The backup couldn't be written. {error.message}") from error
    except OSError as error:
        raise ActionFailed(f"The backup couldn't be written: {error.strerror}.") from error
    return (
        f"An encrypted copy of your journal was saved to {destination}. It opens with your "
        "current passphrase or recovery code." + ("" if durable else f" {NOT_CONFIRMED}")
    )


def export_to(controller: JournalController, destination: Path, kind: ExportFormat) -> str:
    _guard(controller, destination, "export")
    data = controller.data()
    try:
        if kind == "json":
            from recovery_journal.services.files import write_private_file
            from recovery_journal.services.interchange_json import export_json

            text = export_json(data, dt.datetime.now(dt.UTC))
            durable = write_private_file(destination, text.encode("utf-8"))
        else:
            from recovery_journal.services.interchange_csv import export_csv, holds_files

            if destination.exists() and (not destination.is_dir() or holds_files(destination)):
                raise ActionFailed(
                    f"{destination} already has files in it. Please choose a new or empty folder."
                )
            durable = export_csv(data, destination).durable
    except VaultError as error:
        raise ActionFailed(f"The export couldn't be written. {error.message}") from error
    except OSError as error:
        raise ActionFailed(f"The export couldn't be written: {error.strerror}.") from error
    done = f"Your journal was exported to {destination}. {NOT_ENCRYPTED}"
    return done if durable else f"{done} {NOT_CONFIRMED}"


def import_from(controller: JournalController, source: Path, mode: ImportMode) -> str:
    from recovery_journal.services.interchange_json import (
        ImportRefused,
        parse_json,
        read_import_file,
    )

    try:
        data = parse_json(read_import_file(source), controller.today())
        summary = controller.session.import_data(data, mode)
        if mode == "replace":  # the records the undo steps name are gone
            controller.undo_stack.clear()
    except ImportRefused as error:
        lines = "\n".join(f"• {path}: {reason}" for path, reason in error.errors)
        raise ActionFailed(
            "Nothing was imported, and your journal is unchanged. The file has these "
            f"problems:\n{lines}"
        ) from error
    counts = ", ".join(
        f"{number} {_WHAT[kind][number != 1] if kind in _WHAT else kind.replace('_', ' ')}"
        for kind, number in summary.counts.items()
        if number
    )
    return f"Imported {counts or 'nothing (the file has no records)'}."


#: The interchange lists in words: (one, more).
_WHAT = {
    "days": ("day", "days"),
    "sponsors": ("sponsor", "sponsors"),
    "meetings": ("meeting", "meetings"),
    "sponsor_contacts": ("sponsor contact", "sponsor contacts"),
    "alliance_checkins": ("relationship check-in", "relationship check-ins"),
    "journal_entries": ("journal entry", "journal entries"),
    "anchor_events": ("calendar note", "calendar notes"),
    "call_list": ("person on the call list", "people on the call list"),
}


# -- with dialogs -------------------------------------------------------------------------------


def _tell(parent: QWidget, title: str, text: str, *, problem: bool = False) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.exec()


def _run(parent: QWidget, title: str, action: object) -> None:
    try:
        text = action() if callable(action) else ""
    except ActionFailed as error:
        _tell(parent, title, str(error), problem=True)
    except Exception as error:
        _tell(parent, title, unexpected_text(error), problem=True)
    else:
        _tell(parent, title, str(text))


def back_up(controller: JournalController, parent: QWidget) -> None:
    name = f"recovery-journal-backup-{controller.today().isoformat()}.rjvault"
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save an encrypted backup", str(Path.home() / name), "Journal files (*.rjvault)"
    )
    if path:
        _run(parent, "Backup", lambda: write_backup(controller, Path(path)))


def export_file(controller: JournalController, parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Export a readable copy")
    box.setText("Export your journal as a readable file?")
    box.setInformativeText(
        f"{NOT_ENCRYPTED}\n\nA JSON file can be imported again later. CSV files open in a "
        "spreadsheet."
    )
    json_button = box.addButton("Export as JSON…", QMessageBox.ButtonRole.AcceptRole)
    csv_button = box.addButton("Export as CSV files…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    stamp = controller.today().isoformat()
    if box.clickedButton() is json_button:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            "Export as JSON",
            str(Path.home() / f"recovery-journal-{stamp}.json"),
            "JSON files (*.json)",
        )
        if path:
            _run(parent, "Export", lambda: export_to(controller, Path(path), "json"))
    elif box.clickedButton() is csv_button:
        folder = QFileDialog.getExistingDirectory(
            parent, "Choose an empty folder for the CSV files", str(Path.home())
        )
        if folder:
            _run(parent, "Export", lambda: export_to(controller, Path(folder), "csv"))


def import_file(controller: JournalController, parent: QWidget) -> None:
    path, _ = QFileDialog.getOpenFileName(
        parent, "Import a Recovery Journal file", str(Path.home()), "JSON files (*.json)"
    )
    if not path:
        return
    mode: ImportMode = "refuse_if_not_empty"
    if not controller.session.is_empty():
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Import")
        box.setText("Your journal already has records. How should the file be added?")
        box.setInformativeText(
            "Add: keeps everything you have and adds the file's records (a day you have "
            "already recorded stops the import, and nothing is changed).\n\n"
            "Replace: replaces everything with the file. An encrypted backup of your journal "
            "as it is now is kept first."
        )
        add = box.addButton("Add to my journal", QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton("Replace my journal", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is add:
            mode = "merge"
        elif box.clickedButton() is replace:
            mode = "replace"
        else:
            return
    _run(parent, "Import", lambda: import_from(controller, Path(path), mode))
