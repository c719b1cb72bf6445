"""Small widgets several screens build the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QWidget


def scrolling(body: QWidget, scroll: QScrollArea | None = None) -> QScrollArea:
    """``body`` in a frameless scroll area (``scroll``, or a plain one) that resizes it: a tall page scrolls, the
    window keeps its size."""
    scroll = scroll or QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    return scroll


def problem_label() -> QLabel:
    """Where a form says, in the loader's own words, why a value is refused."""
    label = QLabel()
    label.setProperty("role", "problem")
    label.setWordWrap(True)
    return label


def save_and_cancel(what: str) -> tuple[QPushButton, QPushButton]:
    """A form's Save (Ctrl+S) and Cancel (Esc) buttons; ``what`` is what is saved, e.g. "the routine"."""
    save = QPushButton("Save")
    save.setProperty("role", "primary")
    save.setToolTip(f"Save {what} (Ctrl+S)")
    cancel = QPushButton("Cancel")
    cancel.setToolTip("Leave without saving (Esc)")
    return save, cancel
