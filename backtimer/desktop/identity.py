"""Who the app is to the desktop: its id (the .desktop file's name), its name and its icon."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

from backtimer import __version__
from backtimer.resources import assets_dir

APP_ID = "io.github.backtimer.Backtimer"  # reverse-DNS id: .desktop, metainfo, Flatpak and icon file names
APP_NAME = "backtimer"


WINDOW_ICON_MAX = 128  # px: the largest a window manager, task switcher or tray asks a window's icon for


def app_icon(largest: int | None = WINDOW_ICON_MAX) -> QIcon:
    """The icon from assets/icons: each rendered size up to ``largest`` px, so small sizes stay crisp (None: every
    size and the SVG, for a picture of the icon).

    The window's and the tray's stop at WINDOW_ICON_MAX: Qt renders every size of a window's icon when the window
    maps, and the 256 and 512 px ones and the SVG cost its first paint ~20 ms. The desktop's launchers take the
    large ones from the installed icon theme.
    """
    icon = QIcon()
    try:
        icons = assets_dir() / "icons"
    except FileNotFoundError:
        return icon
    for png in sorted((icons / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        side = int(png.parent.parent.name.split("x")[0])
        if largest is None or side <= largest:
            icon.addFile(str(png), QSize(side, side))
    svg = icons / "backtimer.svg"
    if largest is None and svg.is_file():
        icon.addFile(str(svg))
    return icon


def set_app_identity(app: QGuiApplication) -> None:
    """Call once, right after the QApplication exists and before the first window is shown.

    The desktop file name is what Wayland compositors use to find the icon and group windows; on X11 it sets the
    window class hint the same way.
    """
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
