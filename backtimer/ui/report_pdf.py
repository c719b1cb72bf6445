"""The physiotherapist's report as a PDF, drawn with Qt's own PDF writer (two A4 pages at most).

Page 1: the period and totals, sessions per week against the goal, the pain after each session. Page 2: each
exercise's dose and ratings period by period with the coach's suggestion, the "This hurts" events and the notes.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPainterPath, QPdfWriter, QPen

from backtimer.core.wording import plural
from backtimer.practice.report import ReportData

DPI = 96  # painter units: A4 is 794 x 1123 at this resolution
MARGIN_MM = 15
INK = QColor("#1d2330")
MUTED = QColor("#5b6474")
LINE = QColor("#c9ced8")
BAR = QColor("#3c78c8")
GOAL = QColor("#d0632c")
ZONES = ((0, 3, QColor("#e3f2e1")), (3, 5, QColor("#fbf0d5")), (5, 10, QColor("#f8e0dc")))
PAIN = QColor("#b8322a")
COMFORT = QColor("#8a93a3")


def write_report(data: ReportData, path: Path, title: str = "backtimer exercise report") -> int:
    """Write the PDF to ``path`` (through a temporary file beside it); returns the number of pages."""
    temp = path.with_name(f".{path.name}.part")
    writer = QPdfWriter(str(temp))
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("backtimer")
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF())
    layout.setMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM))
    layout.setUnits(QPageLayout.Unit.Millimeter)
    writer.setPageLayout(layout)
    painter = QPainter()
    if not painter.begin(writer):
        temp.unlink(missing_ok=True)
        raise OSError(f"cannot write {path}")
    try:
        page = Page(painter, QRectF(writer.pageLayout().paintRectPixels(DPI)))
        first_page(page, data, title)
        writer.newPage()
        page.y = page.area.top()
        second_page(page, data)
    finally:
        painter.end()
    os.replace(temp, path)
    return 2


class Page:
    """A painter with a cursor that moves down the page."""

    def __init__(self, painter: QPainter, area: QRectF) -> None:
        self.painter = painter
        self.area = QRectF(0, 0, area.width(), area.height())
        self.y = 0.0

    def text(self, text: str, size: float = 10, *, bold: bool = False, color: QColor = INK, gap: float = 4) -> None:
        rect = self.draw(text, QRectF(0, self.y, self.area.width(), 400), size, bold=bold, color=color)
        self.y += rect.height() + gap

    def draw(
        self, text: str, rect: QRectF, size: float = 10, *, bold: bool = False, color: QColor = INK, flags: int = 0
    ) -> QRectF:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)
        self.painter.setPen(color)
        align = flags or int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        bounds: QRectF = self.painter.drawText(rect, align, text)
        return bounds

    def heading(self, text: str) -> None:
        self.y += 10
        self.text(text, 13, bold=True, gap=6)


def first_page(page: Page, data: ReportData, title: str) -> None:
    page.text(title, 20, bold=True, gap=2)
    weeks = len(data.weeks)
    page.text(f"The last {weeks} weeks: {data.start:%d %b %Y} to {data.end:%d %b %Y}", 11, color=MUTED, gap=10)
    better, same, worse = data.next_day
    page.text(
        f"{data.sessions} sessions ({data.completed} completed), {data.minutes:.0f} minutes in all. "
        f"The day after: {better} better, {same} the same, {worse} worse. "
        f'"This hurts" pressed {plural(len(data.hurts), "time")}.',
        11,
    )
    page.heading(f"Sessions per week (goal: {data.weekly_goal})")
    weekly_chart(page, data, 200)
    page.heading("Pain after each session (0 = no pain, 10 = worst)")
    pain_chart(page, data, 300)
    page.text(
        "Shaded: 0-3 fine to exercise with, 4-5 acceptable, above 5 too much (pain-monitoring model)."
        + (" Grey: the older comfort rating (10 = felt great)." if data.comfort else ""),
        9,
        color=MUTED,
    )
    page.heading('"This hurts" pressed')
    lines = [f"{day:%a %d %b}: {name}" for day, name in data.hurts] or ["Never in these weeks."]
    page.text("\n".join(lines), 10)


def weekly_chart(page: Page, data: ReportData, height: float) -> None:
    plot = QRectF(30, page.y + 6, page.area.width() - 40, height - 40)
    top = max([data.weekly_goal, *(n for _, n in data.weeks), 1]) + 1
    axis(page, plot, top, step=1 if top <= 8 else 2)
    slot = plot.width() / max(len(data.weeks), 1)
    for i, (monday, count) in enumerate(data.weeks):
        bar = QRectF(plot.left() + i * slot + slot * 0.2, plot.bottom() - plot.height() * count / top, slot * 0.6, 0)
        bar.setBottom(plot.bottom())
        page.painter.fillRect(bar, BAR)
        label = QRectF(plot.left() + i * slot, plot.bottom() + 3, slot, 14)
        page.draw(f"{monday:%d %b}", label, 7, color=MUTED, flags=int(Qt.AlignmentFlag.AlignHCenter))
    goal_y = plot.bottom() - plot.height() * data.weekly_goal / top
    page.painter.setPen(QPen(GOAL, 2, Qt.PenStyle.DashLine))
    page.painter.drawLine(QPointF(plot.left(), goal_y), QPointF(plot.right(), goal_y))
    page.draw("goal", QRectF(plot.right() - 40, goal_y - 15, 40, 14), 8, color=GOAL)
    page.y += height


def pain_chart(page: Page, data: ReportData, height: float) -> None:
    plot = QRectF(30, page.y + 6, page.area.width() - 40, height - 40)
    for low, high, color in ZONES:
        page.painter.fillRect(QRectF(plot.left(), _y(plot, high), plot.width(), _y(plot, low) - _y(plot, high)), color)
    axis(page, plot, 10, step=2)
    span = max((data.end - data.start).days, 1)

    def x(day: date) -> float:
        return plot.left() + plot.width() * (day - data.start).days / span

    for series, color in ((data.comfort, COMFORT), (data.pain, PAIN)):
        points = [QPointF(x(day), _y(plot, value)) for day, value in series]
        if not points:
            continue
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        page.painter.setPen(QPen(color, 2))
        page.painter.drawPath(path)
        page.painter.setBrush(color)
        for point in points:
            page.painter.drawEllipse(point, 3, 3)
        page.painter.setBrush(Qt.BrushStyle.NoBrush)
    if not data.pain and not data.comfort:
        page.draw("No pain recorded in these weeks", plot, 10, color=MUTED, flags=int(Qt.AlignmentFlag.AlignCenter))
    for day in (data.start, data.end):
        label = QRectF(x(day) - 40, plot.bottom() + 3, 80, 14)
        page.draw(f"{day:%d %b}", label, 7, color=MUTED, flags=int(Qt.AlignmentFlag.AlignHCenter))
    page.y += height


def _y(plot: QRectF, value: float) -> float:
    return plot.bottom() - plot.height() * value / 10


def axis(page: Page, plot: QRectF, top: int, step: int) -> None:
    for value in range(0, top + 1, step):
        y = plot.bottom() - plot.height() * value / top
        page.painter.setPen(QPen(LINE, 1))
        page.painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        label = QRectF(plot.left() - 28, y - 7, 24, 14)
        page.draw(str(value), label, 7, color=MUTED, flags=int(Qt.AlignmentFlag.AlignRight))


def second_page(page: Page, data: ReportData) -> None:
    page.text("Exercises: dose and ratings", 13, bold=True, gap=2)
    if data.routine:
        page.text(f"Now: the doses of {data.routine} and what backtimer suggests next.", 9, color=MUTED, gap=2)
    page.text(
        "Each column is a period; the dose done (sets x reps, s = seconds of hold), then the ratings:"
        " E easy, R just right, H hard, P painful.",
        9,
        color=MUTED,
        gap=8,
    )
    exercise_table(page, data)
    page.heading("Notes")
    notes = [f"{day:%a %d %b}: {text}" for day, text in data.notes] or ["No notes in these weeks."]
    page.text("\n".join(notes), 10)
    page.y = max(page.y + 10, page.area.bottom() - 30)
    page.text("Recorded by the person with backtimer. It is an exercise log, not medical advice.", 8, color=MUTED)


def exercise_table(page: Page, data: ReportData) -> None:
    name_w, now_w = 130.0, 150.0
    cols = len(data.periods)
    cell_w = (page.area.width() - name_w - now_w) / max(cols, 1)
    row_h = 30.0
    for i, (start, _end) in enumerate(data.periods):
        rect = QRectF(name_w + i * cell_w, page.y, cell_w, 16)
        page.draw(f"{start:%d %b}", rect, 8, bold=True, color=MUTED, flags=int(Qt.AlignmentFlag.AlignHCenter))
    page.draw("Now", QRectF(name_w + cols * cell_w + 6, page.y, now_w, 16), 8, bold=True, color=MUTED)
    page.y += 18
    for row in data.exercises:
        page.painter.setPen(QPen(LINE, 1))
        page.painter.drawLine(QPointF(0, page.y), QPointF(page.area.width(), page.y))
        page.draw(row.name, QRectF(0, page.y + 3, name_w - 6, row_h), 9, bold=True)
        for i, cell in enumerate(row.cells):
            rect = QRectF(name_w + i * cell_w, page.y + 3, cell_w, row_h)
            page.draw(f"{cell.dose}\n{cell.ratings}", rect, 8, flags=int(Qt.AlignmentFlag.AlignHCenter))
        page.draw(row.now, QRectF(name_w + cols * cell_w + 6, page.y + 3, now_w - 6, row_h), 8)
        page.y += row_h + 2
        if row.advice:
            used = page.draw(row.advice, QRectF(12, page.y, page.area.width() - 12, 40), 8, color=MUTED)
            page.y += used.height() + 4
