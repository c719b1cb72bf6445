"""Opening a programme file in the window: read strictly, then kept among your routines or tried just this once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from backtimer.core.content.model import Routine
from backtimer.core.errors import BadInput
from backtimer.practice.content import OwnContent

Ask = Callable[[str, str], bool]
Inform = Callable[[str, str], None]
ChoosePath = Callable[[], Path | None]
FILTER = "Programme or routine files (*.toml);;All files (*)"


def ask_open_path(parent: QWidget) -> ChoosePath:
    def choose() -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "Open a programme file", "", FILTER)
        return Path(name) if name else None

    return choose


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Export the routine as a programme file", suggested, FILTER)
    return Path(name) if name else None


def open_programme(content: OwnContent, path: Path, ask: Ask, inform: Inform) -> tuple[Routine, bool] | None:
    """The routine of the file at ``path`` and whether it was kept (imported); None if it could not be read.

    A bad file is one dialog with the same line the command line prints."""
    try:
        programme = content.open_programme(path)
    except BadInput as err:
        inform("That programme file could not be opened", str(err))
        return None
    routine = programme.routine
    own = len(programme.exercises)
    carried = f" and its {own} exercise{'s' if own != 1 else ''}" if own else ""
    question = f"Keep “{routine.title}”{carried} among your routines? (No: just try it this time.)"
    if not ask("Open a programme file", question):
        return routine, False
    try:
        plan = content.import_programme(programme)
    except BadInput as err:
        inform("That programme could not be kept", str(err))
        return None
    if plan.renames:
        inform("Kept under new names", "\n".join(line[0].upper() + line[1:] for line in plan.renames))
    return content.catalog.routines[plan.routine.id], True
