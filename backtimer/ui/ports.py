"""What the window needs from the rest of the app, as small seams that app.py fills in.

The widgets never import storage, speech or figure modules: app.py passes in whatever of those exists, and the
window leaves a clean, empty place for anything that is None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from backtimer.core.settings import Settings

if TYPE_CHECKING:
    from backtimer.core.content.model import Level, Routine
    from backtimer.core.session.cues import CueOptions, Durations
    from backtimer.core.session.machine import Session
    from backtimer.core.session.results import StepResult
    from backtimer.core.session.snapshot import Snapshot
    from backtimer.speech.speaker import Speaker


class Recorder(Protocol):
    """Writes one session to history as it goes."""

    def steps_ended(self, results: Sequence[StepResult]) -> None: ...

    def session_ended(self, completed: bool) -> None: ...

    def rate(self, comfort: int | None, note: str) -> None: ...


@dataclass(frozen=True)
class DayStatus:
    """Today's state and the streak, as home and the summary show them."""

    done_today: bool
    current_streak: int
    weekly_goal: int | None = None
    this_week: int | None = None


class FigureView(Protocol):
    """The animated figure: a widget that follows the snapshot's phase and progress."""

    def update_from(self, snapshot: Snapshot) -> None: ...


class SettingsPanel(Protocol):
    """A page of settings owned by another part of the app (e.g. the voice), embedded in the dialog."""

    def apply_to(self, settings: Settings) -> Settings: ...


def _silent(_settings: Settings) -> Speaker:
    from backtimer.speech.speaker import SilentSpeaker

    return SilentSpeaker()


def _estimated(_speaker: Speaker, _routine: Routine, _level: Level, options: CueOptions) -> Durations:
    from backtimer.core.session.cues import estimate_seconds

    return lambda text: estimate_seconds(text, options.rate_wpm)


@dataclass
class Services:
    """Everything optional the window can use; None means that part of the app is not there (yet)."""

    settings: Settings = field(default_factory=Settings)
    save_settings: Callable[[Settings], None] | None = None
    make_speaker: Callable[[Settings], Speaker] = _silent
    # Asks the speaker to get a routine's words ready (off the GUI thread) and says how long each takes to say.
    prepare_voice: Callable[[Speaker, Routine, Level, CueOptions], Durations] = _estimated
    begin_recording: Callable[[Session, Callable[[str], None]], Recorder] | None = None  # (session, notify)
    day_status: Callable[[], DayStatus | None] | None = None
    make_history_view: Callable[[], QWidget] | None = None
    make_voice_settings: Callable[[Settings], QWidget] | None = None
    make_figure: Callable[[], QWidget] | None = None
    notices: list[str] = field(default_factory=list)  # one-line messages to show once, e.g. a file moved aside
    notify: Callable[[str], None] = print  # the window puts its own notice line here
    closers: list[Callable[[], object]] = field(default_factory=list)  # run once as the app exits (flush history)
