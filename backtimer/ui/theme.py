"""Dark and light looks: a Fusion palette plus one small style sheet, following the system unless told otherwise."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
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
)
LIGHT = Colors(
    dark=False,
    window="#f3f4f7",
    surface="#ffffff",
    raised="#e6e9ef",
    text="#161a22",
    muted="#566070",
    line="#d3d8e0",
    work="#11805f",
    hold="#a85f00",
    rest="#1f5fc4",
    ready="#6b3fcf",
    danger="#c2282d",
    on_accent="#ffffff",
)


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() is Qt.ColorScheme.Dark


def colors_for(theme: str) -> Colors:
    """``theme`` is the setting: "dark", "light" or "system"."""
    if theme == "dark":
        return DARK
    if theme == "light":
        return LIGHT
    return DARK if system_is_dark() else LIGHT


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


def apply_theme(app: QApplication, colors: Colors) -> None:
    if app.style().name().lower() != "fusion":  # often Fusion already; making it anew costs ~10 ms at start-up
        app.setStyle("Fusion")
    app.setPalette(_palette(colors))
    font = app.font()
    font.setPointSizeF(max(font.pointSizeF(), 11.0))  # never in the style sheet: it would pin every FitLabel
    app.setFont(font)
    app.setStyleSheet(style_sheet(colors))


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


def style_sheet(c: Colors) -> str:
    return f"""
QToolTip {{ color: {c.text}; background: {c.surface}; border: 1px solid {c.line}; padding: 4px; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="heading"] {{ font-size: 20pt; font-weight: 600; }}
QLabel[role="title"] {{ font-size: 30pt; font-weight: 700; }}
QLabel[role="stat"] {{ font-size: 26pt; font-weight: 700; }}
QLabel[role="problem"] {{ color: {c.danger}; font-weight: 600; }}
QFrame[role="card"] {{ background: {c.surface}; border: 1px solid {c.line}; border-radius: 14px; }}
QFrame[role="card"] QLabel {{ background: transparent; border: none; }}
QFrame[role="card"][selected="true"] {{ border: 2px solid {c.work}; background: {c.raised}; }}
QPushButton {{
    background: {c.raised}; color: {c.text}; border: 1px solid {c.line}; border-radius: 10px;
    padding: 10px 18px;
}}
QPushButton:hover {{ border-color: {c.muted}; }}
QMessageBox QLabel {{ font-size: 22px; }}
QMessageBox QPushButton {{ font-size: 20px; min-width: 120px; min-height: 44px; }}
QPushButton:focus {{ border: 2px solid {c.rest}; }}
QPushButton:checked {{ background: {c.rest}; color: {c.on_accent}; border-color: {c.rest}; }}
QPushButton:disabled {{ color: {c.muted}; background: {c.surface}; }}
QPushButton[role="primary"] {{ background: {c.work}; color: {c.on_accent}; border-color: {c.work}; }}
QPushButton[role="primary"]:focus {{ border: 3px solid {c.text}; }}
QPushButton[role="primary"]:disabled {{ background: {c.raised}; color: {c.muted}; border-color: {c.line}; }}
QPushButton[role="danger"] {{ color: {c.danger}; border: 2px solid {c.danger}; background: transparent; }}
QLabel[role="danger"] {{ color: {c.danger}; }}
QPushButton[role="big"] {{ font-size: 20pt; padding: 18px 36px; border-radius: 14px; }}
QPushButton[role="link"] {{ background: transparent; border: none; color: {c.rest}; padding: 4px; }}
QListWidget {{ background: {c.surface}; border: 1px solid {c.line}; border-radius: 12px; padding: 6px; outline: 0; }}
QListWidget::item {{ border-radius: 8px; padding: 8px; color: {c.text}; }}
QListWidget::item:selected {{ background: {c.raised}; border: 2px solid {c.work}; color: {c.text}; }}
QLineEdit, QPlainTextEdit, QSpinBox, QDoubleSpinBox, QComboBox, QTimeEdit {{
    background: {c.surface}; border: 1px solid {c.line}; border-radius: 8px; padding: 6px 8px;
}}
QTabWidget::pane {{ border: 1px solid {c.line}; border-radius: 10px; top: -1px; }}
QTabBar::tab {{ padding: 8px 16px; }}
QTabBar::tab:selected {{ color: {c.work}; font-weight: 600; }}
"""
