"""The History screen: streaks, this week, totals, a year of days, every session with its details, comfort trend.

Built from the plain records the store returns; the only things it asks of the store are ``sessions()``,
``delete(id)`` and ``undelete(id)``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Protocol

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.content.model import Exercise
from backtimer.core.progress.streaks import StreakSummary, session_day, summarize
from backtimer.core.settings import Settings, streak_rules
from backtimer.core.wording import minutes_text, tally_status
from backtimer.storage.records import SessionRecord
from backtimer.ui.comfort_chart import ComfortChart
from backtimer.ui.heatmap import Day, Heatmap
from backtimer.ui.theme import colors_for
from backtimer.ui.thumbnails import Thumbnails

UNDO_MS = 15_000  # how long "Undo" stays offered after a delete
THUMB = QSize(54, 36)  # an exercise's picture beside its line in the details
Index = QModelIndex | QPersistentModelIndex


class HistorySource(Protocol):
    def sessions(self, exercises: bool = True) -> list[SessionRecord]: ...

    def session(self, session_id: str) -> SessionRecord | None: ...

    def delete(self, session_id: str) -> None: ...

    def undelete(self, session_id: str) -> None: ...


def _local_now() -> datetime:
    return datetime.now().astimezone()


def title_of(ident: str, names: Mapping[str, str]) -> str:
    return names.get(ident) or ident.replace("-", " ").capitalize()


class SessionList(QAbstractListModel):
    """Two lines a session: when, then what and how it went. A model, so ten years of sessions open at once."""

    def __init__(self, names: Mapping[str, str]) -> None:
        super().__init__()
        self.names = names
        self.records: list[SessionRecord] = []

    def set_records(self, records: Sequence[SessionRecord]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's name and default
        return 0 if parent.isValid() else len(self.records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.records[index.row()]
        status = "✓ completed" if r.completed else ("● recording" if r.status == "open" else "■ stopped")
        status += f" · demo x{r.speed:g}" if r.demo else ""
        comfort = f" · comfort {r.comfort}" if r.comfort is not None else ""
        first = f"{r.started_at:%a %d %b %Y · %H:%M}"
        return f"{first}\n{title_of(r.routine, self.names)} · {r.level} · {minutes_text(r.seconds)} · {status}{comfort}"


class HistoryView(QWidget):
    """``back`` asks the window to leave this screen (the Back button, Esc)."""

    back = Signal()
    report_requested = Signal()  # "Report for a physiotherapist": the window asks where and writes the PDF

    def __init__(
        self,
        store: HistorySource,
        settings: Settings,
        now: Callable[[], datetime] = _local_now,
        names: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
        exercises: Mapping[str, Exercise] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.settings, self.now = store, settings, now
        self.names = dict(names or {})
        self.exercises = dict(exercises or {})  # for the pictures in the details; ids not found get none
        self.thumbnails = Thumbnails()
        self.colors = colors_for(settings.theme)
        self.deleted: SessionRecord | None = None
        self._undo_timer = QTimer(self, singleShot=True, interval=UNDO_MS)
        self._undo_timer.timeout.connect(self._forget_undo)
        self._build()
        self.refresh()

    # ----- building --------------------------------------------------------------------------------------------
    def _build(self) -> None:
        # Sizes in the style sheet, not setFont: the app's theme style sheet would override an inherited font.
        self.setStyleSheet(
            "QListView { font-size: 15pt; }"
            "QListView::item { padding: 6px; border: 2px solid transparent; border-radius: 8px; }"
            f"QListView::item:selected {{ background: {self.colors.raised}; color: {self.colors.text};"
            f" border-color: {self.colors.work}; }}"
            "QLabel#details { font-size: 15pt; } QPushButton#delete { font-size: 15pt; padding: 6px 16px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(16)
        layout.addLayout(self._top_bar())
        layout.addLayout(self._cards())
        self.heatmap = Heatmap(self.colors)
        layout.addWidget(_card(self.heatmap))
        layout.addLayout(self._lower(), stretch=1)
        layout.addWidget(self._undo_bar())

    def _top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        back = QPushButton("← Back")
        back.setProperty("role", "big")
        back.clicked.connect(self.back.emit)
        title = QLabel("History")
        title.setProperty("role", "title")
        bar.addWidget(back)
        bar.addSpacing(16)
        bar.addWidget(title)
        bar.addStretch(1)
        self.today_label = QLabel()
        self.today_label.setProperty("role", "heading")
        bar.addWidget(self.today_label)
        bar.addSpacing(16)
        self.report = QPushButton("Report (PDF)…")
        self.report.setProperty("role", "big")
        self.report.setToolTip("Two pages for a physiotherapist: sessions, pain, doses and ratings, notes")
        self.report.clicked.connect(self.report_requested.emit)
        bar.addWidget(self.report)
        return bar

    def _cards(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        self.stat_values: dict[str, QLabel] = {}
        self.stat_notes: dict[str, QLabel] = {}
        for key, caption in (
            ("current", "Current streak"),
            ("longest", "Longest streak"),
            ("week", "This week"),
            ("total", "All sessions"),
        ):
            value, note = QLabel(), QLabel()
            value.setProperty("role", "stat")
            note.setProperty("role", "muted")
            head = QLabel(caption)
            head.setProperty("role", "muted")
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(8, 4, 8, 4)
            for widget in (head, value, note):
                inner.addWidget(widget)
            self.stat_values[key], self.stat_notes[key] = value, note
            row.addWidget(_card(box), stretch=1)
        return row

    def _lower(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        self.model = SessionList(self.names)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(300)  # on a short screen the page scrolls instead of squeezing the list
        self.list.setAccessibleName("Sessions")
        self.list.selectionModel().currentChanged.connect(self._show_details)
        self.empty = QLabel("No sessions yet.\nFinish your first routine and it will show up here.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setProperty("role", "heading")
        left = QVBoxLayout()
        left.addWidget(self.list, stretch=1)
        left.addWidget(self.empty, stretch=1)
        row.addLayout(left, stretch=5)
        row.addLayout(self._right(), stretch=4)
        return row

    def _right(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(12)
        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.delete_button = QPushButton("Delete this session")
        self.delete_button.setProperty("role", "danger")
        self.delete_button.setObjectName("delete")
        self.delete_button.clicked.connect(self.delete_selected)
        detail_box = QWidget()
        inner = QVBoxLayout(detail_box)
        scroller = QScrollArea()
        scroller.setWidget(self.details)
        scroller.setWidgetResizable(True)
        scroller.setMinimumHeight(240)  # the chosen session's text shows, not a sliver of it
        scroller.setAccessibleName("The chosen session")
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        inner.addWidget(scroller, stretch=1)
        inner.addWidget(self.delete_button, alignment=Qt.AlignmentFlag.AlignLeft)
        column.addWidget(_card(detail_box), stretch=1)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        self.chart_heading = QLabel(PAIN_HEADING)
        self.chart_heading.setProperty("role", "muted")
        self.chart = ComfortChart(self.colors)
        chart_layout.addWidget(self.chart_heading)
        chart_layout.addWidget(self.chart, stretch=1)
        chart_box.setFixedHeight(200)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        column.addWidget(_card(chart_box))
        return column

    def _undo_bar(self) -> QFrame:
        self.undo_bar = QFrame()
        self.undo_bar.setProperty("role", "card")
        bar = QHBoxLayout(self.undo_bar)
        self.undo_label = QLabel()
        self.undo_button = QPushButton("Undo")
        self.undo_button.setProperty("role", "primary")
        self.undo_button.clicked.connect(self.undo_delete)
        bar.addWidget(self.undo_label, stretch=1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()
        return self.undo_bar

    # ----- showing ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the store again and redraw everything."""
        records = self.store.sessions(exercises=False)  # details are read for the selected session only
        now = self.now()
        rules = streak_rules(self.settings)
        self.summary = summarize((r.entry() for r in records), rules, now.replace(tzinfo=None))
        self._show_summary(self.summary, records)
        self.heatmap.set_data(self._days(records), self.summary.today, rules.rest_weekdays)
        pain = [(r.local_date, r.pain) for r in reversed(records) if r.pain is not None]
        comfort = [(r.local_date, r.comfort) for r in reversed(records) if r.comfort is not None]
        self.chart_heading.setText(PAIN_HEADING if pain or not comfort else COMFORT_HEADING)
        self.chart.set_points(pain or comfort, "No pain recorded yet" if pain or not comfort else "")
        self.model.set_records(records)
        self.list.setVisible(bool(records))
        self.empty.setVisible(not records)
        if records:
            self.list.setCurrentIndex(self.model.index(0))
        else:
            self._show_details(QModelIndex())

    def _days(self, records: Sequence[SessionRecord]) -> dict[date, Day]:
        counts: dict[date, Day] = {}
        for r in records:
            day = session_day(r.started_at, self.settings.day_start_hour)
            old = counts.get(day, Day(0, 0))
            done = r.completed and not r.demo  # a demo is not a day of exercise, here as on home and in stats
            counts[day] = Day(old.completed + done, old.stopped + (not done))
        return counts

    def _show_summary(self, s: StreakSummary, records: Sequence[SessionRecord]) -> None:
        self.today_label.setText("Today: done ✓" if s.done_today else "Today: not yet")
        self.stat_values["current"].setText(_days_text(s.current_streak))
        self.stat_notes["current"].setText("keep it going today" if not s.done_today and s.current_streak else "")
        self.stat_values["longest"].setText(_days_text(s.longest_streak))
        best = s.longest_week_streak
        self.stat_notes["longest"].setText(f"best run on the weekly goal: {best} week{'s' if best != 1 else ''}")
        self.stat_values["week"].setText(f"{s.this_week} of {s.weekly_goal}")
        weeks = f"{s.week_streak} week{'s' if s.week_streak != 1 else ''} in a row on goal"
        self.stat_notes["week"].setText("goal met · " + weeks if s.this_week >= s.weekly_goal else weeks)
        completed = sum(r.completed for r in records)
        demos = sum(r.demo for r in records)
        self.stat_values["total"].setText(f"{len(records)}")
        seconds = sum(r.seconds for r in records)
        demo_note = f" · {demos} demo{'s' if demos != 1 else ''}" if demos else ""
        self.stat_notes["total"].setText(f"{completed} completed{demo_note} · {minutes_text(seconds)}")

    def _show_details(self, index: Index) -> None:
        listed = self.model.records[index.row()] if index.isValid() else None
        record = self.store.session(listed.id) if listed else None
        self.delete_button.setEnabled(record is not None)
        self.delete_button.setVisible(record is not None)
        self.details.setText(details_html(record, self.names, self.picture) if record else "")

    def picture(self, exercise_id: str) -> str:
        """The exercise's thumbnail as rich text, or nothing for an exercise that is no longer known."""
        exercise = self.exercises.get(exercise_id)
        if exercise is None:
            return ""
        ratio = max(self.devicePixelRatioF(), 1.0)
        return self.thumbnails.img_tag(exercise, THUMB, QColor(self.colors.surface), ratio)

    # ----- deleting --------------------------------------------------------------------------------------------
    def selected(self) -> SessionRecord | None:
        index = self.list.currentIndex()
        return self.model.records[index.row()] if index.isValid() and self.model.records else None

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        self.store.delete(record.id)
        self.deleted = record
        self.undo_label.setText(f"Deleted the session of {record.started_at:%a %d %b %Y, %H:%M}.")
        self.undo_bar.show()
        self._undo_timer.start()
        self.refresh()

    def undo_delete(self) -> None:
        if self.deleted is not None:
            self.store.undelete(self.deleted.id)
        self._forget_undo()
        self.refresh()

    def _forget_undo(self) -> None:
        self.deleted = None
        self.undo_bar.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
            self.back.emit()
        elif event.key() == Qt.Key.Key_Delete:
            self.delete_selected()
        elif event.matches(QKeyEvent.StandardKey.Undo):  # type: ignore[attr-defined]
            self.undo_delete()
        else:
            super().keyPressEvent(event)


def details_html(r: SessionRecord, names: Mapping[str, str], picture: Callable[[str], str] = lambda _id: "") -> str:
    status = "completed" if r.completed else "stopped before the end"
    zone = f" ({r.zone})" if r.zone else ""
    lines = [
        f"<div style='font-size:18pt; font-weight:600'>{title_of(r.routine, names)} · {r.level}</div>",
        f"<p style='margin-top:4px'>{r.started_at:%a %d %b %Y, %H:%M}{zone} · {minutes_text(r.seconds)} · {status}"
        + (f" · demo at speed x{r.speed:g} (not counted toward the streak)" if r.demo else "")
        + "</p>",
    ]
    rows: dict[str, list[str]] = {}  # one row per exercise, both sides in it: short enough to read at a glance
    for t in r.exercises:
        side = f"{t.side.value}: " if t.side else ""
        if t.exercise not in rows and (found := r.feedback_of(t.exercise)) and found.rating:
            rows[t.exercise] = [f"<i>{_RATED[found.rating]}</i>"]
        rows.setdefault(t.exercise, []).append(side + html.escape(tally_status(t)))
    rows_html = [
        f"<tr><td>{picture(ex)}</td><td style='vertical-align:middle'>&nbsp;{title_of(ex, names)}</td>"
        f"<td style='vertical-align:middle'>&nbsp;&nbsp;{'&nbsp;&nbsp;|&nbsp;&nbsp;'.join(parts)}</td></tr>"
        for ex, parts in rows.items()
    ]
    if rows_html:
        lines.append("<table cellspacing='2'>" + "".join(rows_html) + "</table>")
    if r.pain is not None:
        lines.append(f"<p>Pain afterwards: <b>{r.pain}</b> / 10 (0 = none)</p>")
    if r.next_day is not None:
        lines.append(f"<p>The next day: <b>{_NEXT_DAY[r.next_day]}</b></p>")
    if r.comfort is not None:
        lines.append(f"<p>Comfort: <b>{r.comfort}</b> / 10</p>")
    if r.note:
        lines.append(f"<p>“{_escape(r.note)}”</p>")
    return "".join(lines)


_NEXT_DAY = {"better": "better", "same": "the same", "worse": "worse"}
_RATED = {"easy": "easy", "right": "just right", "hard": "hard", "painful": "painful"}
PAIN_HEADING = "Pain after each session (0 = none, 10 = worst)"
COMFORT_HEADING = "Comfort after each session (0 to 10, the older rating: 10 = felt great)"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _days_text(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _card(content: QWidget) -> QFrame:
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.addWidget(content)
    return frame
