"""The window never drops a session the history cannot take: it goes to a file, and the next start says so."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from backtimer.practice.history import StoredHistory
from backtimer.practice.notices import Notices
from tests.ui.conftest import Harness
from tests.ui.test_player import start


def test_a_session_stopped_by_quitting_goes_to_a_file_and_the_next_window_offers_it(
    make_harness: Callable[..., Harness], qtbot: QtBot, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    data = blocker / "data"  # a data folder that cannot be made, not even by root
    h = make_harness("start-small", "beginner", data=data)
    start(h, qtbot)
    controller = h.window.session.controller
    assert controller is not None
    h.run_until(lambda: bool(controller.session.results))  # the first set is done
    h.window.shut_down()  # quitting mid-session: recorded as stopped, with what was done
    (saved,) = [n for n in h.window.notices if "this session was saved to" in n]
    path = Path(saved.split(" saved to ")[1].split(" (backtimer import")[0])
    assert path.is_relative_to(os.environ["XDG_RUNTIME_DIR"])
    (session,) = json.loads(path.read_text())["sessions"]
    assert session["status"] == "stopped" and session["exercises"][0]["sets_done"] >= 1
    later = make_harness(data=data)
    later.window.refresh_status()  # opens the history, as the home screen does just after the first paint
    assert any(f"backtimer import {path}" in n for n in later.window.notices)


def test_the_last_flush_at_exit_says_what_could_not_be_saved(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    history = StoredHistory(blocker / "history.sqlite3", Notices())
    history.store.delete("0b6ac9a8-2d3c-4bd5-9a53-2f0d1a5f8a10")
    problem = history.close()
    assert problem is not None and "1 change(s) to the history could not be saved" in problem
