"""``backtimer report``: a two-page PDF for a physiotherapist (drawn by Qt; offscreen when there is no screen)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from backtimer.commands.common import load_catalog, load_settings, paths_of
from backtimer.commands.progress import last_practised, person_level
from backtimer.core.errors import BadInput
from backtimer.practice.history import StoredHistory
from backtimer.practice.notices import Notices
from backtimer.practice.report import ReportData, report_for

MAX_WEEKS = 52


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    report = sub.add_parser("report", parents=[common], help="write a PDF report for a physiotherapist")
    report.add_argument("--output", metavar="FILE.pdf", required=True, help="where to write the PDF")
    report.add_argument("--weeks", metavar="N", type=int, default=8, help="how many weeks back (default 8)")
    report.set_defaults(func=cmd_report, level=None, routine=None)


def cmd_report(args: argparse.Namespace) -> int:
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise BadInput(f"--weeks: {args.weeks} is out of range (1 to {MAX_WEEKS})")
    output = Path(args.output)
    if not output.parent.is_dir():
        raise BadInput(f"{args.output}: the folder {output.parent} does not exist")
    notices = Notices()
    notices.subscribe(lambda text: print(f"backtimer: {text}", file=sys.stderr))
    history = StoredHistory(paths_of(args).history_db, notices)
    try:
        catalog = load_catalog(args)
        routine = last_practised(history, catalog)
        names = {e.id: e.name for e in catalog.exercises.values()}
        goal = load_settings(args).weekly_goal
        data = report_for(history, routine, person_level(args, routine), goal, names, args.weeks)
    finally:
        history.close()
    pages = _write(data, output)
    print(f"Wrote {pages} pages to {args.output}.", file=sys.stderr)
    return 0


def _write(data: ReportData, output: Path) -> int:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen is needed to draw a PDF
    from PySide6.QtWidgets import QApplication  # not QGuiApplication: the window may later need QApplication

    from backtimer.ui.report_pdf import write_report

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        return write_report(data, output)
    except OSError as err:
        raise BadInput(f"{output}: cannot write ({err.strerror or err})") from None
