"""Saying what just happened, and taking it back: the undo line, the undo steps, and a
non-blocking question with a few answers (keyboard-friendly and easy to drive in tests)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from recovery_journal.ui.common.widgets import named


class UndoBar(QFrame):
    """ "Meeting deleted." with an Undo button; hidden until there is something to say."""

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
        self.close_button = named(QToolButton(self), "Dismiss this message")
        self.close_button.setText("✕")
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.close_button)
        self.hide()

    def say(self, text: str, can_undo: bool) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.undo_button.setVisible(can_undo)
        self.show()


@dataclass(frozen=True, slots=True)
class Undoable:
    """Something just done that can be taken back: ``undo`` does it, ``done`` says it after."""

    undo: Callable[[], None]
    done: str = "Brought back."


class UndoStack:
    def __init__(self) -> None:
        self._steps: list[Undoable] = []

    def push(self, step: Undoable) -> None:
        self._steps.append(step)

    def pop(self) -> Undoable | None:
        return self._steps.pop() if self._steps else None

    def __len__(self) -> int:
        return len(self._steps)

    def clear(self) -> None:
        self._steps.clear()


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
