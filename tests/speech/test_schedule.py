"""The scheduler with real clip lengths: no cue talks over another or runs into the next step, for every routine."""

from __future__ import annotations

import itertools

import pytest

from backtimer.core.content.model import Level
from backtimer.core.session.cues import (
    GAP,
    Cue,
    CueOptions,
    Durations,
    Priority,
    Sound,
    estimate_seconds,
    overlaps,
    overruns,
)
from backtimer.core.session.cues import schedule as fit
from backtimer.core.session.machine import Session
from backtimer.core.session.plan import Plan, build_plan
from backtimer.core.session.script import finish_text
from backtimer.core.session.steps import StepKind
from backtimer.speech.texts import spoken_texts
from tests.helpers import builtin_catalog
from tests.speech.conftest import Clips

ROUTINES = sorted(builtin_catalog().routines)


def all_plans(durations: Durations, options: CueOptions | None = None) -> list[Plan]:
    catalog = builtin_catalog()
    return [build_plan(catalog.routines[r], level, options, durations) for r in ROUTINES for level in Level]


def problems(plan: Plan, durations: Durations) -> list[str]:
    found = []
    for index, step in enumerate(plan.steps):
        for a, b in overlaps(step.cues, durations):
            found.append(f"step {index}: {a.text!r} at {a.at:g} runs into {b.text!r} at {b.at:g}")
        for cue in overruns(step.cues, step.seconds, durations):
            found.append(f"step {index}: {cue.text!r} at {cue.at:g} runs past the step's end ({step.seconds:g} s)")
    return found


def test_every_routine_at_every_level_has_no_overlaps_with_real_clip_lengths(clips: Clips) -> None:
    durations = clips.cache.duration
    plans = all_plans(durations)
    assert len(plans) == len(ROUTINES) * 3
    assert [p for plan in plans for p in problems(plan, durations)] == []


@pytest.mark.parametrize("rate", [120, 175, 260])
def test_estimates_also_leave_no_overlaps_at_any_rate(rate: int) -> None:
    durations: Durations = lambda text: estimate_seconds(text, rate)  # noqa: E731
    options = CueOptions(rate_wpm=rate, streak=12)
    assert [p for plan in all_plans(durations, options) for p in problems(plan, durations)] == []


def test_every_chosen_text_has_a_clip_when_prepared_from_spoken_texts(clips: Clips) -> None:
    for plan in all_plans(clips.cache.duration):
        chosen = {c.text for step in plan.steps for c in step.cues if c.text}
        assert chosen <= set(spoken_texts(plan.routine, plan.level))
        assert all(clips.cache.ready(text) for text in chosen)


def test_counts_and_phase_words_survive_real_lengths(clips: Clips) -> None:
    """Shortening is the exception: almost every paced phase keeps its word, and every rep is counted."""
    for plan in all_plans(clips.cache.duration):
        for step in plan.steps:
            if step.kind is not StepKind.WORK or not step.tempo or step.seconds is None:
                continue
            spoken = [c for c in step.cues if c.text]
            assert len(spoken) == len(step.cues), f"{plan.routine.id}: a phase fell silent in {step.exercise}"
            counted = [c.text for c in spoken if c.text.isdigit()]
            # rep 1 starts on its phase word and the last on "Last one": every rep between is counted
            assert counted == [str(n) for n in range(2, (step.reps or 0))]
            assert sum(c.text == "Last one." for c in spoken) == 1


def test_the_resume_get_ready_has_no_overlaps(clips: Clips) -> None:
    plan = all_plans(clips.cache.duration)[0]
    session = Session(plan, durations=clips.cache.duration)
    script = session._script_ready()
    assert [c.text for c in script] == ["Get ready.", "2", "1"]
    assert overlaps(script, clips.cache.duration) == []


def test_essential_cues_keep_their_time_and_fall_back_to_short_then_sound() -> None:
    length = {"Long full sentence here.": 3.0, "Short.": 0.5, "Next.": 0.5}.__getitem__
    cues = [Cue(0, "Long full sentence here.", short="Short.", sound=Sound.REST), Cue(1.0, "Next.")]
    assert [(c.at, c.text) for c in fit(cues, 10, length)] == [(0, "Short."), (1.0, "Next.")]
    tight = [Cue(0, "Long full sentence here.", short="Short.", sound=Sound.REST), Cue(0.5, "Next.")]
    placed = fit(tight, 10, length)
    assert [(c.at, c.text, c.sound) for c in placed] == [(0, "", Sound.REST), (0.5, "Next.", None)]


def test_flexible_cues_move_earlier_and_optional_ones_are_dropped_when_there_is_no_room() -> None:
    length = {"Rest.": 0.5, "Left side first.": 1.2, "A long how-to sentence.": 6.0, "3": 0.4}.__getitem__
    cues = [
        Cue(0, "Rest."),
        Cue(7.5, "Left side first.", Priority.NORMAL),  # wanted where the countdown is: moved earlier
        Cue(1, "A long how-to sentence.", Priority.OPTIONAL),
        Cue(8, "3"),
    ]
    placed = fit(cues, 9, length)
    assert [c.text for c in placed] == ["Rest.", "Left side first.", "3"]
    moved = placed[1]
    assert moved.at + length(moved.text) + GAP <= 8
    assert overlaps(placed, length) == [] and overruns(placed, 9, length) == []


def test_the_finish_says_the_streak() -> None:
    assert finish_text(None).startswith("Well done, that's the whole routine. To get up, roll onto your side")
    assert "day one of your streak." in finish_text(1)
    assert "6 days in a row." in finish_text(6)
    assert finish_text(6).endswith("Notice how your back feels tomorrow.")
    plan = build_plan(builtin_catalog().routines["start-small"], Level.BEGINNER, CueOptions(streak=6))
    last = plan.steps[-1]
    assert last.kind is StepKind.DONE
    assert [(c.text, c.sound) for c in last.cues] == [(finish_text(6), Sound.FINISH)]


def test_distinct_texts_are_few_enough_to_prepare_ahead() -> None:
    catalog = builtin_catalog()
    longest = max(len(spoken_texts(catalog.routines[r], level)) for r, level in itertools.product(ROUTINES, Level))
    assert longest < 150
