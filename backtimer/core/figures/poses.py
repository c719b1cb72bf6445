"""Exercise figures as data: key poses read from an exercise's ``[figure]`` table, and the pose at any moment.

An exercise file describes its figure like this (angles in degrees; ``skeleton.py`` beside it gives their meaning)::

    [figure]
    lie = "supine"        # supine | prone | side | upright: how the body lies on the mat
    view = "side"         # side | above | end, with optional tilt = 30 (looking down) and turn = 20
    side = "left"         # the side of the body the poses show working; the other side is its mirror image
    mirror = "flip"       # flip: the whole picture flips; swap: the other limbs move and the picture stays
    anchor = "pelvis"     # the joint that stays in place on the mat while the others move
    active = ["left_leg"] # limbs drawn in the accent colour: they do the work
    hold = "hold"         # hold exercises only: the pose that is held (the figure rises into it from "start")

    [figure.poses.start]
    left_hip = 10                         # a number is the flex angle
    right_hip = { flex = 10, abd = 15 }   # a table names flex, abd and twist

    [figure.easier.lifted]                # the beginner form: only the joints that differ from the pose
    left_hip = { flex = -8 }

Every pose that the tempo names must exist, and so must ``start``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from backtimer.core.content.fields import Table
from backtimer.core.content.model import Exercise, Mode, Side, TempoPhase
from backtimer.core.errors import ContentError
from backtimer.core.figures.camera import LIES, VIEWS, Bounds, Camera, Drawing, bounds_of, grounded, project
from backtimer.core.figures.skeleton import (
    BY_NAME,
    COMPONENTS,
    Angles,
    Pose,
    blend,
    ease,
    forward_kinematics,
    mirror_pose,
)
from backtimer.core.session.steps import StepKind

START = "start"
RISE_SECONDS = 1.5  # a hold exercise eases into its hold over this long
LIMBS = ("left_arm", "right_arm", "left_leg", "right_leg")
_FIGURE_KEYS = {"lie", "view", "tilt", "turn", "side", "mirror", "anchor", "active", "hold", "poses", "easier"}


_NO_FRAME = Bounds(-1.0, -1.0, 1.0, 1.0)


@dataclass(frozen=True)
class Figure:
    lie: str
    camera: Camera
    side: Side
    mirror: str  # "flip" or "swap"
    anchor: str
    active: tuple[str, ...]
    hold: str | None
    poses: dict[str, dict[str, Angles]]
    easier: dict[str, dict[str, Angles]] = field(default_factory=dict)
    centre: float = 0.0  # the flip mirrors about this x, the middle of the unflipped poses, so both fit one frame
    frame: Bounds = _NO_FRAME  # holds every key pose, both forms and sides (set when read)

    def key_pose(self, name: str, easier: bool = False) -> dict[str, Angles]:
        """A key pose; the beginner form replaces only the joints it names."""
        pose = dict(self.poses[name])
        if easier:
            pose.update(self.easier.get(name, {}))
        return pose

    def names(self) -> tuple[str, ...]:
        """The key poses in the order they are first reached: start, then the rest."""
        return (START, *(n for n in self.poses if n != START))

    @property
    def flips(self) -> bool:
        return self.mirror == "flip"


# ----- reading ---------------------------------------------------------------------------------------------------
def parse_figure(
    data: Mapping[str, Any],
    source: str,
    tempo: tuple[TempoPhase, ...],
    mode: Mode,
    *,
    framed: bool = True,
    prefix: str = "",
) -> Figure:
    """Check a ``[figure]`` table strictly; a ContentError names the file and the field. ``framed=False`` only
    checks: it skips measuring the frame (every key pose laid out), which is most of the work."""
    t = Table(data, source, f"{prefix}figure.")
    t.reject_unknown(_FIGURE_KEYS)
    poses_table = t.table("poses")
    poses = {name: _parse_pose(poses_table.table(name)) for name in poses_table.data}
    if START not in poses:
        raise poses_table.fail(START, "missing: every figure needs a start pose")
    for index, phase in enumerate(tempo):
        if phase.pose is not None and phase.pose not in poses:
            raise ContentError(source, f"{prefix}tempo[{index}].pose", f"no pose {phase.pose!r} under [figure.poses]")
    hold = t.text("hold", "", max_len=40) or None
    if mode is Mode.HOLD and hold is None:
        raise t.fail("hold", "missing: a hold exercise names the pose it holds")
    if hold is not None and hold not in poses:
        raise t.fail("hold", f"no pose {hold!r} under [figure.poses]")
    easier_table = t.table("easier", required=False)
    easier = {}
    for name in easier_table.data:
        if name not in poses:
            raise easier_table.fail(name, f"no pose {name!r} under [figure.poses] to make easier")
        easier[name] = _parse_pose(easier_table.table(name))
    active = t.texts("active", required=False, max_items=4)
    for index, limb in enumerate(active):
        if limb not in LIMBS:
            raise t.fail(f"active[{index}]", f"{limb!r} is not one of: " + ", ".join(LIMBS))
    anchor = t.text("anchor", "pelvis", max_len=40)
    if anchor not in _ANCHORS:
        raise t.fail("anchor", f"{anchor!r} is not one of: " + ", ".join(sorted(_ANCHORS)))
    figure = Figure(
        lie=t.choice("lie", list(LIES)),
        camera=Camera(
            t.choice("view", list(VIEWS), "side"), _degrees(t, "tilt", -90, 90), _degrees(t, "turn", -90, 90)
        ),
        side=Side(t.choice("side", [s.value for s in Side], Side.LEFT.value)),
        mirror=t.choice("mirror", ["flip", "swap"], "flip"),
        anchor=anchor,
        active=active,
        hold=hold,
        poses=poses,
        easier=easier,
    )
    if not framed:
        return figure
    plain = bounds_of(_drawings(figure, mirrored=(False,)), symmetric=False)
    figure = replace(figure, centre=(plain.left + plain.right) / 2)
    both = bounds_of(_drawings(figure, mirrored=(False, True)), symmetric=figure.flips, centre=figure.centre)
    return replace(figure, frame=both)


_ANCHORS = {"pelvis", "neck_base", "head", "left_ankle", "right_ankle", "left_shoulder", "right_shoulder"}


def _degrees(t: Table, key: str, low: float, high: float) -> float:
    value = t.raw(key)
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise t.fail(key, f"must be a number of degrees from {low} to {high}")
    return float(value)


def _parse_pose(t: Table) -> dict[str, Angles]:
    t.reject_unknown(set(BY_NAME))
    pose = {}
    for name, value in t.data.items():
        joint = BY_NAME[name]
        if isinstance(value, Mapping):
            sub = t.table(name)
            sub.reject_unknown(set(COMPONENTS))
            raw = [sub.raw(c) if sub.has(c) else 0 for c in COMPONENTS]
        else:
            raw = [value, 0, 0]
        angles = []
        for component, number, (low, high) in zip(COMPONENTS, raw, joint.limits, strict=True):
            where = t.path(name) + ("" if not isinstance(value, Mapping) else f".{component}")
            if isinstance(number, bool) or not isinstance(number, int | float) or not math.isfinite(number):
                raise ContentError(t.source, where, "must be a number of degrees")
            if not low <= number <= high:
                raise ContentError(t.source, where, f"{number} is beyond what a body does here ({low:g} to {high:g})")
            angles.append(float(number))
        pose[name] = (angles[0], angles[1], angles[2])
    return pose


_CACHE: dict[tuple[str, int], Figure] = {}


def figure_of(exercise: Exercise) -> Figure | None:
    """The exercise's parsed figure (cached: the player asks many times a second), or None without one."""
    if not exercise.figure:
        return None
    key = (exercise.id, id(exercise.figure))
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = parse_figure(exercise.figure, exercise.id, exercise.tempo, exercise.mode)
    return _CACHE[key]


# ----- the pose at a moment --------------------------------------------------------------------------------------
def angles_for(
    exercise: Exercise, kind: StepKind, phase_index: int, progress: float, elapsed: float = math.inf
) -> tuple[str, str, float]:
    """Which two key poses the figure is between, and how far (eased): (from, to, t)."""
    figure = figure_of(exercise)
    assert figure is not None
    if kind is not StepKind.WORK:
        return START, START, 0.0  # rests, switches, get-ready: the start pose of what comes
    if exercise.mode is Mode.HOLD or not exercise.tempo:
        return START, figure.hold or START, ease(elapsed / RISE_SECONDS)
    tempo = exercise.tempo
    index = min(max(phase_index, 0), len(tempo) - 1)
    target = _pose_at(tempo, index)
    source = _pose_at(tempo, index - 1)  # phase 0 starts where the last phase ended
    return source, target, ease(progress) if source != target else 0.0


def _pose_at(tempo: tuple[TempoPhase, ...], index: int) -> str:
    """The pose reached by the end of phase ``index``: a phase without a pose keeps the one before it."""
    for step in range(len(tempo)):
        pose = tempo[(index - step) % len(tempo)].pose
        if pose is not None:
            return pose
    return START


def pose_for(
    exercise: Exercise,
    kind: StepKind,
    phase_index: int,
    progress: float,
    side: Side | None,
    easier: bool = False,
    elapsed: float = math.inf,
) -> Drawing | None:
    """The figure of ``exercise`` at this point of a step, ready to paint; None if it has no figure."""
    figure = figure_of(exercise)
    if figure is None:
        return None
    source, target, t = angles_for(exercise, kind, phase_index, progress, elapsed)
    angles = blend(figure.key_pose(source, easier), figure.key_pose(target, easier), t)
    return draw_pose(figure, angles, mirrored=side is not None and side is not figure.side)


def draw_pose(figure: Figure, angles: Pose, *, mirrored: bool = False) -> Drawing:
    """Lay out one pose: forward kinematics, onto the mat, through the camera, mirrored if asked."""
    if mirrored and not figure.flips:
        angles = mirror_pose(angles)
    body = grounded(forward_kinematics(angles, LIES[figure.lie]), figure.anchor)
    drawing = project(body, figure.camera)
    return drawing.flipped(figure.centre) if mirrored and figure.flips else drawing


def key_drawing(figure: Figure, name: str, *, easier: bool = False, mirrored: bool = False) -> Drawing:
    return draw_pose(figure, figure.key_pose(name, easier), mirrored=mirrored)


def frame_of(figure: Figure) -> Bounds:
    """The box that holds every key pose of the figure, both forms, both sides: it never rescales mid-motion."""
    return figure.frame


def _drawings(figure: Figure, mirrored: tuple[bool, ...]) -> list[Drawing]:
    return [
        key_drawing(figure, name, easier=easier, mirrored=flip)
        for name in figure.names()
        for easier in (False, True)
        for flip in mirrored
    ]


def active_limbs(figure: Figure, mirrored: bool) -> tuple[str, ...]:
    """The limbs drawn in the accent colour; with the swap mirror the other side's limbs do the work."""
    if not mirrored or figure.flips:
        return figure.active
    swap = {"left": "right", "right": "left"}
    return tuple(swap[limb.split("_")[0]] + "_" + limb.split("_")[1] for limb in figure.active)


_GUIDE_POINTS = ("left_hand", "right_hand", "left_ankle", "right_ankle", "left_knee", "right_knee", "pelvis", "head")


def motion_guides(
    figure: Figure, source: str, target: str, *, easier: bool = False, mirrored: bool = False, most: int = 2
) -> list[list[tuple[float, float]]]:
    """The paths of the points that travel furthest from one key pose to the next: arrows for still pictures."""
    a, b = figure.key_pose(source, easier), figure.key_pose(target, easier)
    frames = [draw_pose(figure, blend(a, b, i / 12), mirrored=mirrored) for i in range(13)]
    travel = []
    for name in _GUIDE_POINTS:
        path = [frame.points[name] for frame in frames]
        length = sum(math.dist(p, q) for p, q in itertools.pairwise(path))
        travel.append((length, name, path))
    travel.sort(reverse=True)
    chosen: list[list[tuple[float, float]]] = []
    limbs: set[str] = set()
    for length, name, path in travel:
        limb = name.replace("_hand", "_arm").replace("_ankle", "_leg").replace("_knee", "_leg")
        if length < 20.0 or len(chosen) >= most or limb in limbs:
            continue
        limbs.add(limb)
        chosen.append(path)
    return chosen
