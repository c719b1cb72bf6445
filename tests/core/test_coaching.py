"""What the person on the mat hears, checked structurally for every routine and level (estimated lengths; the
coaching report in benchmarks/ gives the same figures with the real clips)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from backtimer.core.content.loader import parse_exercise, read_toml
from backtimer.core.content.model import Level, Mode, Side, Sides
from backtimer.core.errors import ContentError
from backtimer.core.figures.poses import active_limbs, figure_of
from backtimer.core.session.cues import (
    CueOptions,
    Durations,
    estimate_seconds,
    is_instruction,
    speaking_rate,
)
from backtimer.core.session.machine import Session
from backtimer.core.session.plan import Plan, build_plan
from backtimer.core.session.script import COOL_DOWN, SAFETY, TOMORROW, WAIT_PROMPT
from backtimer.core.session.snapshot import PauseReason, State
from backtimer.core.session.steps import Step, StepKind
from backtimer.core.session.work import BREATHING, LAST
from backtimer.core.settings import Settings, timed_routine
from backtimer.resources import asset
from tests.helpers import builtin_catalog

ESTIMATE: Durations = estimate_seconds


def all_plans(options: CueOptions | None = None) -> list[Plan]:
    catalog = builtin_catalog()
    return [
        build_plan(timed_routine(routine, Settings()), level, options)
        for routine in catalog.routines.values()
        for level in Level
    ]


PLANS = all_plans()
IDS = [f"{p.routine.id}-{p.level.value}" for p in PLANS]


def texts_of(step: Step) -> list[str]:
    return [c.text for c in step.cues if c.text]


def work_steps(plan: Plan, entry: int) -> list[Step]:
    return [s for s in plan.steps if s.kind is StepKind.WORK and s.entry_index == entry]


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_the_opening_welcomes_warns_and_always_sets_up_the_first_exercise(plan: Plan) -> None:
    first = plan.steps[0]
    assert first.kind is StepKind.PREPARE and (first.seconds or 0) >= 20
    said = texts_of(first)
    assert said[0].startswith("Welcome.") and plan.routine.title in said[0] and "minutes" in said[0]
    assert SAFETY in said and "press H" in SAFETY and "sharp" in SAFETY
    exercise = first.next_exercise
    assert exercise is not None and first.transition
    assert f"First up: {exercise.name}. {first.transition}" in said
    assert exercise.how_to[0] in said  # the set-up is never dropped
    assert said[-3:] == ["3", "2", "1"]


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_every_change_of_position_is_said_in_a_longer_rest(plan: Plan) -> None:
    timing = plan.routine.timing
    for index, step in enumerate(plan.steps):
        if step.kind is not StepKind.REST or step.exercise is not None or step.next_exercise is None:
            continue
        before = plan.steps[index - 1].exercise
        assert before is not None
        if before.position == step.next_exercise.position:
            assert not step.transition
            continue
        assert step.transition in texts_of(step)
        assert (step.seconds or 0) >= timing.rest_between_exercises + timing.position_change_extra


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_sides_name_the_limbs_and_switches_are_long_enough(plan: Plan) -> None:
    for step in plan.steps:
        exercise = step.exercise
        if step.kind is StepKind.SWITCH and exercise is not None and step.side is not None:
            said = texts_of(step)
            assert said[0] in ("Relax.", "Come down gently.")  # out of it first
            assert f"Now the {exercise.limb(step.side)}." in said
            if exercise.id in ("side-plank", "figure-four-bridge"):
                assert (step.seconds or 0) >= 10
        if step.kind is StepKind.WORK and step.alternating and exercise is not None and step.tempo:
            spoken = " ".join(texts_of(step)).lower()
            assert exercise.limb(Side.LEFT).lower() in spoken and exercise.limb(Side.RIGHT).lower() in spoken


def test_every_exercise_with_sides_names_its_limbs_in_its_data() -> None:
    for exercise in builtin_catalog().exercises.values():
        if exercise.sides is not Sides.NONE:
            assert exercise.limb(Side.LEFT) != "left" and exercise.limb(Side.RIGHT) != "right", exercise.id


_LIMB = re.compile(r"\b(left|right) (arm|forearm|leg|knee|ankle|foot|heel)\b")
_PART = {"arm": "arm", "forearm": "arm", "leg": "leg", "knee": "leg", "ankle": "leg", "foot": "leg", "heel": "leg"}


@pytest.mark.parametrize("side", list(Side))
def test_the_highlighted_limbs_are_the_ones_the_voice_names(side: Side) -> None:
    for exercise in builtin_catalog().exercises.values():
        figure = figure_of(exercise)
        if exercise.sides is Sides.NONE or figure is None or not figure.active:
            continue
        mirrored = side is not figure.side
        shown = set(active_limbs(figure, mirrored))
        if mirrored and figure.flips:  # the flipped picture of a right arm is a left arm
            shown = {("left" if s.startswith("right") else "right") + s[s.index("_") :] for s in shown}
        named = {f"{m.group(1)}_{_PART[m.group(2)]}" for m in _LIMB.finditer(exercise.limb(side))}
        assert shown <= named, (exercise.id, side, shown, named)


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_every_set_has_one_form_cue_a_last_one_and_a_halfway(plan: Plan) -> None:
    for index, entry in enumerate(plan.routine.entries):
        exercise = entry.exercise
        steps = work_steps(plan, index)
        for set_number in {s.set for s in steps}:
            in_set = [s for s in steps if s.set == set_number]
            said = [t for s in in_set for t in texts_of(s)]
            assert said.count(exercise.form_cue) == 1, (exercise.id, set_number)
            for step in in_set:
                if step.tempo and (step.reps or 0) > 1:
                    assert f"{LAST}." in texts_of(step)
                if step.tempo and (step.reps or 0) >= 4:
                    assert "Halfway." in texts_of(step)


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_holds_of_five_seconds_or_more_remind_to_breathe(plan: Plan) -> None:
    for step in plan.steps:
        if step.kind is not StepKind.WORK:
            continue
        if not step.tempo and (step.seconds or 0) >= 5:
            assert any(t in BREATHING for t in texts_of(step))
        for k in range(step.beats_per_set):
            for j, phase in enumerate(step.tempo):
                if phase.seconds < 5:
                    continue
                start = k * step.rep_period + sum(p.seconds for p in step.tempo[:j])
                inside = [c.text for c in step.cues if start <= c.at < start + phase.seconds]
                assert any(t in BREATHING for t in inside), (step.exercise, k)


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_the_voice_talks_at_most_30_percent_of_any_exercises_work(plan: Plan) -> None:
    for index, entry in enumerate(plan.routine.entries):
        steps = [s for s in work_steps(plan, index) if s.seconds]
        work = sum(s.seconds or 0 for s in steps)
        talk = sum(min(ESTIMATE(c.text), (s.seconds or 0) - c.at) for s in steps for c in s.cues if c.text)
        assert talk <= 0.3 * work, (entry.exercise.id, round(talk / work, 3))


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_phase_words_are_not_repeated_on_every_rep(plan: Plan) -> None:
    for step in plan.steps:
        if step.kind is StepKind.WORK and step.tempo and len(step.tempo) > 2 and (step.reps or 0) > 3:
            middle = step.tempo[1].word
            assert texts_of(step).count(middle) <= (2 if step.alternating else 1)  # the first rep(s) only


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_beginners_are_taught_the_beginner_form_and_others_offered_it_once(plan: Plan) -> None:
    said = [t for s in plan.steps for t in texts_of(s)]
    for entry in plan.routine.entries:
        tip = entry.exercise.beginner[1:]
        teaching = [t for t in said if t.startswith("Your form today:") and t.endswith(tip)]
        offers = [t for t in said if "easier way" in t and t.endswith(tip)]
        if plan.level is Level.BEGINNER:
            assert teaching and not offers, entry.exercise.id
        else:
            assert len(offers) == 1 and not teaching, entry.exercise.id


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_the_finish_cools_down_and_looks_to_tomorrow(plan: Plan) -> None:
    finish = texts_of(plan.steps[-1])
    assert len(finish) == 1 and COOL_DOWN in finish[0] and finish[0].endswith(TOMORROW)


def test_the_prone_leg_lift_is_slow_with_a_pause_at_the_top() -> None:
    lift = builtin_catalog().exercises["prone-leg-lift"]
    assert [p.word for p in lift.tempo] == ["Lift", "Hold", "Lower"]
    assert lift.tempo[0].seconds >= 2 and lift.tempo[2].seconds >= 2
    figure = lift.figure["poses"]
    assert -10 <= figure["lifted"]["left_hip"] < 0  # a few inches, not a high kick


def test_instruction_lines_are_said_slower_than_counts_and_follow_the_rate() -> None:
    line = "Lie on your back with both knees bent and feet flat."
    assert is_instruction(line) and not is_instruction("Last one.") and not is_instruction("3")
    assert speaking_rate("3", 175) == 175 and speaking_rate(line, 175) < 140
    assert speaking_rate(line, 220) > speaking_rate(line, 175)  # still the voice-rate setting
    assert estimate_seconds(line, 175) > estimate_seconds(line, 220)


def test_wait_for_me_asks_instead_of_counting_down() -> None:
    plan = build_plan(builtin_catalog().routines["start-small"], Level.STANDARD, CueOptions(wait_for_me=True))
    for step in plan.steps:
        if step.before_exercise:
            said = texts_of(step)
            assert said[-1] == WAIT_PROMPT and "1" not in said


def test_an_exercise_file_without_the_coaching_fields_still_loads(tmp_path: Path) -> None:
    text = asset("exercises", "glute-bridge.toml").read_text(encoding="utf-8")
    path = tmp_path / "plain.toml"
    path.write_text(text.replace('form_cue = "Push through your heels."\n', ""), encoding="utf-8")
    exercise = parse_exercise(read_toml(path), str(path))
    assert exercise.form_cue == "" and exercise.switch_seconds is None and exercise.limb(Side.LEFT) == "left"
    plan = build_plan(builtin_catalog().routines["start-small"], Level.STANDARD)
    assert plan.steps  # and a plan without form cues says nothing empty
    assert exercise.mode is Mode.REPS


@pytest.mark.parametrize(
    ("addition", "field"),
    [
        ("form_cue = 3\n", "form_cue"),
        ('switch_seconds = "long"\n', "switch_seconds"),
        ("switch_seconds = 500\n", "switch_seconds"),
        ('limbs = "left leg"\n', "limbs"),
        ("[limbs]\nleft = 1\n", "limbs.left"),
        ('[limbs]\nmiddle = "both"\n', "limbs.middle"),
    ],
)
def test_wrong_coaching_fields_are_bad_input_naming_file_and_field(tmp_path: Path, addition: str, field: str) -> None:
    text = asset("exercises", "glute-bridge.toml").read_text(encoding="utf-8")
    text = text.replace('form_cue = "Push through your heels."\n', "")
    top, _, rest = text.partition("\n[[tempo]]")
    table = addition.startswith("[")  # a table goes at the end, a plain key at the top
    text = f"{top}\n[[tempo]]{rest}\n{addition}" if table else f"{addition}{top}\n[[tempo]]{rest}"
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        parse_exercise(read_toml(path), str(path))
    message = str(info.value)
    assert "mine.toml" in message and field in message and "\n" not in message


def test_wait_for_me_holds_each_get_ready_until_done_or_space() -> None:
    plan = build_plan(builtin_catalog().routines["start-small"], Level.STANDARD, CueOptions(wait_for_me=True))
    session = Session(plan)
    session.start(0.0)
    first = plan.steps[0].seconds or 0.0
    for second in range(1, int(first) + 1):
        session.tick(float(second))
    session.tick(first + 0.01)
    assert session.state is State.PAUSED and session.pause_reason is PauseReason.WAITING
    assert session.step.kind is StepKind.WORK
    session.tick(first + 100)
    assert session.state is State.PAUSED  # it waits as long as it takes
    assert session.done(first + 100)
    assert session.get_ready_left(first + 100) is not None  # the short count-in, then the work
    session.tick(first + 103.01)
    assert state_of(session) is State.RUNNING and session.step.kind is StepKind.WORK
    # Space (toggle) works the same at the next exercise's get-ready
    now = first + 103.01
    while not (session.state is State.PAUSED and session.pause_reason is PauseReason.WAITING):
        upcoming = session.next_event_at()
        assert upcoming is not None
        now = upcoming
        session.tick(now)
    session.toggle(now)
    assert state_of(session) is State.GETTING_READY


def state_of(session: Session) -> State:
    """The state read afresh (mypy would keep the one narrowed by an earlier assert)."""
    return session.state


def test_after_a_hold_the_body_comes_out_of_it_before_the_rating_question() -> None:
    from backtimer.core.session.cues import CueOptions
    from backtimer.core.session.plan import build_plan
    from backtimer.core.session.steps import StepKind

    routine = builtin_catalog().routines["core-stability"]
    plan = build_plan(routine, Level.STANDARD, CueOptions(ask_ratings=True))
    steps = list(plan.steps)
    after_plank = next(
        s
        for before, s in itertools.pairwise(steps)
        if s.kind is StepKind.REST
        and s.exercise is None
        and before.exercise is not None
        and before.exercise.id == "plank"
    )
    texts = [c.text for c in sorted(after_plank.cues, key=lambda c: c.at) if c.text]
    assert texts[0] == "Come down gently."
    assert texts[1].startswith("How was Plank?")
