"""From a posed body to a flat drawing: lay the body on the mat, look at it from a camera, keep it in frame."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from backtimer.core.figures.skeleton import HEAD_RADIUS, Body, Matrix, Vec

# How the body lies (columns: where its F, U and R axes point in the world). Head to the left in the side view.
LIES: dict[str, Matrix] = {
    "supine": ((0.0, 1.0, 0.0), (-1.0, 0.0, 0.0), (0.0, 0.0, 1.0)),
    "prone": ((0.0, -1.0, 0.0), (-1.0, 0.0, 0.0), (0.0, 0.0, -1.0)),
    "side": ((0.0, 0.0, 1.0), (-1.0, 0.0, 0.0), (0.0, -1.0, 0.0)),  # right side down, chest toward the viewer
    "upright": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
}
# Cameras (rows: the world directions of screen x, screen y and toward-the-viewer).
VIEWS: dict[str, Matrix] = {
    "side": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "above": ((0.0, 0.0, -1.0), (-1.0, 0.0, 0.0), (0.0, 1.0, 0.0)),  # looking down, head at the top
    "end": ((0.0, 0.0, -1.0), (0.0, 1.0, 0.0), (1.0, 0.0, 0.0)),  # from beyond the feet
}
TORSO_RADIUS = 8.0
LIMB_RADIUS = 3.5
TORSO_POINTS = frozenset({"pelvis", "waist", "neck_base"})


def radius(name: str) -> float:
    """How thick the drawing is around each point, in body units: the floor touches the outside, not the centre."""
    if name == "head":
        return HEAD_RADIUS
    return TORSO_RADIUS if name in TORSO_POINTS else LIMB_RADIUS


@dataclass(frozen=True)
class Camera:
    view: str = "side"
    tilt: float = 0.0  # degrees the camera looks down
    turn: float = 0.0  # degrees the camera walks around the figure

    def matrix(self) -> Matrix:
        sx, sy, d = VIEWS[self.view]
        if self.turn:
            c, s = math.cos(math.radians(self.turn)), math.sin(math.radians(self.turn))
            sx, d = _mix(sx, d, c, s), _mix(d, sx, c, -s)
        if self.tilt:
            c, s = math.cos(math.radians(self.tilt)), math.sin(math.radians(self.tilt))
            sy, d = _mix(sy, d, c, -s), _mix(d, sy, c, s)
        return (sx, sy, d)

    @property
    def has_floor_line(self) -> bool:
        """Side-on views show the mat as a line; views from above show it as a rug under the body."""
        return self.view != "above" and abs(self.tilt) < 60


def _mix(a: Vec, b: Vec, ca: float, cb: float) -> Vec:
    return (a[0] * ca + b[0] * cb, a[1] * ca + b[1] * cb, a[2] * ca + b[2] * cb)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


@dataclass(frozen=True)
class Drawing:
    """A figure ready to paint: screen points (y up), depth toward the viewer, height above the floor."""

    points: dict[str, tuple[float, float]]
    depth: dict[str, float]
    height: dict[str, float]  # above the mat, at the surface of the limb: 0 means touching
    face: Vec  # the face direction on screen (x, y) and toward the viewer (z)
    floor_y: float | None  # where the mat line is on screen, for side-on views

    def flipped(self, centre: float = 0.0) -> Drawing:
        """The mirror image about the vertical line x = centre."""
        return Drawing(
            {k: (2 * centre - x, y) for k, (x, y) in self.points.items()},
            self.depth,
            self.height,
            (-self.face[0], self.face[1], self.face[2]),
            self.floor_y,
        )


def grounded(body: Body, anchor: str) -> Body:
    """Sit the body on the floor (its lowest surface at Y=0) with the anchor joint above the origin."""
    low = min(p[1] - radius(name) for name, p in body.points.items())
    ax, _, az = body.points[anchor]
    return Body({k: (p[0] - ax, p[1] - low, p[2] - az) for k, p in body.points.items()}, body.face)


def project(body: Body, camera: Camera) -> Drawing:
    sx, sy, d = camera.matrix()
    points = {k: (_dot(sx, p), _dot(sy, p)) for k, p in body.points.items()}
    depth = {k: _dot(d, p) for k, p in body.points.items()}
    height = {k: p[1] - radius(k) for k, p in body.points.items()}
    face = (_dot(sx, body.face), _dot(sy, body.face), _dot(d, body.face))
    floor_y = 0.0 if camera.has_floor_line else None
    if floor_y is not None and camera.tilt:
        floor_y = min(y for y in (_dot(sy, p) - radius(k) for k, p in body.points.items()))
    return Drawing(points, depth, height, face, floor_y)


@dataclass(frozen=True)
class Bounds:
    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom


def bounds_of(drawings: Iterable[Drawing], *, symmetric: bool, centre: float = 0.0) -> Bounds:
    """The box every drawing fits in, so the figure keeps its size and place through a whole motion."""
    xs: list[float] = []
    ys: list[float] = []
    for drawing in drawings:
        for name, (x, y) in drawing.points.items():
            r = radius(name)
            xs += [x - r, x + r]
            ys += [y - r, y + r]
        if drawing.floor_y is not None:
            ys.append(drawing.floor_y - 4.0)
    left, right = min(xs), max(xs)
    if symmetric:  # a flipped picture lands exactly where the original was
        half = max(right - centre, centre - left)
        left, right = centre - half, centre + half
    return Bounds(left, min(ys), right, max(ys))
