"""Cues: what is said (and which sound plays) when, and fitting them so that none talks over another."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum
from functools import lru_cache

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
    streak: int | None = None  # days in a row once this session is done: said at the finish (None: not said)
    wait_for_me: bool = False  # each get-ready waits for the person (Space or Enter) instead of counting down
    ask_ratings: bool = False  # ask "How was it?" in the rest after each exercise (the window takes keys 1-4)


Durations = Callable[[str], float]

_WORD = re.compile(r"[\w']+")
_VOWELS = re.compile(r"[aeiouy]+")
_PAUSE = re.compile(r"[,.:;!?]")


INSTRUCTION_PACE = 0.74  # instruction lines are said this much slower than the voice rate (counts are not)
INSTRUCTION_WORDS = 4  # a text of this many words or more is an instruction line


def is_instruction(text: str) -> bool:
    """A sentence to take in while lying down (said slower), as against a count or a phase word."""
    return len(_WORD.findall(text)) >= INSTRUCTION_WORDS


def speaking_rate(text: str, rate_wpm: int) -> int:
    """The rate ``text`` is said at: the voice rate for counts and phase words, slower for instruction lines.

    espeak-ng at 175 says a sentence at about 220 words a minute; at 0.74 of the rate it is about 165.
    """
    return max(round(rate_wpm * INSTRUCTION_PACE), 40) if is_instruction(text) else rate_wpm


@lru_cache(maxsize=8192)  # pure, and asked for the same few hundred lines thousands of times to fit a plan
def estimate_seconds(text: str, rate_wpm: int = 175) -> float:
    """How long espeak-ng takes to say ``text``, leaning long: the stand-in until a clip's exact length is known.

    Fitted to 152 real clips at 175 wpm (trailing silence trimmed): ~0.18 s lead, 0.08 s a syllable, 0.11 s a
    word, 0.34 s a pause at a comma or full stop; mean error 0.14 s. The 0.1 s margin keeps cues apart.
    """
    if not text.strip():
        return 0.0
    words = len(_WORD.findall(text))
    syllables = len(_VOWELS.findall(text.lower())) + sum(ch.isdigit() for ch in text)
    pauses = len(_PAUSE.findall(text))
    seconds = 0.18 + 0.08 * syllables + 0.11 * words + 0.34 * pauses
    return 0.1 + seconds * 175 / max(speaking_rate(text, rate_wpm), 40)


def schedule(cues: Iterable[Cue], step_seconds: float | None, duration: Durations) -> tuple[Cue, ...]:
    """Place cues so none overlaps another and none runs past the end of its step.

    Essential cues keep their time; one that would run into the next essential cue (or the step's end) falls
    back to its short form, and if even that does not fit, to its sound alone. Other cues, most important
    first, go to the free gap nearest their wanted time (never later than ``latest``), in full or short form;
    one that fits nowhere is dropped.
    """
    ordered = sorted(cues, key=lambda c: c.at)
    fixed = [c for c in ordered if c.priority is Priority.ESSENTIAL]
    placed: list[Cue] = []
    for i, cue in enumerate(fixed):
        limit = fixed[i + 1].at - GAP if i + 1 < len(fixed) else _end(step_seconds, cue.at, duration(cue.text))
        fitted = _fitted(cue, limit, duration)
        if fitted.text or fitted.sound is not None:
            placed.append(fitted)
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


def _fitted(cue: Cue, limit: float, duration: Durations) -> Cue:
    """The longest form of an essential cue that ends by ``limit``: full text, short text, or the sound alone."""
    if cue.at + duration(cue.text) <= limit:
        return cue
    if cue.short is not None and cue.at + duration(cue.short) <= limit:
        return replace(cue, text=cue.short, short=None)
    return replace(cue, text="", short=None)


def _end(step_seconds: float | None, at: float, length: float) -> float:
    """The time the last essential cue must be quiet by: a gap before the step ends (a step of no length,
    like the finish, has no end to run into)."""
    return step_seconds - GAP if step_seconds is not None and step_seconds > 0 else at + length


def _find_slot(cue: Cue, placed: list[Cue], step_seconds: float | None, duration: Durations) -> float | None:
    length = duration(cue.text)
    end = step_seconds - GAP if step_seconds else float("inf")
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


def overruns(cues: Iterable[Cue], step_seconds: float | None, duration: Durations) -> list[Cue]:
    """Cues still talking when their step ends (steps without a length have no end to run into)."""
    if not step_seconds:
        return []
    return [c for c in cues if c.text and c.at + duration(c.text) > step_seconds]
