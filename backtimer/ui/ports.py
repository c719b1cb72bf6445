"""What the window is given besides the practice layer: builders of the pages that app.py wires in.

Each builder is None when that part of the app is not there; the window then leaves a clean, empty place.
The widgets never import storage, the speech engine or the figure renderer: app.py passes the builders in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

    from backtimer.core.content.guidance import Guidance
    from backtimer.core.settings import Settings
    from backtimer.practice.content import OwnContent
    from backtimer.ui.figure_widget import FigureWidget
    from backtimer.ui.history_view import HistoryView
    from backtimer.ui.voice_settings import VoiceSettings


class SchemeMemory(Protocol):
    """The system's light or dark choice as last seen, kept between runs (``storage.look.RememberedScheme``)."""

    def recall(self) -> bool | None: ...  # dark, light, or None: not known

    def remember(self, dark: bool) -> None: ...


@dataclass(frozen=True)
class WindowParts:
    make_history_view: Callable[[], HistoryView] | None = None
    make_voice_settings: Callable[[Settings], VoiceSettings] | None = None
    make_figure: Callable[[], FigureWidget] | None = None
    guidance: Callable[[], Guidance] | None = None  # read at first need (the safety notice, what to avoid)
    content: OwnContent | None = None  # the person's own routines and exercises (the editor, programme files)
    check_sound: Callable[[], str | None] | None = None  # why nothing can be heard, or None (run off the GUI thread)
    play_test_sound: Callable[[], str | None] | None = None  # one beep; why it failed, or None
    system_scheme: SchemeMemory | None = None  # the first frame's light or dark (None: Qt is asked before it)
