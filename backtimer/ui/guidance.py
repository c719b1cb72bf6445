"""The safety notice and the "what to avoid" list, shown in small dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.content.guidance import Avoid, Guidance
from backtimer.ui.screen_fit import fit_dialog
from backtimer.ui.widgets import scrolling


def _wrapped(text: str, role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class SafetyDialog(QDialog):
    """Shown once on first launch, and again from home on request."""

    def __init__(self, guidance: Guidance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(guidance.safety_title)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(14)
        column.addWidget(_wrapped(guidance.safety_text))
        for title, text in guidance.principles:
            column.addWidget(_wrapped(f"{title}: {text}", "muted"))
        from backtimer.ui.red_flags import RedFlagsDialog, red_flag_list

        flags = guidance.red_flags
        urgent = _wrapped(f"{flags.title}: stop exercising and get medical help if you notice any of these:")
        bold = urgent.font()
        bold.setBold(True)
        urgent.setFont(bold)
        column.addWidget(urgent)
        column.addWidget(red_flag_list(flags))
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(_wrapped(guidance.safety_title, "heading"))
        layout.addWidget(scrolling(body), 1)  # a small screen scrolls the notice; the buttons stay in view
        buttons = QDialogButtonBox()
        self.help_button = QPushButton("When to stop and get help…")
        self.help_button.clicked.connect(lambda: RedFlagsDialog(flags, self).exec())
        buttons.addButton(self.help_button, QDialogButtonBox.ButtonRole.HelpRole)
        self.avoid_button = QPushButton("What to avoid…")
        self.avoid_button.clicked.connect(lambda: AvoidDialog(guidance, self).exec())
        buttons.addButton(self.avoid_button, QDialogButtonBox.ButtonRole.HelpRole)
        self.ok_button = QPushButton("I understand")
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        fit_dialog(self, 760, 820)


class AvoidDialog(QDialog):
    """What to leave out while the back is sore, and what to do instead."""

    def __init__(self, guidance: Guidance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("What to avoid")
        fit_dialog(self, 760, 640)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setSpacing(12)
        intro = "These tend to irritate a sore lower back. Each has a gentler swap."
        column.addWidget(_wrapped(intro, "muted"))
        for item in guidance.avoid:
            column.addWidget(self._card(item))
        column.addStretch(1)
        scroll = scrolling(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        title = _wrapped("What to avoid", "heading")
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _card(item: Avoid) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        what = _wrapped(item.what)
        font = what.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        what.setFont(font)
        layout.addWidget(what)
        layout.addWidget(_wrapped(f"For example: {item.examples}.", "muted"))
        layout.addWidget(_wrapped(item.why))
        instead = _wrapped(f"Instead: {item.instead}")
        instead.setObjectName("instead")
        layout.addWidget(instead)
        return card
