"""The About dialog: version, license, where the files live, what keeps the screen on, and the safety notice."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from backtimer import __version__
from backtimer.core.content.guidance import Guidance
from backtimer.desktop.identity import app_icon

LICENSE = "MIT"
FALLBACK_SAFETY = "backtimer is not medical advice. Stop if you feel sharp pain, and ask a professional if unsure."


class AboutDialog(QDialog):
    def __init__(
        self,
        details: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
        guidance: Guidance | None = None,
    ) -> None:
        """``details``: extra (label, value) lines, e.g. the data folder or the screen-saver backend."""
        super().__init__(parent)
        self.setWindowTitle("About backtimer")
        icon = QLabel()
        icon.setPixmap(app_icon(largest=None).pixmap(96, 96))  # sharp on a screen scaled 2x as well
        icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title, text = (
            (guidance.safety_title, guidance.safety_text) if guidance else ("Before you start", FALLBACK_SAFETY)
        )
        lines = [("Version", __version__), ("License", LICENSE), *(details or [])]
        facts = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;</td><td>{html.escape(v)}</td></tr>" for k, v in lines)
        self.body = QLabel(
            "<h2>backtimer</h2><p>A spoken coach for a gentle lower-back routine.</p>"
            f"<table>{facts}</table><h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>"
        )
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.body)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
