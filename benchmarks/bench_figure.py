"""Figure budgets: one frame at 400x400 (< 4 ms) and CPU while a figure animates through a 60-second set (< 5%).

The CPU figure replays a real 60-second set through the real widget, polled every 33 ms as the player does while a
figure moves, on a fake clock: every update and every paint happens, only the waiting between polls is skipped.
CPU share = CPU seconds spent / 60 seconds of session. Run: .venv/bin/python benchmarks/bench_figure.py
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from backtimer.core.content.catalog import Catalog
from backtimer.core.content.model import Level, Side
from backtimer.core.figures.poses import figure_of, frame_of, pose_for
from backtimer.core.session.machine import Session
from backtimer.core.session.plan import build_plan
from backtimer.core.session.steps import StepKind
from backtimer.resources import assets_dir
from backtimer.ui.figure import FigureStyle, paint_figure
from backtimer.ui.figure_widget import FigureWidget

POLL = 0.033


def frame_times(catalog: Catalog) -> list[float]:
    """Milliseconds for pose maths + painting one 400x400 frame, across every exercise and phase."""
    image = QImage(400, 400, QImage.Format.Format_ARGB32_Premultiplied)
    style = FigureStyle.for_background(QColor("#f6f4ef"))
    times = []
    for exercise in catalog.exercises.values():
        figure = figure_of(exercise)
        assert figure is not None
        for i in range(60):
            start = time.perf_counter()
            drawing = pose_for(exercise, StepKind.WORK, i % 3, (i % 20) / 20, Side.RIGHT, elapsed=i / 10)
            assert drawing is not None
            image.fill(QColor("#f6f4ef"))
            painter = QPainter(image)
            paint_figure(painter, QRectF(0, 0, 400, 400), drawing, frame_of(figure), style, figure.active)
            painter.end()
            times.append((time.perf_counter() - start) * 1000)
    return times


def cpu_for_a_set(catalog: Catalog) -> tuple[float, int, int]:
    """CPU seconds the widget spends following 60 seconds of glute bridges, polls, and paints."""
    routine = catalog.routines["lower-back"]
    session = Session(build_plan(routine, Level.STANDARD))
    clock = 1000.0
    session.start(clock)
    while session.step.kind is not StepKind.WORK or session.step.exercise.id != "glute-bridge":  # type: ignore[union-attr]
        session.next(clock)
    widget = FigureWidget()
    widget.set_plan(session.plan)
    widget.resize(400, 400)
    widget.show()
    QApplication.processEvents()
    polls, start = 0, time.process_time()
    end = clock + 60.0
    while clock < end:
        clock += POLL
        widget.update_from(session.tick(clock).snapshot)
        QApplication.processEvents()  # the paint the update asked for
        polls += 1
    return time.process_time() - start, polls, widget.frames


def main() -> None:
    app = QApplication.instance() or QApplication([])
    catalog = Catalog.load(assets_dir())
    frame_times(catalog)  # warm up fonts, caches
    times = frame_times(catalog)
    p95 = statistics.quantiles(times, n=20)[18]
    print(
        f"frame at 400x400: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, max {max(times):.2f} ms "
        f"over {len(times)} frames (budget < 4 ms)"
    )
    cpu, polls, frames = cpu_for_a_set(catalog)
    print(
        f"60-second set: {polls} polls, {frames} paints, {cpu * 1000:.0f} ms CPU = {cpu / 60 * 100:.2f}% of one core "
        f"(budget < 5%)"
    )
    del app


if __name__ == "__main__":
    main()
