"""Draw docs/figures-strip.png: every exercise's main pose with its name, for the README.

Run: .venv/bin/python scripts/figures_strip.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

from backtimer.core.content.catalog import Catalog
from backtimer.core.figures.poses import figure_of
from backtimer.resources import assets_dir
from backtimer.ui.figure_widget import main_pose, paint_key_pose

CELL_W, CELL_H, CAPTION, COLUMNS = 320, 220, 34, 5
PAPER, INK = QColor("#f6f4ef"), QColor("#2b3440")


def draw_strip(out: Path) -> None:
    catalog = Catalog.load(assets_dir())
    exercises = [e for e in catalog.exercises.values() if figure_of(e) is not None]
    rows = (len(exercises) + COLUMNS - 1) // COLUMNS
    image = QImage(CELL_W * COLUMNS, (CELL_H + CAPTION) * rows, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(PAPER)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(17)
    painter.setFont(font)
    for index, exercise in enumerate(exercises):
        figure = figure_of(exercise)
        assert figure is not None
        x, y = (index % COLUMNS) * CELL_W, (index // COLUMNS) * (CELL_H + CAPTION)
        paint_key_pose(painter, QRectF(x + 6, y + 6, CELL_W - 12, CELL_H - 6), figure, main_pose(figure), PAPER)
        painter.setPen(INK)
        painter.drawText(QRectF(x, y + CELL_H, CELL_W, CAPTION - 6), Qt.AlignmentFlag.AlignCenter, exercise.name)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise SystemExit(f"cannot write {out}")
    print(f"wrote {out} ({image.width()}x{image.height()})")


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])
    root = Path(__file__).resolve().parent.parent
    draw_strip(Path(sys.argv[1]) if len(sys.argv) > 1 else root / "docs" / "figures-strip.png")
    del app


if __name__ == "__main__":
    main()
