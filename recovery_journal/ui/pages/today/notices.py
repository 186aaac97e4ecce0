"""Early-warning notices for Today: gentle, dismissible, each with one suggested action.

The notices come from ``domain.notices`` (``controller.stats().notices``). A dismissed notice
stays hidden for the rest of this run of the app; its key names the occasion (kind and the date
it began), so a new occasion shows again. Nothing here imports matplotlib.

    panel = NoticesPanel(parent)
    panel.set_notices(controller.stats().notices)
"""

from __future__ import annotations

from collections.abc import Iterable, MutableSet

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_journal.domain.notices import Notice
from recovery_journal.ui.common.widgets import heading, named, wrapped

#: Dismissals for this run of the app, shared by every panel (Today is rebuilt after a lock).
DISMISSED_THIS_SESSION: set[str] = set()

_TITLES = {
    "few_meetings": "Meetings",
    "contact_gap": "Your sponsor",
    "alliance_drop": "Your sponsor relationship",
}


class NoticeCard(QFrame):
    """One notice: what was noticed, one thing to try, and a Dismiss button."""

    dismiss_clicked = Signal(str)

    def __init__(self, notice: Notice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = notice
        self.setObjectName("noticeCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = _TITLES.get(notice.id, "Something to notice")
        self.setAccessibleName(f"Notice: {title}")
        self.setAccessibleDescription(f"{notice.text} {notice.action}")
        layout = QVBoxLayout(self)
        self.title = heading(title, 3, self)
        self.text = wrapped(notice.text, self)
        self.action = wrapped(f"One thing to try: {notice.action}", self, muted=True)
        for label in (self.text, self.action):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addStretch(1)
        self.dismiss = named(
            QPushButton("Dismiss", self),
            f"Dismiss the notice about {title.lower()}",
            "Hides this notice until something new comes up.",
        )
        self.dismiss.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.dismiss.clicked.connect(lambda _checked=False: self.dismiss_clicked.emit(notice.key))
        row.addWidget(self.dismiss)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.action)
        layout.addLayout(row)


class NoticesPanel(QWidget):
    """Every notice that has not been dismissed; hidden when there is none."""

    dismissed = Signal(str)  # the key of the notice the person dismissed

    def __init__(
        self, parent: QWidget | None = None, *, dismissed_keys: MutableSet[str] | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Notices")
        self._dismissed = DISMISSED_THIS_SESSION if dismissed_keys is None else dismissed_keys
        self._notices: list[Notice] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.cards: list[NoticeCard] = []
        self.hide()

    def set_notices(self, notices: Iterable[Notice]) -> None:
        self._notices = list(notices)
        self._rebuild()

    @property
    def shown(self) -> list[Notice]:
        return [card.notice for card in self.cards]

    def dismiss(self, key: str) -> None:
        self._dismissed.add(key)
        self._rebuild()
        self.dismissed.emit(key)

    def _rebuild(self) -> None:
        had_focus = any(card.dismiss.hasFocus() for card in self.cards)
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for notice in self._notices:
            if notice.key in self._dismissed:
                continue
            card = NoticeCard(notice, self)
            card.dismiss_clicked.connect(self.dismiss)
            self._layout.addWidget(card)
            self.cards.append(card)
        self.setVisible(bool(self.cards))
        if had_focus and self.cards:
            self.cards[0].dismiss.setFocus()
