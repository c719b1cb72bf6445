"""The one small interface the rest of the app speaks through."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the window imports this before its first paint: the session's modules are not needed then
    from backtimer.core.session.cues import Durations
    from backtimer.core.session.snapshot import DueCue


class WorkerFailed(Exception):
    """The worker cannot help: ``kind`` is "missing" (no engine), "crashed" or "hung"."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...] = ()


class Speaker(Protocol):
    """Says cues and plays their sounds. Every method returns at once: nothing here may block the caller."""

    def prepare(self, texts: Iterable[str]) -> None:
        """Get ready to say these texts soon (e.g. synthesize them ahead of time)."""

    def wait_prepared(self, timeout: float) -> bool:
        """Block until what ``prepare`` was given is ready, at most ``timeout`` seconds (the terminal, before
        it starts; the window never calls this). True when all of it is ready."""
        ...

    def duration(self, text: str) -> float:
        """Seconds it takes to say ``text``: exact once its clip is made, 0.0 while unknown."""
        ...

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

    def wait_prepared(self, timeout: float) -> bool:
        return True

    def duration(self, text: str) -> float:
        return 0.0

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


def durations_of(speaker: Speaker, rate_wpm: int) -> Durations:
    """How long each text takes to say with this speaker: exact for clips it has made, an estimate otherwise.
    Pass it to ``build_plan(..., durations=...)``.
    """
    from backtimer.core.session.cues import estimate_seconds

    def measured(text: str) -> float:
        return speaker.duration(text) or estimate_seconds(text, rate_wpm)

    return measured
