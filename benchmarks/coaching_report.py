"""The coaching report: what a person on the mat hears, measured with the real clips, for every routine and level.

For each routine x level (default settings) it synthesizes every text the session may say with the project's own
speech worker (pyttsx3 / espeak-ng, at the rate each text is said at), builds the plan with the clips' exact
lengths, and prints:

- per exercise: the share of its work time the voice talks, the longest silence during its work, and the length
  of its side switch (if any);
- the get-ready's length, whether the first exercise (its position and set-up) and every change of body position
  are announced;
- how fast the instruction lines and the counts are said (words a minute, from the clips).

Run: .venv/bin/python -m benchmarks.coaching_report [--estimate] [--clips DIR]
``--estimate`` uses the built-in length estimate instead of synthesizing (no speech engine needed).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from backtimer.core.content.catalog import Catalog
from backtimer.core.content.model import Level, Routine
from backtimer.core.session.cues import CueOptions, Durations, estimate_seconds, is_instruction, speaking_rate
from backtimer.core.session.plan import Plan, build_plan
from backtimer.core.session.steps import Step, StepKind
from backtimer.core.settings import Settings, timed_routine
from backtimer.resources import assets_dir
from backtimer.speech.clips import ClipCache
from backtimer.speech.texts import spoken_texts

_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class ExerciseFigures:
    name: str
    work_seconds: float
    talk_seconds: float
    longest_silence: float
    switch_seconds: float | None

    @property
    def talk_fraction(self) -> float:
        return self.talk_seconds / self.work_seconds if self.work_seconds else 0.0


def synthesize(texts: Iterable[str], cache: ClipCache) -> None:
    """Make the clips that are not in ``cache`` yet, with the project's speech worker."""
    from backtimer.speech.synth import WorkerProcess

    missing = [t for t in texts if cache.ready(t) is None]
    if not missing:
        return
    cache.folder.mkdir(parents=True, exist_ok=True)
    worker = WorkerProcess()
    try:
        for text in missing:
            worker.synth(text, cache.voice, cache.rate_for(text), cache.path_for(text))
    finally:
        worker.kill()


def talk_in(step: Step, durations: Durations) -> tuple[float, float]:
    """Seconds of speech in a timed step (cut at its end) and its longest silence."""
    end = step.seconds or 0.0
    spans = sorted((c.at, min(c.at + durations(c.text), end)) for c in step.cues if c.text)
    talk, quiet, free_from = 0.0, 0.0, 0.0
    for start, stop in spans:
        quiet = max(quiet, start - free_from)
        talk += max(stop - max(start, free_from), 0.0)
        free_from = max(free_from, stop)
    return talk, max(quiet, end - free_from)


def exercise_figures(plan: Plan, durations: Durations) -> list[ExerciseFigures]:
    rows = []
    for index, entry in enumerate(plan.routine.entries):
        steps = [s for s in plan.steps if s.entry_index == index and s.exercise is not None]
        work = [s for s in steps if s.kind is StepKind.WORK and s.seconds]
        measured = [talk_in(s, durations) for s in work]
        switches = [s.seconds for s in steps if s.kind is StepKind.SWITCH and s.seconds]
        rows.append(
            ExerciseFigures(
                entry.exercise.name,
                sum(s.seconds or 0.0 for s in work),
                sum(t for t, _ in measured),
                max((q for _, q in measured), default=0.0),
                min(switches) if switches else None,
            )
        )
    return rows


def announced(plan: Plan) -> tuple[bool, int, int]:
    """Whether the first exercise's name, position and set-up are said in the get-ready, and how many position
    changes there are and how many are said in the rest before them."""
    first = plan.steps[0]
    said = " ".join(c.text for c in first.cues)
    exercise = first.next_exercise
    first_ok = exercise is not None and all(p in said for p in (exercise.name, first.transition, exercise.how_to[0]))
    moves = [s for s in plan.steps if s.kind is StepKind.REST and s.transition]
    spoken = [s for s in moves if any(c.text == s.transition for c in s.cues)]
    return first_ok, len(moves), len(spoken)


def words_a_minute(plan: Plan, durations: Durations, instruction: bool) -> float:
    """Words a minute over every distinct instruction line (or every count and phase word) of the plan."""
    texts = {c.text for s in plan.steps for c in s.cues if c.text and is_instruction(c.text) is instruction}
    words = sum(len(_WORD.findall(t)) for t in texts)
    seconds = sum(durations(t) for t in texts)
    return 60 * words / seconds if seconds else 0.0


def report(routine: Routine, level: Level, durations: Durations, options: CueOptions) -> list[str]:
    plan = build_plan(routine, level, options, durations)
    first_ok, moves, spoken = announced(plan)
    lines = [
        f"{routine.title} — {level.value} — {plan.total_seconds / 60:.1f} min",
        f"  get-ready {plan.steps[0].seconds:g} s · first exercise announced: {'yes' if first_ok else 'NO'}"
        f" · position changes announced: {spoken}/{moves}",
        f"  instruction lines {words_a_minute(plan, durations, True):.0f} wpm"
        f" (said at rate {speaking_rate('a whole instruction line', options.rate_wpm)})"
        f" · counts and phase words at rate {options.rate_wpm}",
    ]
    for row in exercise_figures(plan, durations):
        switch = f" · switch {row.switch_seconds:g} s" if row.switch_seconds else ""
        lines.append(
            f"    {row.name:<28} talk {100 * row.talk_fraction:4.1f}% of {row.work_seconds:5.0f} s"
            f" · longest silence {row.longest_silence:4.1f} s{switch}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--estimate", action="store_true", help="estimated lengths instead of real clips")
    parser.add_argument("--clips", type=Path, default=Path(tempfile.gettempdir()) / "backtimer-coaching-clips")
    args = parser.parse_args(argv)
    settings = Settings()
    options = CueOptions(count_reps=settings.count_reps, rate_wpm=settings.voice_rate)
    catalog = Catalog.load(assets_dir())
    cache = ClipCache(args.clips, settings.voice_name, settings.voice_rate)
    worst = 0.0
    for routine_id in sorted(catalog.routines):
        routine = timed_routine(catalog.routines[routine_id], settings)
        for level in Level:
            durations: Durations = lambda text: estimate_seconds(text, options.rate_wpm)  # noqa: E731
            if not args.estimate:
                synthesize(spoken_texts(routine, level, options), cache)
                durations = cache.duration
            print("\n".join(report(routine, level, durations, options)))
            plan = build_plan(routine, level, options, durations)
            worst = max([worst, *(r.talk_fraction for r in exercise_figures(plan, durations))])
    print(f"\nhighest talk fraction of any exercise's work: {100 * worst:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
