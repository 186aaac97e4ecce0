"""Saying what just happened, and taking it back: the undo line (over the window's undo
stack), and a non-blocking question with a few answers (keyboard-friendly and easy to drive in
tests)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from recovery_journal.ui.common.undo import STEP_ERRORS, DeleteStep, ServiceStep, step_state
from recovery_journal.ui.common.widgets import named

if TYPE_CHECKING:
    from recovery_journal.domain.validation import Record
    from recovery_journal.ui.common.undo import StepHost


class UndoBar(QFrame):
    """ "Meeting deleted." with an Undo button; hidden until there is something to say.

    The button undoes the window's last step (``controller.undo_stack``) and shows only while
    the step the bar speaks of is that last step; when the step is undone (by the button,
    Ctrl+Z or Edit › Undo) the bar says ``done``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        margin = self.fontMetrics().height() // 3
        row.setContentsMargins(margin * 2, margin, margin, margin)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = named(QPushButton("&Undo", self), "Undo", "Ctrl+Z")
        self.undo_button.setToolTip("Bring it back (Ctrl+Z)")
        self.undo_button.clicked.connect(self._undo)
        self.close_button = named(QToolButton(self), "Dismiss this message")
        self.close_button.setText("✕")
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.close_button)
        self._stack: QUndoStack | None = None
        self._step: tuple[int, str, str] | None = None  # serial, text, what to say once undone
        self.hide()

    def say(self, text: str) -> None:
        """Say ``text`` (no step to undo)."""
        self._step = None
        self._show(text, can_undo=False)

    def said(self, stack: QUndoStack, step: ServiceStep, text: str, done: str) -> None:
        """Push ``step`` (already done) on the window's ``stack`` and say ``text``."""
        if self._stack is not stack:
            if self._stack is not None:
                self._stack.indexChanged.disconnect(self._follow)
            self._stack = stack
            stack.indexChanged.connect(self._follow)
        self._step = (step.serial, text, done)
        stack.push(step)
        self._follow()

    def _follow(self, _index: int = 0) -> None:
        if self._step is None or self._stack is None:
            return
        serial, text, done = self._step
        state = step_state(self._stack, serial)
        if state == "next":
            self._show(text, can_undo=True)
        elif state == "undone":
            self._show(done, can_undo=False)
        elif state == "gone":
            self._step = None
            self.undo_button.hide()
        else:
            self.undo_button.hide()

    def _show(self, text: str, *, can_undo: bool) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.undo_button.setVisible(can_undo)
        self.show()

    def _undo(self) -> None:
        stack, step = self._stack, self._step
        if stack is not None and step is not None and step_state(stack, step[0]) == "next":
            stack.undo()


def delete_with_undo(
    controller: StepHost,
    records: Sequence[Record],
    bar: UndoBar,
    *,
    action: str,
    said: str,
    done: str = "Brought back.",
    shown: Callable[[Sequence[Record]], None] | None = None,
) -> bool:
    """Delete ``records`` (one change, one save) as a step on the window's undo stack named
    ``action`` ("delete 2 meetings"), and say ``said`` on ``bar``; after an undo the bar says
    ``done`` and ``shown`` gets the records brought back. When the delete is refused (a record
    is already gone) the bar says why and nothing is pushed."""
    try:
        deleted = controller.session.delete_records(records)
    except STEP_ERRORS as error:
        bar.say(f"{error} Nothing was deleted.")
        return False
    bar.said(controller.undo_stack, DeleteStep(controller, action, deleted, shown), said, done)
    return True


def ask(
    parent: QWidget,
    title: str,
    text: str,
    answers: Sequence[tuple[str, QMessageBox.ButtonRole, Any]],
    on_answer: Callable[[Any], None],
    *,
    default: int = 0,
) -> QMessageBox:
    """Show a question (window-modal, not blocking); ``on_answer(value)`` runs with the value
    of the button chosen; closing the box chooses the one with ``RejectRole``, if any."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Question)
    box.setAccessibleName(title)
    values: dict[int, Any] = {}
    first = None
    for number, (label, role, value) in enumerate(answers):
        button = box.addButton(label, role)
        button.setAccessibleName(label.replace("&", ""))
        values[id(button)] = value
        if number == default:
            first = button
        if role == QMessageBox.ButtonRole.RejectRole:
            box.setEscapeButton(button)
    if first is not None:
        box.setDefaultButton(first)

    def finished() -> None:
        clicked = box.clickedButton()
        if clicked is not None and id(clicked) in values:
            on_answer(values[id(clicked)])
        box.deleteLater()

    box.finished.connect(lambda _result: finished())
    box.open()
    return box
