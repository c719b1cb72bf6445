"""Which cue the voice says next: the playback policy shared by the window's and the terminal's speakers.

The scheduler already spaces the cues so that none overlaps another; this is the safety net for the real world
(a clip still being made, a late tick, a stall). Rules: a cue too late to make sense is dropped; a newer
essential cue (a count, a phase word) cuts in over anything still talking, and supersedes older ones still
waiting; other cues wait their turn while the voice is busy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from backtimer.core.session.cues import Priority
from backtimer.core.session.snapshot import DueCue

STALE_AFTER = {Priority.ESSENTIAL: 0.6, Priority.NORMAL: 2.0, Priority.OPTIONAL: 3.0}  # seconds late
BEEP_STALE_AFTER = 0.5


def stale(due: DueCue, now: float) -> bool:
    return now - due.due_at > STALE_AFTER[due.cue.priority]


@dataclass
class Lineup:
    """Cues waiting for the voice, and the one it is saying."""

    waiting: list[DueCue] = field(default_factory=list)
    current: DueCue | None = None
    dropped: int = 0  # stale or superseded cues, for the benchmark and tests

    def offer(self, due: DueCue) -> None:
        if due.cue.text.strip():
            self.waiting.append(due)

    def clear(self) -> None:
        self.waiting.clear()
        self.current = None

    def finished(self) -> None:
        """The voice fell silent."""
        self.current = None

    def pick(self, now: float, ready: Callable[[str], bool]) -> DueCue | None:
        """The cue to start now (cutting in if the voice is busy), or None to leave things as they are."""
        self._drop_stale(now)
        playable = [d for d in self.waiting if ready(d.cue.text)]
        if not playable:
            return None
        essential = [d for d in playable if d.cue.priority is Priority.ESSENTIAL]
        if essential:
            newest = max(essential, key=lambda d: d.due_at)
            superseded = [d for d in essential if d is not newest and d.due_at < newest.due_at]
            self.dropped += len(superseded)
            self.waiting = [d for d in self.waiting if d is not newest and not any(d is s for s in superseded)]
            if self.current is not None and self.current.due_at >= newest.due_at:
                self.dropped += 1  # a clip that came too late to beat what is already being said
                return None
            chosen = newest
        elif self.current is None:
            chosen = min(playable, key=lambda d: d.due_at)
            self.waiting = [d for d in self.waiting if d is not chosen]
        else:
            return None
        self.current = chosen
        return chosen

    def _drop_stale(self, now: float) -> None:
        fresh = [d for d in self.waiting if not stale(d, now)]
        self.dropped += len(self.waiting) - len(fresh)
        self.waiting = fresh
