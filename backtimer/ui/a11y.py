"""Screen readers: names for the controls, and the player's phase changes told where Qt can tell them.

The app speaks every cue itself; a screen reader saying the same at the same moment would talk over it. So phase
changes are announced only while the app's voice is not heard (muted or turned off); the big states the person
caused (the stop question, "This hurts", paused) are announced always, as the voice is silent then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from backtimer.ui.player import PlayerView


class Announcer:
    """Sends announcement events for ``widget``; keeps what it announced (for tests)."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.voice_heard = True  # the app's own voice speaks the cues
        self.sent: list[str] = []
        self._last_phase = ""

    def phase(self, text: str) -> None:
        """A new phase ("Lift. Bird-dog"): announced only when the app's voice is not heard."""
        if text == self._last_phase:
            return
        self._last_phase = text
        if not self.voice_heard:
            self._send(text, QAccessible.AnnouncementPoliteness.Polite)

    def state(self, text: str) -> None:
        """A state that took over the display (the voice is quiet then): announced at once."""
        if text:
            self._send(text, QAccessible.AnnouncementPoliteness.Assertive)

    def _send(self, text: str, politeness: QAccessible.AnnouncementPoliteness) -> None:
        self.sent.append(text)
        if QAccessible.isActive():  # a screen reader listens (nothing to do, and nothing spent, otherwise)
            event = QAccessibleAnnouncementEvent(self.widget, text)
            event.setPoliteness(politeness)
            QAccessible.updateAccessibility(event)


def name(widget: QWidget, accessible: str, description: str = "") -> None:
    widget.setAccessibleName(accessible)
    if description:
        widget.setAccessibleDescription(description)


def describe(widget: QWidget, description: str) -> None:
    """For a label: its name stays its text (what a screen reader reads), the description says what it is."""
    widget.setAccessibleDescription(description)


def name_player_parts(player: PlayerView) -> None:
    """What each part of the player is, for a screen reader reading the screen."""
    describe(player.title, "Exercise")
    describe(player.set_line, "Set and side")
    describe(player.phase, "Phase: what to do now (lift, lower, hold, rest, get ready)")
    describe(player.count, "Count: the rep under way, or the seconds left")
    describe(player.reps, "Reps")
    describe(player.exercise_number, "Exercise number")
    describe(player.session_time, "Session time")
    describe(player.notice, "Notice")
    name(player.step_bar, "Progress of this step")
    name(player.progress, "Progress of the session", "A mark where each exercise begins")
    name(player.figure, "Figure", "The exercise drawn as it should be done")
    name(player.info, "How to do it, and what comes next")
    name(player.controls.done, "Done", "Finished this set (Enter)")
