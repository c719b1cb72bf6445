"""Paint an exercise figure with QPainter: head, trunk, limbs with joints, the mat, and where the body touches it.

Everything is drawn from the Drawing's points, scaled into the target rectangle, so the figure is crisp at any size
and a mirrored drawing paints exactly the mirror image.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from backtimer.core.figures.camera import LIMB_RADIUS, TORSO_RADIUS, Bounds, Drawing
from backtimer.core.figures.skeleton import HEAD_RADIUS

_SEGMENTS = {
    "left_arm": (("left_shoulder", "left_elbow", 1.0), ("left_elbow", "left_hand", 0.9)),
    "right_arm": (("right_shoulder", "right_elbow", 1.0), ("right_elbow", "right_hand", 0.9)),
    "left_leg": (("left_hip", "left_knee", 1.35), ("left_knee", "left_ankle", 1.1), ("left_ankle", "left_toe", 0.8)),
    "right_leg": (
        ("right_hip", "right_knee", 1.35),
        ("right_knee", "right_ankle", 1.1),
        ("right_ankle", "right_toe", 0.8),
    ),
}
_JOINT_DOTS = {"left_arm": "left_elbow", "right_arm": "right_elbow", "left_leg": "left_knee", "right_leg": "right_knee"}
_TORSO = ("left_shoulder", "right_shoulder", "right_hip", "left_hip")
_SPINE = ("neck_base", "waist", "pelvis")


@dataclass(frozen=True)
class FigureStyle:
    body: QColor
    far: QColor  # limbs on the far side of the body, a step toward the background
    accent: QColor  # the limbs that do the work
    accent_far: QColor
    hair: QColor
    joint: QColor
    mat: QColor
    shadow: QColor
    rug: QColor  # the mat seen from above: opaque, so a large fill stays cheap

    @staticmethod
    def for_background(background: QColor) -> FigureStyle:
        """Colours that read on this background: a lighter figure on dark themes, a deeper one on light."""
        dark = background.lightnessF() < 0.5
        body = QColor("#8db4ec") if dark else QColor("#3d6fb6")
        accent = QColor("#ffa463") if dark else QColor("#e0702b")
        return FigureStyle(
            body=body,
            far=_mix(body, background, 0.45),
            accent=accent,
            accent_far=_mix(accent, background, 0.4),
            hair=QColor("#2c3e57") if not dark else QColor("#3a4f6e"),
            joint=_mix(body, QColor("white"), 0.55),
            mat=QColor(128, 140, 160, 95) if dark else QColor(90, 110, 140, 70),
            shadow=QColor(0, 0, 0, 70) if dark else QColor(20, 40, 80, 34),
            rug=_mix(background, QColor("#8c9bb0"), 0.3 if dark else 0.35),
        )


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


class _Mapper:
    """Body units (y up) to pixels (y down), fitted and centred in a rectangle."""

    def __init__(self, rect: QRectF, bounds: Bounds, margin: float = 0.06) -> None:
        w, h = max(bounds.width, 1.0), max(bounds.height, 1.0)
        self.scale = min(rect.width() * (1 - 2 * margin) / w, rect.height() * (1 - 2 * margin) / h)
        self.cx = rect.center().x() - (bounds.left + bounds.right) / 2 * self.scale
        self.cy = rect.center().y() + (bounds.bottom + bounds.top) / 2 * self.scale

    def __call__(self, p: tuple[float, float]) -> QPointF:
        return QPointF(self.cx + p[0] * self.scale, self.cy - p[1] * self.scale)


def paint_figure(
    painter: QPainter,
    rect: QRectF,
    drawing: Drawing,
    bounds: Bounds,
    style: FigureStyle,
    active: Sequence[str] = (),
    guides: Sequence[Sequence[tuple[float, float]]] = (),
) -> None:
    """Draw one figure into ``rect``; ``guides`` are motion paths drawn as arrows (for still pictures)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    to_px = _Mapper(rect, bounds)
    _paint_ground(painter, drawing, bounds, to_px, style)
    for guide in guides:
        _paint_guide(painter, [to_px(p) for p in guide], to_px.scale, style)
    trunk_depth = sum(drawing.depth[k] for k in _SPINE) / len(_SPINE)
    items: list[tuple[float, int, str]] = [(trunk_depth, 1, "trunk"), (drawing.depth["head"], 2, "head")]
    for limb, segments in _SEGMENTS.items():
        depth = sum(drawing.depth[a] + drawing.depth[b] for a, b, _ in segments) / (2 * len(segments))
        items.append((depth, 0 if depth < trunk_depth else 3, limb))
    for _, _, what in sorted(items):
        if what == "trunk":
            _paint_trunk(painter, drawing, to_px, style)
        elif what == "head":
            _paint_head(painter, drawing, to_px, style)
        else:
            _paint_limb(painter, drawing, to_px, style, what, far=_is_far(drawing, what), active=what in active)
    painter.restore()


def _is_far(drawing: Drawing, limb: str) -> bool:
    """A limb is on the far side when its root sits clearly behind its partner's: it gets the paler colour."""
    if drawing.floor_y is None:
        return False  # seen from above, both sides are in plain view
    side, kind = limb.split("_")
    root = "shoulder" if kind == "arm" else "hip"
    other = "right" if side == "left" else "left"
    return drawing.depth[f"{side}_{root}"] < drawing.depth[f"{other}_{root}"] - 6.0


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _paint_ground(painter: QPainter, drawing: Drawing, bounds: Bounds, to_px: _Mapper, style: FigureStyle) -> None:
    s = to_px.scale
    painter.setPen(Qt.PenStyle.NoPen)
    if drawing.floor_y is not None:
        top_left = to_px((bounds.left, drawing.floor_y))
        bottom_right = to_px((bounds.right, drawing.floor_y - 3.5))
        painter.setBrush(style.mat)
        painter.drawRoundedRect(QRectF(top_left, bottom_right), 1.75 * s, 1.75 * s)
        painter.setBrush(style.shadow)
        for x in _contacts(drawing):
            painter.drawEllipse(to_px((x, drawing.floor_y)), 6 * s, 2.2 * s)
        return
    # Seen from above the mat is a rug under the body, and a hovering limb casts a shadow beside itself.
    inset = 4.0
    painter.setBrush(style.rug)
    corner_a = to_px((bounds.left + inset, bounds.top - inset))
    corner_b = to_px((bounds.right - inset, bounds.bottom + inset))
    painter.drawRoundedRect(QRectF(corner_a, corner_b), 6 * s, 6 * s)
    for segments in _SEGMENTS.values():
        for a, b, weight in segments:
            lift = (drawing.height[a] + drawing.height[b]) / 2
            if lift > 1.0:
                painter.setPen(_pen(style.shadow, 2 * LIMB_RADIUS * weight * s))
                painter.drawLine(to_px(_shadow(drawing, a)), to_px(_shadow(drawing, b)))
    painter.setPen(Qt.PenStyle.NoPen)


def _shadow(drawing: Drawing, name: str) -> tuple[float, float]:
    """Where a point's shadow falls on the mat, lit from the upper left: the higher, the further away."""
    x, y = drawing.points[name]
    lift = min(max(drawing.height[name], 0.0), 40.0) * 0.45
    return (x + lift * 0.6, y - lift * 0.8)


def _contacts(drawing: Drawing) -> list[float]:
    """Where the body touches the mat, with touches closer than a hand's width merged into one."""
    xs = sorted(drawing.points[name][0] for name, h in drawing.height.items() if h < 1.5)
    merged: list[float] = []
    for x in xs:
        if not merged or x - merged[-1] > 8.0:
            merged.append(x)
    return merged


def _paint_trunk(painter: QPainter, drawing: Drawing, to_px: _Mapper, style: FigureStyle) -> None:
    s = to_px.scale
    points = drawing.points
    # The shoulders-and-hips outline gives the trunk its width seen from the front or above; the thick spine
    # line gives it its depth seen from the side.
    painter.setPen(_pen(style.body, 2 * LIMB_RADIUS * 1.6 * s))
    painter.setBrush(style.body)
    painter.drawPolygon(QPolygonF([to_px(points[k]) for k in _TORSO]))
    painter.setPen(_pen(style.body, 2 * TORSO_RADIUS * s))
    spine = QPainterPath(to_px(points[_SPINE[0]]))
    for name in _SPINE[1:]:
        spine.lineTo(to_px(points[name]))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(spine)
    painter.setPen(_pen(style.body, 2 * LIMB_RADIUS * 1.5 * s))
    painter.drawLine(to_px(points["neck_base"]), to_px(_toward(points["neck_base"], points["head"], 0.45)))


def _toward(a: tuple[float, float], b: tuple[float, float], t: float) -> tuple[float, float]:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _paint_head(painter: QPainter, drawing: Drawing, to_px: _Mapper, style: FigureStyle) -> None:
    """A round head with hair on the back, so which way the face looks reads at a glance."""
    s = to_px.scale
    centre = to_px(drawing.points["head"])
    r = HEAD_RADIUS * s
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.body)
    painter.drawEllipse(centre, r, r)
    fx, fy, fz = drawing.face
    flat = math.hypot(fx, fy)
    if flat < 0.05 and fz > 0:
        return  # looking straight at the viewer: all face, no hair
    # Hair covers the half of the head away from the face; its edge is that half's rim as the camera sees it.
    back_angle = math.degrees(math.atan2(fy, -fx)) if flat >= 0.05 else 0.0
    bulge = -fz if flat >= 0.05 else 1.0  # >0: the face turns away and the hair covers more than half
    path = QPainterPath()
    painter.save()
    painter.translate(centre)
    painter.rotate(back_angle)
    path.moveTo(0, -r)
    path.arcTo(QRectF(-r, -r, 2 * r, 2 * r), 90, -180)
    edge = abs(bulge) * r * 0.999
    path.arcTo(QRectF(-edge, -r, 2 * edge, 2 * r), 270, -180 if bulge > 0 else 180)
    painter.setBrush(style.hair)
    painter.drawPath(path)
    painter.restore()


def _paint_limb(
    painter: QPainter,
    drawing: Drawing,
    to_px: _Mapper,
    style: FigureStyle,
    limb: str,
    *,
    far: bool,
    active: bool,
) -> None:
    s = to_px.scale
    colors = ((style.body, style.far), (style.accent, style.accent_far))
    color = colors[active][far]
    points = drawing.points
    for a, b, weight in _SEGMENTS[limb]:
        painter.setPen(_pen(color, 2 * LIMB_RADIUS * weight * s))
        painter.drawLine(to_px(points[a]), to_px(points[b]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.joint if not far else color.lighter(115))
    painter.drawEllipse(to_px(points[_JOINT_DOTS[limb]]), 1.5 * s, 1.5 * s)
    if limb.endswith("arm"):
        painter.setBrush(color)
        painter.drawEllipse(to_px(points[limb.split("_", maxsplit=1)[0] + "_hand"]), 4.2 * s, 4.2 * s)


def _paint_guide(painter: QPainter, path: list[QPointF], s: float, style: FigureStyle) -> None:
    """A dashed arc along the motion, with an arrowhead where it ends."""
    if len(path) < 2:
        return
    color = QColor(style.accent)
    color.setAlpha(190)
    pen = _pen(color, 1.3 * s)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QPolygonF(path))
    tip, before = path[-1], path[-2]
    angle = math.atan2(tip.y() - before.y(), tip.x() - before.x())
    size = 5.0 * s
    head = QPolygonF(
        [
            tip,
            QPointF(tip.x() - size * math.cos(angle - 0.45), tip.y() - size * math.sin(angle - 0.45)),
            QPointF(tip.x() - size * math.cos(angle + 0.45), tip.y() - size * math.sin(angle + 0.45)),
        ]
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(head)
