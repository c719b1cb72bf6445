"""The progression coach in the window: ratings after each exercise, pain now, the help offer, the red flags,
home's suggestions and the next-day question, all on the real window with a fake clock and a real history file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from backtimer.core.session.steps import StepKind
from backtimer.practice.run import RATING_SECONDS
from backtimer.storage.history import HistoryStore
from backtimer.storage.paths import Paths
from backtimer.storage.records import parse_document
from backtimer.ui.red_flags import RedFlagsDialog
from tests.cli.test_progress_cli import session
from tests.ui.conftest import Harness


def seed(data_dir: Path, sessions: list[dict[str, Any]]) -> None:
    records = parse_document({"format": "backtimer-history", "version": 2, "sessions": sessions}, "seed")
    store = HistoryStore(Paths.resolve(str(data_dir)).history_db)
    store.import_records(records)
    store.close()


def stored(data_dir: Path) -> list[dict[str, Any]]:
    from backtimer.storage.records import document

    store = HistoryStore(Paths.resolve(str(data_dir)).history_db)
    try:
        return list(json.loads(json.dumps(document(store.sessions())))["sessions"])
    finally:
        store.close()


def kind(h: Harness) -> StepKind:
    assert h.window.session.controller is not None
    return h.window.session.controller.session.step.kind


def to_rest_after_first_exercise(h: Harness) -> None:
    h.window.session.start()
    h.run_until(
        lambda: (
            kind(h) is StepKind.REST
            and h.window.session.controller is not None
            and h.window.session.controller.session.step.exercise is None
        )
    )


def test_a_rating_key_after_an_exercise_is_stored_and_the_question_is_spoken(
    make_harness: Callable[..., Harness], data_dir: Path
) -> None:
    h = make_harness("start-small", "beginner")
    to_rest_after_first_exercise(h)
    p = h.window.player
    assert p.side.currentWidget() is p.rating
    assert p.rating.question.text() == "How was Glute bridge?"
    h.advance(5)
    assert any(t.startswith("How was Glute bridge?") for t in h.speaker.texts)
    QTest.keyClick(p, Qt.Key.Key_2)
    assert p.side.currentWidget() is p.info  # answered: gone at once
    h.advance(1)
    assert p.side.currentWidget() is p.info  # and not asked again
    h.run_until(lambda: h.window.current_page() is h.window.summary)
    summary = h.window.summary
    assert summary.last.isVisible() and summary.last.question.text() == "How was Knee-drop twist?"
    summary.last.group.button(3).click()  # Painful
    QTest.mouseClick(summary.close_button, Qt.MouseButton.LeftButton)
    (record,) = stored(data_dir)
    ratings = {e["exercise"]: e["rating"] for e in record["exercises"]}
    assert ratings == {"glute-bridge": "right", "bird-dog": None, "knee-drop-twist": "painful"}
    assert {e["exercise"]: e["dose"]["reps"] for e in record["exercises"]}["bird-dog"] == 8


def test_an_unanswered_rating_goes_away_by_itself(make_harness: Callable[..., Harness]) -> None:
    h = make_harness("start-small", "beginner")
    to_rest_after_first_exercise(h)
    p = h.window.player
    assert p.side.currentWidget() is p.rating
    h.advance(RATING_SECONDS + 1)
    assert p.side.currentWidget() is p.info
    QTest.keyClick(p, Qt.Key.Key_1)  # too late: the digit does nothing
    assert h.window.session.controller is not None and "glute-bridge" not in h.window.session.controller.run.rated


def test_pain_takes_digits_and_arrows_and_high_pain_offers_help(
    make_harness: Callable[..., Harness], qtbot: QtBot, data_dir: Path
) -> None:
    h = make_harness("start-small", "beginner")
    h.window.session.start()
    h.run_until(lambda: h.window.current_page() is h.window.summary)
    s = h.window.summary
    assert not s.offer.isVisible()
    assert s.rating_row.hasFocus()  # the pain scale has the keys at once
    QTest.keyClick(s.rating_row, Qt.Key.Key_3)
    assert s.pain() == 3
    QTest.keyClick(s.rating_row, Qt.Key.Key_Right)
    QTest.keyClick(s.rating_row, Qt.Key.Key_Right)
    assert s.pain() == 5
    QTest.keyClick(s.rating_row, Qt.Key.Key_Left)
    assert s.pain() == 4 and not s.offer.isVisible()
    QTest.mouseClick(s.rating.button(10), Qt.MouseButton.LeftButton)
    assert s.pain() == 10 and s.offer.isVisible() and "pain of 10" in s.offer.text.text()
    QTest.mouseClick(s.offer.button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, RedFlagsDialog) and w.isVisible()]
    assert dialogs
    texts = " ".join(label.text() for label in dialogs[0].findChildren(QLabel))
    assert "back passage" in texts and "NHS" in texts
    dialogs[0].reject()
    QTest.mouseClick(s.close_button, Qt.MouseButton.LeftButton)
    assert stored(data_dir)[0]["pain"] == 10


def test_this_hurts_twice_offers_help(make_harness: Callable[..., Harness]) -> None:
    h = make_harness("start-small", "beginner")
    h.window.session.start()
    p = h.window.player
    for n in range(2):
        h.run_until(lambda: kind(h) is StepKind.WORK)
        QTest.mouseClick(p.controls.hurt, Qt.MouseButton.LeftButton)
        assert p.hurt.help.isVisibleTo(p.hurt) is (n == 1)  # the second time, the red flags are offered at once
        QTest.mouseClick(p.hurt.skip, Qt.MouseButton.LeftButton)
    h.run_until(lambda: h.window.current_page() is h.window.summary)
    s = h.window.summary
    assert s.offer.isVisible() and '"This hurts" 2 times' in s.offer.text.text()


def test_home_suggests_one_rung_and_accepting_changes_the_next_session(
    make_harness: Callable[..., Harness], data_dir: Path
) -> None:
    seed(data_dir, [session(1), session(2)])  # bird-dog at 2 x 10, rated right, pain 2, on two days
    h = make_harness("lower-back", "standard")
    card = h.window.progress.suggestions
    assert card.isVisible()
    lines = [item.line for item, *_ in card.lines]
    assert lines == ["Ready for more: Bird-dog 10 → 11 reps a side"]
    home = h.window.home
    assert home.routine is not None
    before = h.window.practice.estimate(home.routine, home.level)
    (_item, _text, accept, _later) = card.lines[0]
    QTest.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert card.lines == [] and card.reset.isVisible()  # nothing left to suggest; the change can be undone
    assert h.window.practice.estimate(home.routine, home.level) > before  # the routine is longer now
    timed = h.window.practice.timed(home.routine)
    assert {e.exercise.id: e.reps for e in timed.entries}["bird-dog"] == 11
    QTest.mouseClick(card.reset, Qt.MouseButton.LeftButton)
    assert h.window.practice.estimate(home.routine, home.level) == before
    assert [item.line for item, *_ in card.lines] == ["Ready for more: Bird-dog 10 → 11 reps a side"]


def test_not_now_hides_a_suggestion_for_this_run(make_harness: Callable[..., Harness], data_dir: Path) -> None:
    seed(data_dir, [session(1, "painful"), session(2)])
    h = make_harness("lower-back", "standard")
    card = h.window.progress.suggestions
    (item, _text, _accept, later) = card.lines[0]
    assert item.line == "Ease off: Bird-dog 10 → 9 reps a side" and item.easing
    QTest.mouseClick(later, Qt.MouseButton.LeftButton)
    assert card.lines == [] and not card.isVisible()


def test_the_next_day_question_is_asked_on_a_later_day(make_harness: Callable[..., Harness], data_dir: Path) -> None:
    yesterday = session(1)
    yesterday["next_day"] = None
    seed(data_dir, [yesterday])
    h = make_harness("lower-back", "standard")
    card = h.window.progress.next_day
    assert card.isVisible() and "compared with before your last session" in card.question.text()
    QTest.mouseClick(card.buttons["worse"], Qt.MouseButton.LeftButton)
    assert not card.isVisible()
    assert stored(data_dir)[0]["next_day"] == "worse"
    lines = [item.line for item, *_ in h.window.progress.suggestions.lines]
    assert lines == ["Ease off: Bird-dog 10 → 9 reps a side"]  # worse the next day: one step back
    again = make_harness("lower-back", "standard")
    assert not again.window.progress.next_day.isVisible()  # asked once


def test_home_opens_the_red_flags_and_the_first_notice_lists_them(make_harness: Callable[..., Harness]) -> None:
    h = make_harness()
    QTest.mouseClick(h.window.home.help, Qt.MouseButton.LeftButton)
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, RedFlagsDialog) and w.isVisible()]
    assert shown and shown[0].windowTitle() == "When to stop and get help"
    shown[0].reject()
    notice = h.window.dialogs.safety(remember=False)
    texts = " ".join(label.text() for label in notice.findChildren(QLabel))
    assert "bladder or bowels" in texts and "fall" in texts
    notice.reject()


def test_how_suggestions_work_is_explained(make_harness: Callable[..., Harness], data_dir: Path) -> None:
    seed(data_dir, [session(1), session(2)])
    h = make_harness("lower-back", "standard")
    dialog = h.window.dialogs.rules()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "one step" in texts and "3 or less" in texts and "Accept" in texts
    dialog.reject()


def test_the_report_button_in_history_writes_the_pdf(
    make_harness: Callable[..., Harness], data_dir: Path, tmp_path: Path
) -> None:
    import subprocess

    from backtimer.ui.history_view import HistoryView

    seed(data_dir, [session(1, note="Felt good"), session(2)])
    h = make_harness("lower-back", "standard")
    target = tmp_path / "for-the-physio.pdf"
    h.window.choose_file = lambda _title, _suggested: str(target)
    QTest.mouseClick(h.window.home.history, Qt.MouseButton.LeftButton)
    (view,) = h.window.findChildren(HistoryView)
    assert view.report.isVisible()
    assert view.chart_heading.text().startswith("Pain after each session")
    QTest.mouseClick(view.report, Qt.MouseButton.LeftButton)
    assert target.is_file() and any("Report saved as" in n for n in h.window.notices)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Felt good" in text and "Bird-dog" in text
    h.window.choose_file = lambda _title, _suggested: ""  # cancelled: nothing written, nothing said
    target.unlink()
    QTest.mouseClick(view.report, Qt.MouseButton.LeftButton)
    assert not target.exists()
