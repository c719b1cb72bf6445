"""The cue script: the words backtimer says during each kind of step.

Between the work it talks like a coach: the opening (welcome, length, the one safety line), where to put the
body next and how to set up, which limbs move, and a "come out of it" before each switch. Those lines are laid
one after another and the step is made long enough for all of them and the countdown, so none is ever dropped.
What is said during the work is in ``work.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from backtimer.core.content.model import Exercise, Level, Routine, Side, Sides
from backtimer.core.session.cues import GAP, Cue, CueOptions, Durations, Priority, Sound, schedule
from backtimer.core.session.steps import Step, StepKind
from backtimer.core.session.work import work_cues

COUNTDOWN_FROM = 3
HURT_KEY = "H"
SAFETY = f"Stop at once if you feel sharp or shooting pain, and press {HURT_KEY} for This hurts."
WAIT_PROMPT = "Press Space or Enter when you're ready."
COOL_DOWN = "To get up, roll onto your side first, then push yourself up slowly with your arms."
TOMORROW = "Notice how your back feels tomorrow."


@dataclass(frozen=True)
class ScriptContext:
    routine: Routine
    level: Level
    total_seconds: float
    options: CueOptions
    durations: Durations


def script_step(
    step: Step, previous: Step | None, following: Step | None, ctx: ScriptContext
) -> tuple[tuple[Cue, ...], float | None]:
    """Every cue of one step, fitted so that none overlaps another, and the step's length (made longer when the
    lines between the work need more time than it had)."""
    seconds = step.seconds
    come_out = _come_out(previous)
    if step.kind is StepKind.WORK:
        return schedule(
            work_cues(step, ctx.options, _first_side_of_set(step, previous)), seconds, ctx.durations
        ), seconds
    if step.kind is StepKind.DONE:
        text = f"{come_out} {finish_text(ctx.options.streak)}".strip()
        return (Cue(0, text, sound=Sound.FINISH, short=f"{come_out} Well done.".strip()),), seconds
    if step.kind is StepKind.PREPARE:
        lines = _opening(step, following, ctx)
    elif step.kind is StepKind.SWITCH:
        lines = [(come_out or "Relax.", None), (f"Now the {_limb(step, step.side)}.", _side_word(step.side))]
    elif step.exercise is None:
        if ctx.options.ask_ratings and previous is not None and previous.exercise is not None:
            # out of the position first, then the question while its keys are on screen, then what comes next
            asked = [(come_out, None)] if come_out else []
            asked.append((rating_question(previous.exercise.name), None))
            lines = [*asked, *_before_exercise(step, following, ctx, "")]
        else:
            lines = _before_exercise(step, following, ctx, come_out)
    else:
        lines = [(f"{come_out} Rest {(seconds or 0):g} seconds.".strip(), "Rest.")]
    cues, end = _in_turn(lines, ctx.durations)
    wait = ctx.options.wait_for_me and step.before_exercise
    closing = ctx.durations(WAIT_PROMPT) + 0.75 if wait else COUNTDOWN_FROM + 0.75
    if step.kind is StepKind.REST and step.exercise is not None:
        closing = 0.0  # between sets: the rest's own length; its other lines are fitted into it
    length = max(seconds or 0.0, float(math.ceil(end + closing)))
    cues.extend(_extras(step, following, ctx, length))
    if wait:
        cues.append(Cue(max(end, length - ctx.durations(WAIT_PROMPT) - 0.5), WAIT_PROMPT))
    else:
        cues.extend(countdown(length))
    return schedule(cues, length, ctx.durations), length


def rating_question(name: str) -> str:
    """Said after an exercise when ratings are asked for (the keys are on screen too)."""
    return f"How was {name}? 1 easy, 2 just right, 3 hard, 4 painful."


def finish_text(streak: int | None) -> str:
    """The last words of a session; ``streak`` is the days in a row including today (None: not mentioned)."""
    done = "Well done, that's the whole routine."
    if streak is not None and streak == 1:
        done += " That's day one of your streak."
    elif streak is not None and streak > 1:
        done += f" That's {streak} days in a row."
    return f"{done} {COOL_DOWN} {TOMORROW}"


def countdown(seconds: float, start: float = 0.0) -> list[Cue]:
    """ "3", "2", "1" on the last three whole seconds before ``seconds``, each with a tick."""
    return [
        Cue(seconds - n, str(n), sound=Sound.TICK) for n in range(COUNTDOWN_FROM, 0, -1) if seconds - n >= start + 0.5
    ]


def setup_lines(exercise: Exercise, level: Level) -> list[str]:
    """How to set up for an exercise: its first how-to line, and at beginner level the beginner form as the way."""
    lines = [exercise.how_to[0]]
    if level is Level.BEGINNER and exercise.beginner:
        lines.append(f"Your form today: {_lower_first(exercise.beginner)}")
    return lines


def easier_offer(exercise: Exercise) -> str:
    return f"If that is too much, there is an easier way: {_lower_first(exercise.beginner)}"


def limbs_first(exercise: Exercise, side: Side | None) -> str:
    """Which limbs start: "Right arm and left leg first." for one side at a time, "Start with ..." for turns."""
    if exercise.sides is Sides.EACH and side is not None:
        return f"{_capital(exercise.limb(side))} first."
    if exercise.sides is Sides.ALTERNATE:
        return f"Start with the {exercise.limb(Side.LEFT)}."
    return ""


# ----- the lines between the work ------------------------------------------------------------------------
Line = tuple[str, str | None]  # text and its short form


def _opening(step: Step, following: Step | None, ctx: ScriptContext) -> list[Line]:
    minutes = max(1, round(ctx.total_seconds / 60))
    title = ctx.routine.title
    lines: list[Line] = [
        (f"Welcome. {title}, {ctx.level.value} level, about {minutes} minutes.", None),
        (SAFETY, None),
    ]
    exercise = step.next_exercise
    if exercise is not None:
        lines.append((f"First up: {exercise.name}. {step.transition}".strip(), None))
        lines += _setup(exercise, following, ctx)
    return lines


def _before_exercise(step: Step, following: Step | None, ctx: ScriptContext, come_out: str) -> list[Line]:
    exercise = step.next_exercise
    if exercise is None:
        return [(f"{come_out} Rest.".strip(), None)]
    lines: list[Line] = [(f"{come_out} Rest. Next up: {exercise.name}.".strip(), f"Next: {exercise.name}.")]
    if step.transition:
        lines.append((step.transition, None))
    return lines + _setup(exercise, following, ctx)


def _setup(exercise: Exercise, following: Step | None, ctx: ScriptContext) -> list[Line]:
    lines: list[Line] = [(text, None) for text in setup_lines(exercise, ctx.level)]
    first = limbs_first(exercise, following.side if following is not None else None)
    if first:
        lines.append((first, None))
    single_set = following is not None and following.sets == 1  # no rest between sets to offer it in
    if single_set and ctx.level is not Level.BEGINNER and exercise.beginner:
        lines.append((easier_offer(exercise).replace("that is", "it is"), None))
    return lines


def _extras(step: Step, following: Step | None, ctx: ScriptContext, length: float) -> list[Cue]:
    """Flexible lines: the next set's number and side, and the one offer of the easier form (not at beginner)."""
    cues: list[Cue] = []
    exercise = step.exercise or step.next_exercise
    if exercise is None:
        return cues
    offer = ctx.level is not Level.BEGINNER and bool(exercise.beginner)
    if step.kind is StepKind.REST and step.exercise is not None:
        if offer and step.set == 2:  # the first rest between sets: after trying the exercise once
            cues.append(Cue(2, easier_offer(exercise), Priority.NORMAL))
        announce = "Last set." if step.set == step.sets else f"Set {step.set} of {step.sets}."
        side = following.side if following is not None else None
        if side is not None:
            announce += f" {limbs_first(exercise, side)}"
        wanted = length - COUNTDOWN_FROM - ctx.durations(announce) - 0.5
        cues.append(Cue(max(wanted, 0.0), announce, Priority.NORMAL))
    return cues


def _in_turn(lines: list[Line], durations: Durations) -> tuple[list[Cue], float]:
    """Lines said one after another from the start; returns their cues and when the last one ends."""
    cues: list[Cue] = []
    at = 0.0
    for i, (text, short) in enumerate(lines):
        sound = Sound.REST if i == 0 else None
        cues.append(Cue(at, text, sound=sound, short=short))
        at += durations(text) + GAP + 0.01  # a hair more: rounding must not shorten the line
    return cues, at


def _come_out(previous: Step | None) -> str:
    """What to say first after a piece of work: the body comes out of a hold; after reps it simply relaxes."""
    if previous is None or previous.kind is not StepKind.WORK:
        return ""
    return "Come down gently." if not previous.tempo else ""


def _first_side_of_set(step: Step, previous: Step | None) -> bool:
    return previous is None or previous.kind is not StepKind.SWITCH


def _limb(step: Step, side: Side | None) -> str:
    if step.exercise is None or side is None:
        return "other side"
    return step.exercise.limb(side)


def _side_word(side: Side | None) -> str | None:
    return f"{side.value.capitalize()} side." if side is not None else None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
