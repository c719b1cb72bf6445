"""History's Report button: ask where, gather the report from the practice layer, draw the PDF, say where it went."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from backtimer.core.content.model import Level, Routine
from backtimer.practice.report import report_for
from backtimer.ui.report_pdf import write_report

if TYPE_CHECKING:
    from backtimer.ui.main_window import MainWindow


def save_report(window: MainWindow, routine: Routine, level: Level, names: Mapping[str, str]) -> Path | None:
    history = window.practice.history
    if history is None:
        return None
    chosen = window.choose_file("Save the report", str(Path.home() / "backtimer-report.pdf"))
    if not chosen:
        return None
    data = report_for(history, routine, level, window.settings.weekly_goal, names)
    try:
        pages = write_report(data, Path(chosen))
    except OSError as err:
        window.inform("The report could not be saved", str(err))
        return None
    window.notice(f"Report saved as {chosen} ({pages} pages).")
    return Path(chosen)
