"""The cue script: the words backtimer says during each kind of step."""

from __future__ import annotations

from dataclasses import dataclass

from backtimer.core.content.model import Level, Routine, Sides
from backtimer.core.session.cues import GAP, Cue, CueOptions, Durations, Priority, Sound, schedule
from backtimer.core.session.steps import Step, StepKind

COUNTDOWN_FROM = 3


@dataclass(frozen=True)
class ScriptContext:
    routine: Routine
    level: Level
    total_seconds: float
    options: CueOptions
    durations: Durations


def script_step(step: Step, previous: Step | None, following: Step | None, ctx: ScriptContext) -> tuple[Cue, ...]:
    """Every cue of one step, already fitted so that none overlaps another."""
    durations = ctx.durations
    release = previous is not None and previous.kind is StepKind.WORK and not previous.tempo
    prefix = "Release. " if release else ""
    cues: list[Cue]
    if step.kind is StepKind.PREPARE:
        cues = _prepare(step, ctx, following)
    elif step.kind is StepKind.WORK:
        cues = _work(step, ctx.options)
    elif step.kind is StepKind.SWITCH:
        cues = [_switch(step, prefix, durations)]
    elif step.kind is StepKind.REST:
        cues = _rest(step, prefix, following, durations)
        if ctx.options.ask_ratings and step.exercise is None and previous is not None and previous.exercise:
            cues.append(Cue(1, rating_question(previous.exercise.name), Priority.OPTIONAL))
    else:
        cues = [Cue(0, prefix + finish_text(ctx.options.streak), sound=Sound.FINISH, short=f"{prefix}Well done.")]
    if step.kind in (StepKind.PREPARE, StepKind.SWITCH, StepKind.REST) and step.seconds:
        cues.extend(countdown(step.seconds))
    return schedule(cues, step.seconds, durations)


def rating_question(name: str) -> str:
    """Said after an exercise when ratings are asked for (the keys are on screen too)."""
    return f"How was {name}? 1 easy, 2 just right, 3 hard, 4 painful."


def finish_text(streak: int | None) -> str:
    """The last words of a session; ``streak`` is the days in a row including today (None: not mentioned)."""
    done = "Well done, that's the whole routine."
    if streak is None or streak < 1:
        return done
    if streak == 1:
        return f"{done} That's day one of your streak."
    return f"{done} That's {streak} days in a row."


def countdown(seconds: float, start: float = 0.0) -> list[Cue]:
    """ "3", "2", "1" on the last three whole seconds before ``seconds``, each with a tick."""
    return [
        Cue(seconds - n, str(n), sound=Sound.TICK) for n in range(COUNTDOWN_FROM, 0, -1) if seconds - n >= start + 0.5
    ]


def _switch(step: Step, prefix: str, durations: Durations) -> Cue:
    """ "Switch sides. Right side.", or in a short switch "Switch to the right." (dropping "Release." if need be)."""
    side = step.side.value if step.side else "other side"
    room = (step.seconds or 0.0) - COUNTDOWN_FROM - GAP
    short = f"{prefix}Switch to the {side}."
    if prefix and durations(short) > room:
        short = f"Switch to the {side}."
    return Cue(0, f"{prefix}Switch sides. {side.capitalize()} side.", sound=Sound.REST, short=short)


def _prepare(step: Step, ctx: ScriptContext, following: Step | None) -> list[Cue]:
    minutes = max(1, round(ctx.total_seconds / 60))
    title = ctx.routine.title
    cues = [Cue(0, f"{title}, {ctx.level.value} level. About {minutes} minutes.", short=title)]
    exercise = step.next_exercise
    if exercise is not None:
        first = f"First up: {exercise.name}."
        if following is not None and following.side is not None:
            first += f" {following.side.value.capitalize()} side first."
        cues.append(Cue(1, first, Priority.NORMAL, short=f"{exercise.name}."))
        cues.append(Cue(2, exercise.summary, Priority.OPTIONAL))
    return cues


def _work(step: Step, options: CueOptions) -> list[Cue]:
    if step.tempo and step.seconds is None:
        per = " each side" if step.exercise and step.exercise.sides is not Sides.NONE else ""
        return [
            Cue(
                0,
                f"{step.reps} reps{per}, at your own pace. Press Enter when you're done.",
                sound=Sound.WORK,
                short="Your own pace.",
            )
        ]
    if not step.tempo:
        return _hold(step)
    cues: list[Cue] = []
    beats = step.beats_per_set
    period = step.rep_period
    for k in range(beats):
        offset = k * period
        for j, phase in enumerate(step.tempo):
            at = offset + sum(p.seconds for p in step.tempo[:j])
            text, short = phase.word, phase.word
            if j == 0 and step.alternating:
                text = short = f"{phase.word}, {'left' if k % 2 == 0 else 'right'}"
            if j == 0 and k == beats - 1 and beats > 1:
                text = f"Last one. {text}"
            counted = not step.alternating or k % 2 == 1
            if j == len(step.tempo) - 1 and options.count_reps and counted:
                number = k // 2 + 1 if step.alternating else k + 1
                text, short = f"{phase.word}, {number}", str(number)
            sound = Sound.WORK if k == 0 and j == 0 else None
            cues.append(Cue(at, text, sound=sound, short=short if short != text else None))
    return cues


def _hold(step: Step) -> list[Cue]:
    seconds = step.seconds or 0.0
    cues = [Cue(0, "Hold.", sound=Sound.WORK)]
    if seconds >= 20:
        cues.append(Cue(seconds / 2, "Halfway.", Priority.NORMAL, latest=seconds / 2 + 2))
    cues.extend(countdown(seconds, start=1.0))
    return cues


def _rest(step: Step, prefix: str, following: Step | None, durations: Durations) -> list[Cue]:
    seconds = step.seconds or 0.0
    nxt = step.next_exercise
    if step.exercise is not None:  # between two sets of the same exercise
        cues = [Cue(0, f"{prefix}Rest {seconds:g} seconds.", sound=Sound.REST, short="Rest.")]
        announce = "Last set." if step.set == step.sets else f"Set {step.set} of {step.sets}."
        if following is not None and following.side is not None:
            announce += f" {following.side.value.capitalize()} side."
    else:
        name = nxt.name if nxt else ""
        cues = [
            Cue(
                0, f"{prefix}Rest {seconds:g} seconds. Next up: {name}.", sound=Sound.REST, short=f"Rest. Next: {name}."
            )
        ]
        if nxt is not None:
            cues.append(Cue(4, nxt.summary, Priority.OPTIONAL))
        announce = ""
        if following is not None and following.side is not None:
            announce = f"{following.side.value.capitalize()} side first."
    if announce:
        wanted = seconds - COUNTDOWN_FROM - durations(announce) - 0.5
        cues.append(Cue(max(wanted, 0.0), announce, Priority.NORMAL))
    return cues
