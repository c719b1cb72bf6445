"""What is said during the work: counts that carry the set, phase words only where they help.

A paced set sounds like this: the first rep (the first of each side when the sides take turns) names every
phase, with the moving limbs; after that each rep starts on its number and only the turn ("Lower") is said.
One rep early in the set leaves its turn word out to make room for the exercise's form cue, one in the middle
for "Halfway", and the last rep starts on "Last one". Holds of 5 s or more get a breathing reminder.
"""

from __future__ import annotations

from dataclasses import dataclass

from backtimer.core.content.model import Side, Sides
from backtimer.core.session.cues import Cue, CueOptions, Priority, Sound
from backtimer.core.session.steps import Step

BREATHING = ("Keep breathing.", "Breathe out slowly.", "Easy breaths.")
BREATHE_FROM = 5.0  # seconds: holds this long or longer get a breathing reminder
HALFWAY_FROM = 4  # reps: sets this long or longer hear "Halfway"
LAST = "Last one"
MAX_LIMB_WORDS = 3  # a limb phrase this short is said with the phase word ("Left leg, lift")
HOLD_HALFWAY_FROM = 30.0  # holds this long hear "Halfway"
HOLD_COUNTDOWN_FROM = 20.0  # holds this long end on "3, 2, 1"; shorter ones end on the switch or rest


@dataclass(frozen=True)
class _Marks:
    """Which beats (0-based tempo cycles) carry the set's extra words."""

    form: int | None
    halfway: int | None
    last: tuple[int, ...]
    teach: tuple[int, ...]


def work_cues(step: Step, options: CueOptions, first_side: bool) -> list[Cue]:
    """The cues of one work step; ``first_side`` is False for the second side of a set (no second form cue)."""
    form = step.exercise.form_cue if step.exercise is not None and first_side else ""
    if step.tempo and step.seconds is None:
        per = " each side" if step.exercise and step.exercise.sides is not Sides.NONE else ""
        text = f"{step.reps} reps{per}, at your own pace. Press Enter when you're done."
        cues = [Cue(0, text, sound=Sound.WORK, short="Your own pace.")]
        if form:
            cues.append(Cue(6, form, Priority.NORMAL))
        return cues
    if not step.tempo:
        return _hold(step, form)
    return _reps(step, options, form)


def _marks(step: Step, has_form: bool) -> _Marks:
    beats, reps = step.beats_per_set, step.reps or 0
    alt = step.alternating
    teach = (0, 1) if alt else (0,)
    form = (2 if alt else 1) if has_form and beats > (3 if alt else 2) else None
    halfway = (2 * (reps // 2) if alt else reps // 2) if reps >= HALFWAY_FROM else None
    if halfway is not None and (halfway == form or halfway in teach):
        halfway = None
    last: tuple[int, ...] = ()
    if reps > 1:
        last = (beats - 2,) if alt else (beats - 1,)  # taking turns: the last pair starts on "Last one"
    return _Marks(form, halfway, last, teach)


def _reps(step: Step, options: CueOptions, form: str) -> list[Cue]:
    marks = _marks(step, bool(form))
    period = step.rep_period
    cues: list[Cue] = []
    for k in range(step.beats_per_set):
        offset = k * period
        starts = [offset + sum(p.seconds for p in step.tempo[:j]) for j in range(len(step.tempo))]
        cues.append(_beat_start(step, k, marks, options))
        for j in range(1, len(step.tempo)):
            phase = step.tempo[j]
            last_phase = j == len(step.tempo) - 1
            quiet = k in (marks.form, marks.halfway) or (not last_phase and _long_limbs(step))
            if (k in marks.teach and not quiet) or (last_phase and not quiet):
                cues.append(Cue(starts[j], phase.word))
            if phase.seconds >= BREATHE_FROM:
                text = BREATHING[k % len(BREATHING)]
                cues.append(Cue(starts[j] + 0.4, text, Priority.NORMAL, latest=starts[j] + phase.seconds - 1.5))
        if k == marks.form:
            cues.append(Cue(offset + 0.5, form, Priority.NORMAL, latest=offset + period))
        if k == marks.halfway:
            cues.append(Cue(offset + 0.5, "Halfway.", Priority.NORMAL, latest=offset + period))
    return cues


def _beat_start(step: Step, k: int, marks: _Marks, options: CueOptions) -> Cue:
    """The first word of a beat: the limbs and phase on the first rep(s), then the count, "Last one" at the end."""
    word = step.tempo[0].word
    sound = Sound.WORK if k == 0 else None
    alt = step.alternating
    if k in marks.teach:
        if not alt or step.exercise is None:
            return Cue(k * step.rep_period, word, sound=sound)
        limb = step.exercise.limb(Side.LEFT if k % 2 == 0 else Side.RIGHT)
        if len(limb.split()) <= MAX_LIMB_WORDS:
            return Cue(k * step.rep_period, f"{_capital(limb)}, {word.lower()}", sound=sound, short=word)
        side = "Left" if k % 2 == 0 else "Right"
        return Cue(k * step.rep_period, f"{_capital(limb)}.", sound=sound, short=f"{side}.")
    if k in marks.last:
        return Cue(k * step.rep_period, f"{LAST}.", short="Last")
    if alt and k % 2 == 1:
        return Cue(k * step.rep_period, word)
    number = k // 2 + 1 if alt else k + 1
    return Cue(k * step.rep_period, str(number) if options.count_reps else word, short=None)


def _hold(step: Step, form: str) -> list[Cue]:
    seconds = step.seconds or 0.0
    cues = [Cue(0, "Hold.", sound=Sound.WORK)]
    if form:
        cues.append(Cue(1.5, form, Priority.NORMAL))
    if seconds >= BREATHE_FROM:
        at = max(seconds * 0.4, 4.0)
        cues.append(Cue(at, BREATHING[step.set % len(BREATHING)], Priority.NORMAL, latest=seconds - 1.0))
    if seconds >= HOLD_HALFWAY_FROM:
        cues.append(Cue(seconds / 2, "Halfway.", Priority.NORMAL, latest=seconds / 2 + 2))
    if seconds >= HOLD_COUNTDOWN_FROM:
        cues.extend(Cue(seconds - n, str(n), sound=Sound.TICK) for n in range(3, 0, -1) if seconds - n >= 1.5)
    return cues


def _long_limbs(step: Step) -> bool:
    """Turns named by a long phrase ("Left arm and right leg."): on the first reps the phrase takes the place of
    the phase words before the turn."""
    if not step.alternating or step.exercise is None:
        return False
    return any(len(step.exercise.limb(side).split()) > MAX_LIMB_WORDS for side in Side)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
