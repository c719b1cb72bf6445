"""Dark and light looks: a Fusion palette plus one small style sheet, following the system unless told otherwise."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Colors:
    dark: bool
    window: str
    surface: str
    raised: str
    text: str
    muted: str
    line: str
    work: str  # moving: lift, lower, reach...
    hold: str
    rest: str
    ready: str  # get ready, switch sides
    danger: str
    on_accent: str
    edge: str = "#7a8394"  # the edge of every control (button, field, bar track): at least 3:1 against the window
    focus: str = "#eef1f5"  # the focus ring: at least 3:1 against every background
    tint: float = 0.14  # how much of the phase's colour the player's background takes
    track: str = "#343a46"  # the empty part of a progress bar (the filled part is at least 3:1 against it)


DARK = Colors(
    dark=True,
    window="#14171d",
    surface="#1d2129",
    raised="#272c36",
    text="#eef1f5",
    muted="#9aa3b2",
    line="#343a46",
    work="#45c89f",
    hold="#f2b84b",
    rest="#6aa7ff",
    ready="#b993ff",
    danger="#ff7070",
    on_accent="#0d1014",
    edge="#7a8394",
    focus="#ffd54a",
    tint=0.14,
    track="#343a46",
)
LIGHT = Colors(
    dark=False,
    window="#f3f4f7",
    surface="#ffffff",
    raised="#e6e9ef",
    text="#161a22",
    muted="#566070",
    line="#d3d8e0",
    work="#0a6a4c",
    hold="#864b00",
    rest="#1a56b3",
    ready="#6b3fcf",
    danger="#ab1f27",
    on_accent="#ffffff",
    edge="#6e7787",
    focus="#161a22",
    tint=0.10,
    track="#d3d8e0",
)
HIGH_CONTRAST = Colors(
    dark=True,
    window="#000000",
    surface="#000000",
    raised="#1c1c1c",
    text="#ffffff",
    muted="#e6e6e6",
    line="#ffffff",
    work="#5cf2a6",
    hold="#ffd23f",
    rest="#8cc4ff",
    ready="#e2b8ff",
    danger="#ff8a8a",
    on_accent="#000000",
    edge="#ffffff",
    focus="#ffff00",
    tint=0.0,
    track="#3a3a3a",
)
THEMES = {"dark": DARK, "light": LIGHT, "high-contrast": HIGH_CONTRAST}


def luminance(color: str) -> float:
    """Relative luminance (WCAG 2) of "#rrggbb"."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend_hex(base: str, accent: str, amount: float) -> str:
    a = [int(base[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(accent[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def blend(base: str, accent: str, amount: float) -> QColor:
    return QColor(blend_hex(base, accent, amount))


def system_scheme() -> bool | None:
    """The system's choice: dark (True), light (False), or None when Qt does not know it (some platforms never say;
    some desktops answer a moment after the start, with ``colorSchemeChanged``).

    Asking builds the ``Qt`` namespace the first time (~35 ms): not before the first paint when the choice is
    remembered (``storage.look``)."""
    from PySide6.QtCore import Qt

    scheme = QGuiApplication.styleHints().colorScheme()
    return None if scheme is Qt.ColorScheme.Unknown else scheme is Qt.ColorScheme.Dark


def colors_for(theme: str, system_dark: bool | None = None) -> Colors:
    """``theme`` is the setting: "dark", "light", "high-contrast" or "system"; for "system", ``system_dark`` is the
    system's choice if known (None: Qt is asked)."""
    if theme in THEMES:
        return THEMES[theme]
    dark = system_scheme() is True if system_dark is None else system_dark  # not known: light
    return DARK if dark else LIGHT


def phase_color(colors: Colors, phase_word: str, *, paused: bool = False) -> str:
    """Each kind of moment has its own colour, so the state reads from across the room."""
    if paused:
        return colors.muted
    word = phase_word.lower()
    if word == "rest":
        return colors.rest
    if word in ("get ready", "switch sides"):
        return colors.ready
    if word == "hold":
        return colors.hold
    return colors.work


STYLE = "Fusion"  # the same look on every desktop; the style sheet and the contrast checks assume it
_STYLED = "backtimerStyled"  # a property of the application: it has the STYLE already


def new_application(program: str) -> QApplication:
    """The application, made with the STYLE from the start (setting it later builds the platform's style first,
    and asking which style is in use costs more at start-up than the whole of Fusion)."""
    os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")  # 1.5x is 1.5x, not rounded to 2x
    app = QApplication([program, "-style", STYLE])
    app.setProperty(_STYLED, True)
    return app


def apply_theme(app: QApplication, colors: Colors) -> None:
    if app.property(_STYLED) is not True:
        app.setStyle(STYLE)
        app.setProperty(_STYLED, True)
    app.setPalette(_palette(colors))
    font = app.font()
    base = max(font.pointSizeF(), 11.0)  # the system's text size, if larger
    font.setPointSizeF(base)  # never in the style sheet: it would pin every FitLabel
    app.setFont(font)
    app.setStyleSheet(style_sheet(colors, base))


def _palette(c: Colors) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.surface,
        QPalette.ColorRole.AlternateBase: c.raised,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.raised,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.Highlight: c.work,
        QPalette.ColorRole.HighlightedText: c.on_accent,
        QPalette.ColorRole.ToolTipBase: c.surface,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Link: c.rest,
        QPalette.ColorRole.Mid: c.line,
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c.muted))
    return palette


def style_sheet(c: Colors, base: float = 11.0) -> str:
    """The style sheet; text sizes are in proportion to ``base``, the application's font size (the system's, if it
    is larger than 11 pt), so a person who set larger text gets larger text here too."""

    def pt(factor: float) -> str:
        return f"{base * factor:.1f}pt"

    return f"""
QToolTip {{ color: {c.text}; background: {c.surface}; border: 1px solid {c.edge}; padding: 4px; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="heading"] {{ font-size: {pt(1.8)}; font-weight: 600; }}
QLabel[role="title"] {{ font-size: {pt(2.7)}; font-weight: 700; }}
QLabel[role="stat"] {{ font-size: {pt(2.4)}; font-weight: 700; }}
QLabel[role="problem"] {{ color: {c.danger}; font-weight: 600; }}
QFrame[role="card"] {{ background: {c.surface}; border: 1px solid {c.line}; border-radius: 14px; }}
QFrame[role="card"] QLabel {{ background: transparent; border: none; }}
QFrame[role="card"][selected="true"] {{ border: 3px solid {c.work}; background: {c.raised}; }}
QFrame[role="takeover"] {{ background: transparent; }}
QPushButton {{
    background: {c.raised}; color: {c.text}; border: 1px solid {c.edge}; border-radius: 10px;
    padding: 10px 18px;
}}
QPushButton:hover {{ border-color: {c.text}; }}
QMessageBox QLabel {{ font-size: {pt(1.5)}; }}
QMessageBox QPushButton {{ font-size: {pt(1.4)}; min-width: 120px; min-height: 44px; }}
QPushButton:checked {{ background: {c.rest}; color: {c.on_accent}; border-color: {c.rest}; }}
QPushButton:disabled {{ color: {c.muted}; background: {c.surface}; border-color: {c.line}; }}
QPushButton[role="primary"] {{ background: {c.work}; color: {c.on_accent}; border: 1px solid {c.work}; }}
QPushButton[role="primary"]:disabled {{ background: {c.surface}; color: {c.muted}; border-color: {c.line}; }}
QPushButton[role="danger"] {{ color: {c.danger}; border: 2px solid {c.danger}; background: {c.window}; }}
QPushButton[role="danger"]:disabled {{ color: {c.muted}; border: 1px solid {c.line}; background: {c.surface}; }}
QPushButton[role="big"] {{ font-size: {pt(1.8)}; padding: 18px 36px; border-radius: 14px; }}
QLabel[role="danger"] {{ color: {c.danger}; }}
QPushButton[role="link"] {{ background: transparent; border: none; color: {c.rest}; padding: 4px; }}
QListWidget {{ background: {c.surface}; border: 1px solid {c.edge}; border-radius: 12px; padding: 6px; outline: 0; }}
QListWidget::item {{ border-radius: 8px; padding: 8px; color: {c.text}; }}
QListWidget::item:selected {{ background: {c.raised}; border: 2px solid {c.work}; color: {c.text}; }}
QLineEdit, QPlainTextEdit, QComboBox {{
    background: {c.surface}; border: 1px solid {c.edge}; border-radius: 8px; padding: 6px 8px;
}}
QTabWidget::pane {{ border: 1px solid {c.line}; border-radius: 10px; top: -1px; }}
QTabBar::tab {{ padding: 8px 16px; border: 2px solid transparent; }}
QTabBar::tab:selected {{ color: {c.work}; font-weight: 600; border-bottom: 3px solid {c.work}; }}
QScrollBar:vertical {{ background: {c.surface}; width: 16px; margin: 0; border: none; }}
QScrollBar:horizontal {{ background: {c.surface}; height: 16px; margin: 0; border: none; }}
QScrollBar::handle {{ background: {c.edge}; border-radius: 6px; margin: 3px; }}
QScrollBar::handle:vertical {{ min-height: 40px; }}
QScrollBar::handle:horizontal {{ min-width: 40px; }}
QScrollBar::handle:hover {{ background: {c.text}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QPushButton:focus, QPushButton[role="primary"]:focus, QPushButton[role="danger"]:focus,
QPushButton[role="link"]:focus, QPushButton:checked:focus {{ border: 3px solid {c.focus}; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QListWidget:focus, QListView:focus {{
    border: 2px solid {c.focus};
}}
QScrollArea[role="routines"]:focus {{ border: 3px solid {c.focus}; border-radius: 14px; }}
QFrame[role="rating"]:focus {{ border: 3px solid {c.focus}; border-radius: 12px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {c.focus}; border-radius: 4px; }}
QTabBar::tab:focus {{ border: 2px solid {c.focus}; }}
"""
