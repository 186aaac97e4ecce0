"""File → Export report: the warning, the preview of the same pages, notes only when ticked,
saving a private PDF and printing."""

from __future__ import annotations

import stat

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QAbstractButton, QWidget

from recovery_journal.services.session import JournalSession
from recovery_journal.ui.pages.review.export_dialog import ExportReportDialog
from recovery_journal.ui.pages.review.view import ReviewView
from tests.conftest import FAST_KDF
from tests.report.journal import AS_OF, DAY_NOTE, journal, store


@pytest.fixture
def session(tmp_path):
    session, _ = JournalSession.create(tmp_path / "j.rjvault", "a long passphrase", kdf=FAST_KDF)
    store(session, journal())
    yield session
    session.close()


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def test_export_from_the_review_page_mirrors_its_period_and_notes_box(qtbot, session):
    view = ReviewView(session, lambda: AS_OF)
    qtbot.addWidget(view)
    view.show()
    view.picker.set_key("90d")
    view.notes_box.setChecked(True)
    dialog = view.export_report()
    assert dialog is not None
    assert dialog.picker.key == "90d"
    assert dialog.include_notes.isChecked()
    assert dialog.content is not None and dialog.content.include_notes
    dialog.reject()
    view.notes_box.setChecked(False)
    dialog = view.export_report()
    assert dialog is not None and not dialog.include_notes.isChecked()
    dialog.reject()


def test_the_dialog_warns_that_the_pdf_is_not_encrypted_and_previews_every_page(qtbot, session):
    dialog = ExportReportDialog(session, lambda: AS_OF)
    qtbot.addWidget(dialog)
    assert dialog.warning.title.text() == "This PDF is not encrypted"
    assert "not encrypted" in dialog.warning.text.text()
    dialog.render_all_previews()
    assert dialog.preview_count == len(dialog.pages) >= 8
    assert f"Preview: {len(dialog.pages)} pages." in dialog.preview_label.text()
    assert all(w.accessibleName() for w in dialog.findChildren(QAbstractButton))


def test_saving_writes_the_previewed_pages_to_a_private_pdf(qtbot, session, tmp_path):
    dialog = ExportReportDialog(session, lambda: AS_OF)
    qtbot.addWidget(dialog)
    dialog.picker.set_key("90d")
    target = tmp_path / "out" / "review.pdf"
    target.parent.mkdir()
    dialog.ask_path = lambda suggested: target
    assert dialog.save() == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(PdfReader(target).pages) == len(dialog.pages)
    assert DAY_NOTE not in pdf_text(target)
    assert "not encrypted" in dialog.status.text()

    dialog.include_notes.setChecked(True)
    assert dialog.save() == target
    assert DAY_NOTE in pdf_text(target)


def test_saving_refuses_the_journal_itself_and_a_file_that_is_not_a_pdf(qtbot, session, tmp_path):
    dialog = ExportReportDialog(session, lambda: AS_OF)
    qtbot.addWidget(dialog)
    other = tmp_path / "mine.pdf"
    other.write_text("not a pdf")
    dialog.ask_path = lambda suggested: other
    assert dialog.save() is None
    assert other.read_text() == "not a pdf"
    assert "wasn't saved" in dialog.status.text()
    before = session.path.read_bytes()
    dialog.ask_path = lambda suggested: session.path
    assert dialog.save() is None
    assert session.path.read_bytes() == before


def test_printing_puts_every_page_on_the_printer(qtbot, session, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    dialog = ExportReportDialog(session, lambda: AS_OF)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == len(dialog.pages)


def test_cancelling_the_print_dialog_prints_nothing(qtbot, session, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = ExportReportDialog(session, lambda: AS_OF)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 0)
    printed: list[object] = []
    monkeypatch.setattr(dialog, "print_to", printed.append)
    assert dialog.print_report() is False and printed == []


def test_closing_the_dialog_lets_go_of_the_pages(qtbot, session):
    from PySide6.QtCore import QCoreApplication, QEvent

    dialog = ExportReportDialog(session, lambda: AS_OF)
    qtbot.addWidget(dialog)
    dialog.render_all_previews()

    def previews() -> list[QWidget]:
        return [w for w in dialog.findChildren(QWidget) if w.accessibleName().startswith("Page ")]

    assert dialog.pages and previews()
    dialog.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert dialog.pages == [] and previews() == []


NAME = "Zephyrine"  # a name no other text of the report holds


def test_the_network_goes_into_the_review_and_the_pdf_only_when_asked_and_names_only_if_ticked(
    qtbot, session, tmp_path
):
    from recovery_journal.domain.models import Person, PersonEntry, PersonStance, PersonUse

    session.add_person(
        Person("z", NAME), PersonEntry(AS_OF, "z", PersonUse.RECOVERY, PersonStance.SUPPORTS)
    )
    view = ReviewView(session, lambda: AS_OF)
    qtbot.addWidget(view)
    view.show()
    assert "network" not in [box.chart.name for box in view.review.charts]
    view.network_box.setChecked(True)
    assert "network" in [box.chart.name for box in view.review.charts]
    assert NAME not in view.review.visible_text()
    dialog = view.export_report()
    assert dialog is not None and dialog.include_network.isChecked()
    assert not dialog.include_names.isChecked()  # names are off unless ticked
    target = tmp_path / "review.pdf"
    dialog.ask_path = lambda suggested: target
    assert NAME not in suggested_name(dialog)
    assert dialog.save() == target
    text = pdf_text(target)
    assert "The people around you" in text and NAME not in text
    dialog.include_names.setChecked(True)
    assert dialog.save() == target
    assert f"Supporting your recovery: {NAME}." in pdf_text(target)
    dialog.include_network.setChecked(False)
    assert not dialog.include_names.isChecked()
    assert dialog.save() == target
    assert "The people around you" not in pdf_text(target)
    dialog.reject()


def suggested_name(dialog: ExportReportDialog) -> str:
    from recovery_journal.ui.pages.review.export_dialog import suggested_file_name

    assert dialog.content is not None
    return suggested_file_name(dialog.content)
