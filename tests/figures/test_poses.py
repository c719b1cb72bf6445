"""Pose maths without Qt: every exercise has figure data, key poses differ, motion keeps bones whole."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.core.content.loader import parse_exercise, read_toml
from backtimer.core.content.model import Exercise, Mode, Side, Sides
from backtimer.core.errors import ContentError
from backtimer.core.figures.camera import LIES, grounded
from backtimer.core.figures.poses import START, angles_for, draw_pose, figure_of, key_drawing, motion_guides, pose_for
from backtimer.core.figures.skeleton import bone_lengths, forward_kinematics, mirror_pose
from backtimer.core.session.steps import StepKind
from backtimer.resources import asset
from tests.helpers import builtin_catalog

EXERCISES = sorted(builtin_catalog().exercises)


def exercise(name: str) -> Exercise:
    return builtin_catalog().exercises[name]


def spread(a: dict[str, tuple[float, float]], b: dict[str, tuple[float, float]]) -> float:
    return max(math.dist(a[k], b[k]) for k in a)


@pytest.mark.parametrize("name", EXERCISES)
def test_every_exercise_has_its_key_poses(name: str) -> None:
    ex = exercise(name)
    figure = figure_of(ex)
    assert figure is not None
    assert START in figure.poses
    needed = {p.pose for p in ex.tempo if p.pose} | ({figure.hold} if ex.mode is Mode.HOLD else set())
    assert needed <= set(figure.poses)
    assert len(figure.poses) >= 2


@pytest.mark.parametrize("name", EXERCISES)
def test_the_key_poses_of_one_exercise_differ(name: str) -> None:
    figure = figure_of(exercise(name))
    assert figure is not None
    drawings = [key_drawing(figure, pose).points for pose in figure.names()]
    for i, a in enumerate(drawings):
        for b in drawings[i + 1 :]:
            assert spread(a, b) > 5.0  # body units (cm-ish): a visible change
    for pose, changes in figure.easier.items():  # the easier form really is another picture
        assert changes
        plain, easy = key_drawing(figure, pose), key_drawing(figure, pose, easier=True)
        lowered = max(abs(plain.height[k] - easy.height[k]) for k in plain.height)  # from above: hands down
        assert max(spread(plain.points, easy.points), lowered) > 3.0


@pytest.mark.parametrize("name", [n for n in EXERCISES if exercise(n).mode is Mode.REPS])
def test_phase_ends_are_the_key_poses(name: str) -> None:
    ex = exercise(name)
    figure = figure_of(ex)
    assert figure is not None
    for index, phase in enumerate(ex.tempo):
        before = ex.tempo[index - 1].pose or START
        at_start = pose_for(ex, StepKind.WORK, index, 0.0, figure.side)
        at_end = pose_for(ex, StepKind.WORK, index, 1.0, figure.side)
        assert at_start is not None and at_end is not None
        assert at_start.points == key_drawing(figure, before).points
        assert at_end.points == key_drawing(figure, phase.pose or before).points


def test_lift_rises_hold_stays_lower_returns() -> None:
    ex = exercise("glute-bridge")
    heights = [pose_for(ex, StepKind.WORK, 0, t / 10, None) for t in range(11)]
    pelvis = [d.points["pelvis"][1] for d in heights if d is not None]
    assert all(b >= a for a, b in itertools.pairwise(pelvis)) and pelvis[-1] > pelvis[0] + 10
    held = {pose_for(ex, StepKind.WORK, 1, t / 4, None).points["pelvis"] for t in range(5)}  # type: ignore[union-attr]
    assert len(held) == 1
    lowering = [pose_for(ex, StepKind.WORK, 2, t / 10, None).points["pelvis"][1] for t in range(11)]  # type: ignore[union-attr]
    assert all(b <= a for a, b in itertools.pairwise(lowering))


@pytest.mark.parametrize("kind", [StepKind.REST, StepKind.PREPARE, StepKind.SWITCH])
def test_rests_and_get_ready_show_the_start_pose(kind: StepKind) -> None:
    ex = exercise("bird-dog")
    figure = figure_of(ex)
    assert figure is not None
    for progress in (0.0, 0.5, 1.0):
        drawing = pose_for(ex, kind, 0, progress, Side.LEFT)
        assert drawing is not None and drawing.points == key_drawing(figure, START).points


def test_a_hold_eases_into_its_hold_pose_and_stays() -> None:
    ex = exercise("plank")
    figure = figure_of(ex)
    assert figure is not None and figure.hold
    assert angles_for(ex, StepKind.WORK, 0, 0.0, elapsed=0.0) == (START, figure.hold, 0.0)
    late = [pose_for(ex, StepKind.WORK, 0, p, None, elapsed=5.0 + p * 10) for p in (0.2, 0.9)]
    assert late[0] is not None and late[1] is not None
    assert late[0].points == late[1].points == key_drawing(figure, figure.hold).points


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(EXERCISES), st.integers(0, 3), st.floats(0, 1), st.booleans(), st.booleans())
def test_bones_keep_their_length_through_any_motion(
    name: str, phase: int, progress: float, easier: bool, other_side: bool
) -> None:
    ex = exercise(name)
    figure = figure_of(ex)
    assert figure is not None
    source, target, t = angles_for(ex, StepKind.WORK, phase, progress, elapsed=progress * 3)
    from backtimer.core.figures.skeleton import blend

    angles = blend(figure.key_pose(source, easier), figure.key_pose(target, easier), t)
    if other_side:
        angles = mirror_pose(angles)
    lengths = bone_lengths(grounded(forward_kinematics(angles, LIES[figure.lie]), figure.anchor))
    rest = bone_lengths(forward_kinematics({}, LIES["upright"]))
    assert lengths == pytest.approx(rest, abs=1e-9)


@pytest.mark.parametrize("name", EXERCISES)
def test_the_body_rests_on_the_mat_and_never_goes_through_it(name: str) -> None:
    figure = figure_of(exercise(name))
    assert figure is not None
    for pose in figure.names():
        for easier in (False, True):
            heights = key_drawing(figure, pose, easier=easier).height
            assert min(heights.values()) == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize("name", [n for n in EXERCISES if exercise(n).sides is not Sides.NONE])
def test_the_other_side_is_the_mirror_image(name: str) -> None:
    ex = exercise(name)
    figure = figure_of(ex)
    assert figure is not None
    other = Side.RIGHT if figure.side is Side.LEFT else Side.LEFT
    pose = figure.names()[-1]
    index = next((i for i, p in enumerate(ex.tempo) if p.pose == pose), 0)
    same = pose_for(ex, StepKind.WORK, index, 1.0, figure.side, elapsed=60)
    mirrored = pose_for(ex, StepKind.WORK, index, 1.0, other, elapsed=60)
    assert same is not None and mirrored is not None
    if figure.flips:
        for key, (x, y) in same.points.items():
            assert mirrored.points[key] == pytest.approx((2 * figure.centre - x, y))
    else:  # the picture stays; the body's left and right swap their work
        expected = draw_pose(figure, mirror_pose(figure.key_pose(pose)))
        assert mirrored.points == expected.points


def test_still_pictures_get_motion_arrows() -> None:
    figure = figure_of(exercise("glute-bridge"))
    assert figure is not None
    guides = motion_guides(figure, START, "top")
    assert len(guides) == 1 and len(guides[0]) == 13  # the rising hips' path


def broken(tmp_path: Any, change: str) -> str:
    text = asset("exercises", "glute-bridge.toml").read_text(encoding="utf-8")
    path = tmp_path / "glute-bridge.toml"
    path.write_text(text.replace("[figure.poses.top]\npelvis = -22", change), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        parse_exercise(read_toml(path), str(path))
    return str(err.value)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ("[figure.poses.top]\nleft_elbow = -20", "figure.poses.top.left_elbow", "beyond what a body does"),
        ("[figure.poses.top]\nelbow = 20", "figure.poses.top.elbow", "unknown field"),
        ("[figure.poses.top]\nleft_elbow = { flex = 10, bend = 3 }", "figure.poses.top.left_elbow.bend", "unknown"),
        ("[figure.poses.top]\nleft_elbow = 'high'", "figure.poses.top.left_elbow", "number of degrees"),
        ("[figure.poses.upper]\npelvis = -22", "tempo[0].pose", "no pose 'top'"),
        ("[figure.easier.side]\npelvis = -2\n[figure.poses.top]\npelvis = -22", "figure.easier.side", "no pose"),
    ],
)
def test_broken_figures_name_the_file_and_the_field(tmp_path: Any, change: str, field: str, words: str) -> None:
    message = broken(tmp_path, change)
    assert "glute-bridge.toml" in message
    assert field in message
    assert words in message
