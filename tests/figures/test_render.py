"""Drawing the figures offscreen: every pose paints, poses look different, the mirror is the flipped image, and
the widget animates only while the session runs and the widget is visible."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from backtimer.cli import main
from backtimer.core.content.model import Level, Side, Sides
from backtimer.core.figures.poses import figure_of
from backtimer.core.session.machine import Session
from backtimer.core.session.plan import build_plan
from backtimer.core.session.snapshot import State
from backtimer.core.session.steps import StepKind
from backtimer.ui.figure_widget import FigureWidget, KeyPosesStrip, figure_icon, figure_pixmap, render_pose
from tests.helpers import FakeClock, builtin_catalog

EXERCISES = sorted(builtin_catalog().exercises)
PAPER, NIGHT = QColor("#f6f4ef"), QColor("#1e2227")
SIZE = QSize(200, 140)


def inked(image: QImage, background: QColor) -> int:
    """How many sampled pixels differ clearly from the background."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if abs(pixel.red() - background.red()) + abs(pixel.blue() - background.blue()) > 60:
                count += 1
    return count


def differing(a: QImage, b: QImage) -> int:
    return sum(
        1
        for y in range(0, a.height(), 2)
        for x in range(0, a.width(), 2)
        if abs(a.pixelColor(x, y).red() - b.pixelColor(x, y).red()) > 40
    )


@pytest.mark.parametrize("name", EXERCISES)
def test_every_pose_paints_a_figure_on_light_and_dark(qtbot: QtBot, name: str) -> None:
    figure = figure_of(builtin_catalog().exercises[name])
    assert figure is not None
    for background in (PAPER, NIGHT):
        images = [render_pose(figure, pose, SIZE, background) for pose in figure.names()]
        for image in images:
            assert inked(image, background) > 150  # a body, not a blank or a speck
        for i, a in enumerate(images):
            for b in images[i + 1 :]:
                assert differing(a, b) > 20  # the key poses look different


def flipping(name: str) -> bool:
    figure = figure_of(builtin_catalog().exercises[name])
    return figure is not None and figure.flips and builtin_catalog().exercises[name].sides is not Sides.NONE


@pytest.mark.parametrize("name", [n for n in EXERCISES if flipping(n)])
def test_the_mirrored_picture_is_the_flipped_picture(qtbot: QtBot, name: str) -> None:
    figure = figure_of(builtin_catalog().exercises[name])
    assert figure is not None
    pose = figure.names()[-1]
    plain = render_pose(figure, pose, SIZE, PAPER, guides=False)
    mirrored = render_pose(figure, pose, SIZE, PAPER, mirrored=True, guides=False)
    flipped = plain.flipped(Qt.Orientation.Horizontal)
    assert differing(plain, mirrored) > 20  # it did change...
    assert differing(flipped, mirrored) <= 3  # ...into the mirror image (a stray antialiased pixel at most)


def test_thumbnails_icons_and_the_key_pose_strip(qtbot: QtBot) -> None:
    bridge = builtin_catalog().exercises["glute-bridge"]
    pixmap = figure_pixmap(bridge, 96, PAPER, ratio=2.0)
    assert pixmap.deviceIndependentSize().toSize() == QSize(96, 96) and not pixmap.toImage().isNull()
    assert inked(pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32), QColor(0, 0, 0)) > 100
    assert not figure_icon(bridge).isNull()
    strip = KeyPosesStrip()
    qtbot.addWidget(strip)
    strip.set_exercise(bridge)
    assert strip.labels() == [("start", "Start"), ("top", "Lift")]
    strip.resize(480, 160)
    assert inked(strip.grab().toImage(), strip.palette().window().color()) > 150


def running(routine: str = "lower-back") -> tuple[Session, FakeClock]:
    session = Session(build_plan(builtin_catalog().routines[routine], Level.STANDARD))
    clock = FakeClock()
    session.start(clock.now())
    return session, clock


def shown(qtbot: QtBot, session: Session) -> FigureWidget:
    widget = FigureWidget()
    qtbot.addWidget(widget)
    widget.set_plan(session.plan)
    widget.resize(300, 200)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def to_work(session: Session, clock: FakeClock) -> None:
    while session.step.kind is not StepKind.WORK:
        session.next(clock.now())
    session.tick(clock.now())
    clock.advance(4.0)  # past the get-ready countdown, into the movement


def test_the_figure_follows_the_session_and_freezes_when_paused(qtbot: QtBot) -> None:
    session, clock = running()
    widget = shown(qtbot, session)
    widget.update_from(session.tick(clock.now()).snapshot)
    assert widget.drawing is not None  # get-ready: the first exercise's start pose
    to_work(session, clock)
    widget.update_from(session.tick(clock.now()).snapshot)
    before = widget.drawing
    clock.advance(0.7)
    widget.update_from(session.tick(clock.now()).snapshot)
    assert widget.drawing != before  # it moves with the tempo
    session.pause(clock.now())
    frozen = widget.drawing
    qtbot.waitUntil(lambda: widget.frames > 0)
    frames = widget.frames
    for _ in range(5):
        clock.advance(0.5)
        snap = session.tick(clock.now()).snapshot
        assert snap.state is State.PAUSED
        widget.update_from(snap)
    assert widget.drawing == frozen
    QApplication.processEvents()  # deliver any (wrongly) scheduled paint
    assert widget.frames == frames


def test_a_hidden_figure_does_no_work_and_catches_up_when_shown(qtbot: QtBot) -> None:
    session, clock = running()
    widget = shown(qtbot, session)
    to_work(session, clock)
    widget.update_from(session.tick(clock.now()).snapshot)
    widget.hide()
    hidden_at = widget.drawing
    for _ in range(5):
        clock.advance(0.4)
        widget.update_from(session.tick(clock.now()).snapshot)
    assert widget.drawing == hidden_at
    widget.show()
    widget.update_from(session.tick(clock.now()).snapshot)
    assert widget.drawing != hidden_at


def test_the_figure_turns_to_the_mirror_for_the_other_side(qtbot: QtBot) -> None:
    session, clock = running("core-stability")
    widget = shown(qtbot, session)
    sides: dict[Side, float] = {}
    while session.step.kind is not StepKind.DONE and len(sides) < 2:
        step = session.step
        if step.kind is StepKind.WORK and step.exercise is not None and step.exercise.id == "bird-dog":
            clock.advance(5.0)
            widget.update_from(session.tick(clock.now()).snapshot)
            assert step.side is not None and widget.drawing is not None
            sides[step.side] = widget.drawing.points["head"][0]
        session.next(clock.now())
    assert sides[Side.LEFT] != sides[Side.RIGHT]  # the head is at the other end


def test_figures_command_writes_png_and_svg_for_every_key_pose(tmp_path: Path) -> None:
    out = tmp_path / "figures"
    assert main(["figures", "--out", str(out), "--size", "160"]) == 0
    for name, exercise in builtin_catalog().exercises.items():
        figure = figure_of(exercise)
        assert figure is not None
        for pose in figure.names():
            png, svg = out / name / f"{pose}.png", out / name / f"{pose}.svg"
            assert QImage(str(png)).width() == 160
            assert "<svg" in svg.read_text(encoding="utf-8")


def test_figures_command_refuses_bad_input_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    afile = tmp_path / "taken"
    afile.write_text("x", encoding="utf-8")
    assert main(["figures", "--out", str(afile)]) == 2
    assert main(["figures", "--out", str(tmp_path / "x"), "--exercise", "cartwheel"]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and "not a folder" in errors[0] and "cartwheel" in errors[1]
