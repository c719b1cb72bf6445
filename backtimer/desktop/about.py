"""The About dialog: version, license, where the files live, what keeps the screen on, and the safety notice."""

from __future__ import annotations

import html
import tomllib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from backtimer import __version__
from backtimer.desktop.identity import app_icon
from backtimer.resources import asset

LICENSE = "MIT"
FALLBACK_SAFETY = "backtimer is not medical advice. Stop if you feel sharp pain, and ask a professional if unsure."


def safety_notice() -> tuple[str, str]:
    """(title, text) of the safety notice from assets/guidance.toml; a short fallback if it cannot be read."""
    try:
        with asset("guidance.toml").open("rb") as file:
            safety = tomllib.load(file)["safety"]
        return str(safety["title"]), str(safety["text"])
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError):
        return "Before you start", FALLBACK_SAFETY


class AboutDialog(QDialog):
    def __init__(self, details: list[tuple[str, str]] | None = None, parent: QWidget | None = None) -> None:
        """``details``: extra (label, value) lines, e.g. the data folder or the screen-saver backend."""
        super().__init__(parent)
        self.setWindowTitle("About backtimer")
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title, text = safety_notice()
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
