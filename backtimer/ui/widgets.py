"""Small widgets several screens build the same way."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QWidget


def set_enum(target: QObject, name: str, value: str) -> None:
    """Set the enum property ``name`` by the name of its ``value`` (``set_enum(area, "focusPolicy", "NoFocus")``).

    For what is built before the first paint. Naming ``Qt.FocusPolicy`` there, or reading ``focusPolicy()``, has
    the bindings build the whole ``Qt`` namespace, ~100 enums of ~2,000 values, which cost the first paint ~35 ms;
    so nothing before it names ``Qt`` (``tests/ui/test_start_up.py``), and the modules it loads import ``Qt`` inside
    the functions that use it.
    """
    if target.metaObject().indexOfProperty(name) < 0 or not target.setProperty(name, value):
        raise ValueError(f"{type(target).__name__} has no {name} called {value!r}")


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
