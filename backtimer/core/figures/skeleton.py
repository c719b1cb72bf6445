"""A stick-figure skeleton: joint angles in, 3-D joint positions out, then a flat picture from a camera.

Poses are joint ANGLES, never points, so every bone keeps its length through any motion. Body axes: F points
out of the chest, U toward the head, R to the figure's right (F x U = R). At all-zero angles the figure stands with
arms hanging, feet pointing forward. Angle conventions, in degrees:

- ``flex``: forward bend for the spine, neck, shoulder and hip; bending for the elbow and knee (0 = straight,
  never negative: knees cannot bend backwards); pointing the toes for the ankle.
- ``abd``: away from the midline for limbs; a sideways bend to the figure's left for pelvis, lumbar, chest, neck.
- ``twist``: outward turn for limbs; a turn toward the figure's left for pelvis, lumbar, chest, neck.

Left and right limbs use the same sign meaning, so mirroring a pose is swapping left and right values and
negating the sideways bend and turn of the centre joints.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

Vec = tuple[float, float, float]
Matrix = tuple[Vec, Vec, Vec]  # three columns: where the frame's F, U and R axes point in the world
Angles = tuple[float, float, float]  # flex, abd, twist
Pose = Mapping[str, Angles]

COMPONENTS = ("flex", "abd", "twist")


@dataclass(frozen=True)
class Joint:
    """A joint and the bone that hangs from it."""

    name: str
    parent: str | None  # the joint whose frame this one is attached to
    offset: Vec  # where the joint sits in the parent's frame (F, U, R), e.g. a shoulder beside the neck
    bone: Vec  # the bone's direction and length at rest, in this joint's frame
    flex_sign: int  # which way a positive flex turns the bone (about the R axis)
    limits: tuple[tuple[float, float], tuple[float, float], tuple[float, float]]  # flex, abd, twist
    side: int = 0  # -1 left, +1 right, 0 centre


_SPINE = ((-60.0, 100.0), (-45.0, 45.0), (-60.0, 60.0))
_FREE = ((-180.0, 180.0), (-180.0, 180.0), (-180.0, 180.0))


def _limb(side: str, sign: int) -> list[Joint]:
    x = float(sign)
    return [
        Joint(f"{side}_shoulder", "chest", (0.0, 27.0, 17.0 * x), (0.0, -29.0, 0.0), 1, _SHOULDER, sign),
        Joint(f"{side}_elbow", f"{side}_shoulder", (0.0, -29.0, 0.0), (0.0, -27.0, 0.0), 1, _ELBOW, sign),
        Joint(f"{side}_hip", "pelvis", (0.0, 0.0, 9.0 * x), (0.0, -43.0, 0.0), 1, _HIP, sign),
        Joint(f"{side}_knee", f"{side}_hip", (0.0, -43.0, 0.0), (0.0, -42.0, 0.0), -1, _KNEE, sign),
        Joint(f"{side}_ankle", f"{side}_knee", (0.0, -42.0, 0.0), (15.0, 0.0, 0.0), -1, _ANKLE, sign),
    ]


_SHOULDER = ((-70.0, 200.0), (-40.0, 190.0), (-90.0, 90.0))
_ELBOW = ((0.0, 150.0), (0.0, 0.0), (-90.0, 90.0))
_HIP = ((-40.0, 135.0), (-30.0, 60.0), (-50.0, 70.0))
_KNEE = ((0.0, 150.0), (0.0, 0.0), (-30.0, 30.0))
_ANKLE = ((-40.0, 85.0), (-30.0, 30.0), (-30.0, 30.0))

JOINTS: tuple[Joint, ...] = (
    Joint("pelvis", None, (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), -1, _FREE),
    Joint("lumbar", "pelvis", (0.0, 0.0, 0.0), (0.0, 24.0, 0.0), -1, _SPINE),
    Joint("chest", "lumbar", (0.0, 24.0, 0.0), (0.0, 30.0, 0.0), -1, _SPINE),
    Joint("neck", "chest", (3.0, 30.0, 0.0), (0.0, 15.0, 0.0), -1, ((-50.0, 70.0), (-40.0, 40.0), (-70.0, 70.0))),
    *_limb("left", -1),
    *_limb("right", 1),
)
BY_NAME = {joint.name: joint for joint in JOINTS}
HEAD_RADIUS = 11.0

# Each drawn point: the end of a joint's bone. "waist" ends the lumbar bone, "neck_base" the chest bone, and so on.
END_NAMES = {
    "lumbar": "waist",
    "chest": "neck_base",
    "neck": "head",
    "left_shoulder": "left_elbow",
    "left_elbow": "left_hand",
    "left_hip": "left_knee",
    "left_knee": "left_ankle",
    "left_ankle": "left_toe",
    "right_shoulder": "right_elbow",
    "right_elbow": "right_hand",
    "right_hip": "right_knee",
    "right_knee": "right_ankle",
    "right_ankle": "right_toe",
}


@dataclass(frozen=True)
class Body:
    """Joint positions in the world (X along the mat, Y up from the floor, Z toward the side-view camera)."""

    points: dict[str, Vec]
    face: Vec  # where the face looks: hair goes on the other side of the head


# ----- small vector maths: plain tuples keep a frame well under a millisecond ---------------------------------
def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def apply(m: Matrix, v: Vec) -> Vec:
    f, u, r = m
    return (
        f[0] * v[0] + u[0] * v[1] + r[0] * v[2],
        f[1] * v[0] + u[1] * v[1] + r[1] * v[2],
        f[2] * v[0] + u[2] * v[1] + r[2] * v[2],
    )


def compose(a: Matrix, b: Matrix) -> Matrix:
    return (apply(a, b[0]), apply(a, b[1]), apply(a, b[2]))


def _rotation(axis: int, degrees: float) -> Matrix:
    """A rotation about the F (0), U (1) or R (2) axis, right-handed."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    if axis == 0:
        return ((1.0, 0.0, 0.0), (0.0, c, s), (0.0, -s, c))
    if axis == 1:
        return ((c, 0.0, -s), (0.0, 1.0, 0.0), (s, 0.0, c))
    return ((c, s, 0.0), (-s, c, 0.0), (0.0, 0.0, 1.0))


def joint_rotation(joint: Joint, angles: Angles) -> Matrix:
    flex, abd, twist = angles
    # A centre joint's "abd" bends toward the left (-R); a limb's moves away from the midline.
    lateral = -1 if joint.side == 0 else -joint.side
    turn = 1 if joint.side == 0 else -joint.side
    rotation = _rotation(2, joint.flex_sign * flex)
    if abd:
        rotation = compose(rotation, _rotation(0, lateral * abd))
    if twist:
        rotation = compose(rotation, _rotation(1, turn * twist))
    return rotation


def forward_kinematics(pose: Pose, lie: Matrix) -> Body:
    """Where every joint is for ``pose``, with the pelvis at the origin and the body laid down by ``lie``."""
    frames: dict[str, Matrix] = {}
    origins: dict[str, Vec] = {}
    points: dict[str, Vec] = {}
    zero = (0.0, 0.0, 0.0)
    for joint in JOINTS:
        parent_frame = frames[joint.parent] if joint.parent else lie
        parent_origin = origins[joint.parent] if joint.parent else zero
        origin = _add(parent_origin, apply(parent_frame, joint.offset))
        frame = compose(parent_frame, joint_rotation(joint, pose.get(joint.name, (0.0, 0.0, 0.0))))
        frames[joint.name], origins[joint.name] = frame, origin
        points[joint.name] = origin
        if joint.name in END_NAMES:
            points[END_NAMES[joint.name]] = _add(origin, apply(frame, joint.bone))
    return Body(points, frames["neck"][0])


def bone_lengths(body: Body) -> dict[str, float]:
    """Each bone's length in 3-D: constant for every pose, which the tests check through whole motions."""
    out = {}
    for joint in JOINTS:
        if joint.name in END_NAMES:
            a, b = body.points[joint.name], body.points[END_NAMES[joint.name]]
            out[joint.name] = math.dist(a, b)
    return out


# ----- poses: easing, blending, mirroring ---------------------------------------------------------------------
def ease(t: float) -> float:
    """Slow out, slow in: a body starts and stops gently."""
    t = min(max(t, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * t)


def blend(a: Pose, b: Pose, t: float) -> dict[str, Angles]:
    """Joint angles part way from ``a`` (t=0) to ``b`` (t=1); exact at both ends."""
    if t <= 0.0:
        return dict(a)
    if t >= 1.0:
        return dict(b)
    out: dict[str, Angles] = {}
    zero = (0.0, 0.0, 0.0)
    for name in set(a) | set(b):
        x, y = a.get(name, zero), b.get(name, zero)
        out[name] = (x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t)
    return out


def mirror_pose(pose: Pose) -> dict[str, Angles]:
    """The same pose done with the other side of the body."""
    out: dict[str, Angles] = {}
    for name, (flex, abd, twist) in pose.items():
        if name.startswith("left_"):
            out["right_" + name[5:]] = (flex, abd, twist)
        elif name.startswith("right_"):
            out["left_" + name[6:]] = (flex, abd, twist)
        else:
            out[name] = (flex, -abd, -twist)
    return out
