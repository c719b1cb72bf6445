"""The one small interface the rest of the app speaks through."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from backtimer.core.session.cues import Durations, estimate_seconds
from backtimer.core.session.snapshot import DueCue


class Speaker(Protocol):
    """Says cues and plays their sounds. Every method returns at once: nothing here may block the caller."""

    def prepare(self, texts: Iterable[str]) -> None:
        """Get ready to say these texts soon (e.g. synthesize them ahead of time)."""

    def play(self, cue: DueCue, now: float) -> None:
        """A cue fell due at ``cue.due_at``; ``now`` is the same clock. Late cues may be dropped."""

    def cancel(self) -> None:
        """Stop talking and forget what is queued (pause, skip, stop)."""

    def set_muted(self, muted: bool) -> None: ...

    def notice(self) -> str | None:
        """A one-line status when speech is degraded (e.g. no voice engine: beeps only), else None."""

    def close(self) -> None: ...


class SilentSpeaker:
    """Says nothing (``--no-voice``, or no audio at all)."""

    def prepare(self, texts: Iterable[str]) -> None:
        pass

    def play(self, cue: DueCue, now: float) -> None:
        pass

    def cancel(self) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass

    def notice(self) -> str | None:
        return None

    def close(self) -> None:
        pass


class RecordingSpeaker(SilentSpeaker):
    """Remembers what it was asked to say, with the time: for tests and for checking a cue script."""

    def __init__(self) -> None:
        self.played: list[tuple[float, DueCue]] = []
        self.cancels = 0
        self.muted = False

    def play(self, cue: DueCue, now: float) -> None:
        if not self.muted:
            self.played.append((now, cue))

    def cancel(self) -> None:
        self.cancels += 1

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    @property
    def texts(self) -> list[str]:
        return [cue.cue.text for _, cue in self.played if cue.cue.text]


def durations_of(speaker: Speaker, rate_wpm: int) -> Durations:
    """How long each text takes to say with this speaker: exact for clips it has made (ProcessSpeaker
    has ``duration``), an estimate otherwise. Pass it to ``build_plan(..., durations=...)``.
    """
    exact = getattr(speaker, "duration", None)
    if callable(exact):

        def measured(text: str) -> float:
            seconds = exact(text)
            return float(seconds) if seconds else estimate_seconds(text, rate_wpm)

        return measured
    return lambda text: estimate_seconds(text, rate_wpm)
