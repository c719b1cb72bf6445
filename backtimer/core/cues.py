"""Cues: what is said (and which sound plays) when, and fitting them so that none talks over another."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum

GAP = 0.25  # seconds of silence kept between two utterances


class Sound(StrEnum):
    WORK = "work"  # work starts
    REST = "rest"  # a rest or side switch starts
    TICK = "tick"  # each of the last three seconds
    FINISH = "finish"  # the session is complete


class Priority(IntEnum):
    OPTIONAL = 0  # how-to reminders: dropped first when time is short
    NORMAL = 1  # announcements: moved earlier, dropped only if they cannot fit at all
    ESSENTIAL = 2  # phase words, counts and countdowns: fixed in time, shortened if they would overlap


@dataclass(frozen=True)
class Cue:
    at: float  # seconds into the step
    text: str  # may be empty for a sound alone
    priority: Priority = Priority.ESSENTIAL
    sound: Sound | None = None
    short: str | None = None  # a shorter form to use when the full text does not fit
    latest: float | None = None  # flexible cues: the latest start that still makes sense


@dataclass(frozen=True)
class CueOptions:
    count_reps: bool = True
    rate_wpm: int = 175  # the voice's speaking rate, for estimates


Durations = Callable[[str], float]

_WORD = re.compile(r"[\w']+")


def estimate_seconds(text: str, rate_wpm: int = 175) -> float:
    """How long espeak-ng takes to say ``text``, measured here: ~0.25 s lead plus ~0.3 s a word at 175 wpm."""
    if not text.strip():
        return 0.0
    words = len(_WORD.findall(text))
    pauses = text.count(",") + text.count(".") + text.count(":")
    return 0.2 + words * 60.0 / rate_wpm * 0.9 + pauses * 0.12


def schedule(cues: Iterable[Cue], step_seconds: float | None, duration: Durations) -> tuple[Cue, ...]:
    """Place cues so none overlaps another and none runs past the end of its step.

    Essential cues keep their time; if one would run into the next it falls back to its short form. Other cues,
    most important first, go to the free gap nearest their wanted time (never later than ``latest``);
    one that fits nowhere is dropped.
    """
    ordered = sorted(cues, key=lambda c: c.at)
    fixed = [c for c in ordered if c.priority is Priority.ESSENTIAL]
    placed: list[Cue] = []
    for i, cue in enumerate(fixed):
        limit = fixed[i + 1].at - GAP if i + 1 < len(fixed) else _end(step_seconds, cue.at, duration(cue.text))
        if cue.short is not None and cue.at + duration(cue.text) > limit:
            cue = replace(cue, text=cue.short, short=None)
        placed.append(cue)
    flexible = sorted((c for c in ordered if c.priority is not Priority.ESSENTIAL), key=lambda c: (-c.priority, c.at))
    for cue in flexible:
        slot = _find_slot(cue, placed, step_seconds, duration)
        if slot is None and cue.short is not None:
            cue = replace(cue, text=cue.short, short=None)
            slot = _find_slot(cue, placed, step_seconds, duration)
        if slot is not None:
            placed.append(replace(cue, at=slot))
            placed.sort(key=lambda c: c.at)
    return tuple(placed)


def _end(step_seconds: float | None, at: float, length: float) -> float:
    return step_seconds if step_seconds is not None and step_seconds > 0 else at + length


def _find_slot(cue: Cue, placed: list[Cue], step_seconds: float | None, duration: Durations) -> float | None:
    length = duration(cue.text)
    end = step_seconds if step_seconds else float("inf")
    latest = min(cue.latest if cue.latest is not None else end, end - length)
    best: float | None = None
    free_from = 0.0
    for other in [*placed, None]:
        free_to = (other.at - GAP) if other is not None else end
        lo, hi = free_from, min(free_to - length, latest)
        if hi >= lo:
            candidate = min(max(cue.at, lo), hi)
            if best is None or abs(candidate - cue.at) < abs(best - cue.at):
                best = candidate
        if other is not None:
            free_from = max(free_from, other.at + duration(other.text) + GAP)
    return best


def overlaps(cues: Iterable[Cue], duration: Durations) -> list[tuple[Cue, Cue]]:
    """Pairs of consecutive cues where the first is still talking when the second starts."""
    ordered = sorted((c for c in cues if c.text), key=lambda c: c.at)
    return [(a, b) for a, b in itertools.pairwise(ordered) if a.at + duration(a.text) > b.at]
