"""``backtimer figures --out DIR``: every key pose of every exercise as PNG and SVG, for docs and packaging."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from backtimer.commands.common import load_catalog
from backtimer.core.content.model import Exercise
from backtimer.core.errors import BadInput


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    figures = sub.add_parser("figures", parents=[common], help="write a picture of every key pose of every exercise")
    figures.add_argument("--out", metavar="DIR", required=True, help="folder to write DIR/<exercise>/<pose>.png/.svg")
    figures.add_argument("--size", metavar="PX", type=int, default=480, help="width of the PNGs (default 480)")
    figures.add_argument("--background", metavar="COLOUR", default="#f6f4ef", help="e.g. #202428 for a dark page")
    figures.add_argument("--exercise", metavar="ID", action="append", help="only this exercise (repeatable)")
    figures.set_defaults(func=cmd_figures)


def cmd_figures(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise BadInput(f"{out}: is a file, not a folder")
    if not 32 <= args.size <= 4096:
        raise BadInput(f"--size {args.size}: give a width from 32 to 4096 pixels")
    catalog = load_catalog(args)
    chosen = args.exercise or list(catalog.exercises)
    unknown = [name for name in chosen if name not in catalog.exercises]
    if unknown:
        raise BadInput(f"no such exercise: {', '.join(unknown)} (known: {', '.join(sorted(catalog.exercises))})")
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # pictures need no screen
    from PySide6.QtGui import QColor, QGuiApplication  # Qt only when pictures are wanted

    background = QColor(args.background)
    if not background.isValid():
        raise BadInput(f"--background {args.background!r}: not a colour (try #f6f4ef)")
    app = QGuiApplication.instance() or QGuiApplication(["backtimer"])
    written = sum(_write_exercise(catalog.exercises[name], out, args.size, background) for name in chosen)
    print(f"wrote {written} pictures to {out}")
    del app
    return 0


def _write_exercise(exercise: Exercise, out: Path, width: int, background: object) -> int:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor

    from backtimer.core.figures.poses import figure_of, frame_of
    from backtimer.ui.figure_widget import render_pose

    assert isinstance(background, QColor)
    figure = figure_of(exercise)
    if figure is None:
        print(f"backtimer: {exercise.id} has no figure", file=sys.stderr)
        return 0
    frame = frame_of(figure)
    size = QSize(width, max(32, round(width * min(max(frame.height / frame.width, 0.45), 1.2))))
    folder = out / exercise.id
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BadInput(f"{folder}: cannot create the folder ({err.strerror or err})") from None
    count = 0
    for name in figure.names():
        forms = [False, True] if name in figure.easier else [False]
        for easier in forms:
            stem = folder / (f"{name}-easier" if easier else name)
            image = render_pose(figure, name, size, background, easier=easier)
            if not image.save(str(stem.with_suffix(".png"))):
                raise BadInput(f"{stem.with_suffix('.png')}: cannot be written")
            _write_svg(figure, name, size, background, easier, stem.with_suffix(".svg"), exercise.name)
            count += 2
    return count


def _write_svg(
    figure: object, pose: str, size: object, background: object, easier: bool, path: Path, title: str
) -> None:
    from PySide6.QtCore import QRect, QRectF, QSize
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtSvg import QSvgGenerator

    from backtimer.core.figures.poses import Figure
    from backtimer.ui.figure_widget import paint_key_pose

    assert isinstance(figure, Figure) and isinstance(size, QSize) and isinstance(background, QColor)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(f"{title}: {pose}")
    generator.setDescription("An exercise figure drawn by backtimer")
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), background)
    paint_key_pose(painter, QRectF(0, 0, size.width(), size.height()), figure, pose, background, easier=easier)
    painter.end()
    if not path.is_file():
        raise BadInput(f"{path}: cannot be written")
