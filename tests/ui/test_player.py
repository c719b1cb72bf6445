"""A whole session through the real window: what the widgets show at each stage, every key and every button."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from backtimer.core.session.results import Outcome
from backtimer.core.session.snapshot import PauseReason, State
from backtimer.core.session.steps import StepKind
from backtimer.storage.paths import Paths
from backtimer.ui.controller import IDLE_MS
from tests.ui.conftest import Harness


def start(h: Harness, qtbot: QtBot) -> None:
    QTest.mouseClick(h.window.home.start, Qt.MouseButton.LeftButton)
    assert h.window.current_page() is h.window.player


def kind(h: Harness) -> StepKind:
    c = h.window.session.controller
    assert c is not None
    return c.session.step.kind


def to_work(h: Harness) -> None:
    """Through the get-ready and any count-in, to a running work step."""
    h.run_until(lambda: kind(h) is StepKind.WORK and h.state() is State.RUNNING)


def test_a_whole_routine_from_start_to_summary(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("start-small", "beginner")
    p = h.window.player
    start(h, qtbot)
    assert p.title.text() == "Glute bridge"
    assert p.set_line.text() == "Get down onto the mat and lie on your back."  # said and shown
    assert p.phase.text() == "Get ready"
    get_ready = h.window.session.controller.session.step.seconds if h.window.session.controller else None
    assert get_ready is not None and get_ready >= 20  # time to get down onto the floor
    assert p.count.text() == f"{get_ready:g}"
    assert p.reps.text() == "seconds to get in position"
    assert p.session_time.text().startswith("0:00 of ")
    assert len(p.progress.marks) == 3  # one mark per exercise
    h.advance(get_ready)
    assert kind(h) is StepKind.WORK
    assert p.title.text() == "Glute bridge"
    assert p.set_line.text() == "Set 1 of 2 · easier form"  # at beginner level the beginner form is the way
    assert p.reps.text() == "Rep 1 of 10"
    assert p.count.text() == "1"
    assert p.phase.text() == "Lift"
    assert p.exercise_number.text() == "Exercise 1 of 3"
    assert "heels" in p.info.how_to.text()
    assert p.info.beginner.text().startswith("Your form: ")
    assert p.info.next_up.text() == "Set 2 of 2"
    h.run_until(lambda: p.reps.text() == "Rep 4 of 10")
    assert p.count.text() == "4"
    h.run_until(lambda: kind(h) is StepKind.REST)
    assert p.phase.text() == "Rest"
    assert p.reps.text() == "seconds of rest"
    assert p.count.text() in ("30", "29")
    h.run_until(lambda: kind(h) is StepKind.SWITCH)
    assert p.phase.text() == "Switch sides"
    assert p.title.text() == "Bird-dog"
    assert p.set_line.text() == "Set 1 of 2 · right side · easier form"
    h.run_until(lambda: h.window.current_page() is h.window.summary)
    s = h.window.summary
    assert s.heading.text() == "Well done"
    assert s.done.text() == "3"
    assert s.skipped.text() == "0"
    assert s.time.text().count(":") == 1
    assert h.speaker.texts[-1].startswith("Well done")


def test_space_pauses_and_resume_counts_in_for_three_seconds(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    h.advance(3)
    count = p.count.text()
    QTest.keyClick(p, Qt.Key.Key_Space)
    assert p.phase.text() == "Paused"
    assert p.controls.toggle.text() == "Resume"
    assert "Press Space" in p.notice.text()
    h.advance(30)  # nothing moves while paused
    assert p.count.text() == count
    QTest.keyClick(p, Qt.Key.Key_Space)
    assert h.state() is State.GETTING_READY
    assert p.phase.text() == "Get ready"
    assert p.count.text() == "3"
    assert p.controls.toggle.text() == "Pause"
    h.advance(1)
    assert p.count.text() == "2"
    h.advance(2)
    assert h.state() is State.RUNNING
    assert p.phase.text() != "Get ready"
    # the pause button does the same
    QTest.mouseClick(p.controls.toggle, Qt.MouseButton.LeftButton)
    assert p.phase.text() == "Paused"
    QTest.mouseClick(p.controls.toggle, Qt.MouseButton.LeftButton)
    assert p.phase.text() == "Get ready"


def test_arrows_and_buttons_skip_and_go_back(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    assert p.title.text() == "Prone snow angel"
    QTest.keyClick(p, Qt.Key.Key_Right)  # skip the rest of set 1: to the rest
    assert kind(h) is StepKind.REST
    QTest.keyClick(p, Qt.Key.Key_Right)
    assert kind(h) is StepKind.WORK
    assert p.set_line.text() == "Set 2 of 2"
    assert p.phase.text() == "Get ready"  # a jump into work counts the person in
    QTest.keyClick(p, Qt.Key.Key_Left)
    assert p.set_line.text() == "Set 1 of 2"
    QTest.mouseClick(p.controls.next, Qt.MouseButton.LeftButton)
    QTest.mouseClick(p.controls.next, Qt.MouseButton.LeftButton)
    QTest.mouseClick(p.controls.next, Qt.MouseButton.LeftButton)  # past set 2 and the rest between exercises
    assert p.title.text() == "Prone alternating leg lift"
    QTest.mouseClick(p.controls.previous, Qt.MouseButton.LeftButton)
    assert p.title.text() == "Prone snow angel"
    assert p.set_line.text() == "Set 2 of 2"
    c = h.window.session.controller
    assert c is not None
    assert Outcome.SKIPPED in {r.outcome for r in c.session.results}
    assert h.speaker.cancels >= 6  # every jump silenced what was being said


def test_escape_asks_inside_the_player_and_carrying_on_is_the_default(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    h.advance(8)
    for carry_on in (Qt.Key.Key_Space, Qt.Key.Key_Escape):
        QTest.keyClick(p, Qt.Key.Key_Escape)
        assert p.display.currentWidget() is p.stop_question  # a large question inside the player, no dialog
        assert h.state() is State.PAUSED  # no work runs by while it is open
        h.advance(30)
        assert h.state() is State.PAUSED
        QTest.keyClick(p, carry_on)  # a reflexive Space or Esc carries on
        assert p.display.currentWidget() is p.main_page
        assert h.state() is State.GETTING_READY  # carried on, with the usual count-in
        h.advance(3)
    assert h.asker.asked == []  # never the small Yes/No dialog
    QTest.keyClick(p, Qt.Key.Key_Escape)
    QTest.keyClick(p, Qt.Key.Key_Return)  # Enter stops
    assert h.window.current_page() is h.window.summary
    assert h.window.summary.heading.text() == "Session stopped"
    assert ("Prone snow angel", "0 sets, 1 rep") in h.window.summary.line_texts()


def test_y_stops_and_the_stop_button_asks_too(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    QTest.keyClick(p, Qt.Key.Key_Space)  # paused before the question: still paused after "carry on"
    QTest.mouseClick(p.controls.stop, Qt.MouseButton.LeftButton)
    assert p.display.currentWidget() is p.stop_question
    QTest.mouseClick(p.stop_question.carry_on, Qt.MouseButton.LeftButton)
    assert h.state() is State.PAUSED
    assert p.display.currentWidget() is p.paused  # the paused state has the big display
    QTest.keyClick(p, Qt.Key.Key_Escape)
    QTest.keyClick(p, Qt.Key.Key_Y)
    assert h.window.current_page() is h.window.summary


def test_tab_reaches_the_players_buttons_and_enter_acts_on_the_focused_one(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    reached = set()
    for _ in range(12):
        QTest.keyClick(h.window, Qt.Key.Key_Tab)
        reached.add(h.window.focusWidget())
    controls = p.controls
    assert {controls.previous, controls.toggle, controls.next, controls.hurt, controls.stop} <= reached
    controls.toggle.setFocus()
    QTest.keyClick(controls.toggle, Qt.Key.Key_Return)  # Enter on "Pause" pauses (not "done", not "stop")
    assert h.state() is State.PAUSED
    assert h.window.current_page() is p


def test_mute_and_full_screen(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    QTest.keyClick(p, Qt.Key.Key_M)
    assert h.speaker.muted
    assert p.controls.mute.text() == "Unmute"
    assert p.controls.mute.isChecked()
    before = len(h.speaker.played)
    h.advance(12)
    assert len(h.speaker.played) == before  # muted: nothing said
    QTest.mouseClick(p.controls.mute, Qt.MouseButton.LeftButton)
    assert not h.speaker.muted
    assert p.controls.mute.text() == "Mute"
    QTest.keyClick(p, Qt.Key.Key_F11)
    qtbot.waitUntil(h.window.isFullScreen)
    QTest.mouseClick(p.controls.fullscreen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not h.window.isFullScreen())
    for button in (p.controls.toggle, p.controls.next, p.controls.previous, p.controls.stop, p.controls.mute):
        assert "(" in button.toolTip()  # each names its key


def test_a_clock_jump_pauses_instead_of_skipping(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    h.advance(60, step=60)  # the machine slept
    c = h.window.session.controller
    assert c is not None
    assert c.session.pause_reason is PauseReason.SUSPENDED
    assert p.phase.text() == "Paused"
    assert "clock jumped" in p.notice.text()
    assert p.title.text() == "Prone snow angel"


def test_this_hurts_then_easier_form(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back", "standard")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    h.advance(5)
    QTest.mouseClick(p.controls.hurt, Qt.MouseButton.LeftButton)
    assert p.display.currentWidget() is p.hurt
    assert p.phase.text() == "Paused"
    assert p.hurt.easier.isEnabled()
    assert "hands glide" in p.hurt.hint.text()
    c = h.window.session.controller
    assert c is not None
    assert c.session.results[-1].outcome is Outcome.HURT
    QTest.mouseClick(p.hurt.easier, Qt.MouseButton.LeftButton)
    assert p.display.currentWidget() is p.main_page
    assert p.set_line.text() == "Set 1 of 2 · easier form"
    assert p.info.beginner.text().startswith("Easier form (chosen): ")
    assert p.phase.text() == "Get ready"
    h.advance(3)
    assert p.reps.text() == "Rep 1 of 8"  # the beginner dose


def test_this_hurts_then_skip(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    QTest.mouseClick(p.controls.hurt, Qt.MouseButton.LeftButton)
    QTest.mouseClick(p.hurt.skip, Qt.MouseButton.LeftButton)
    assert p.display.currentWidget() is p.main_page
    h.run_until(lambda: kind(h) is StepKind.WORK)
    assert p.title.text() == "Prone alternating leg lift"
    QTest.keyClick(p, Qt.Key.Key_Escape)
    QTest.keyClick(p, Qt.Key.Key_Enter)
    assert h.window.summary.line_texts()[0] == ("Prone snow angel", "0 sets · stopped: it hurt")


def test_this_hurts_then_carry_on(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    h.advance(7)
    QTest.mouseClick(p.controls.hurt, Qt.MouseButton.LeftButton)
    assert not p.controls.hurt.isEnabled()  # already stopped
    QTest.mouseClick(p.hurt.carry_on, Qt.MouseButton.LeftButton)
    assert p.display.currentWidget() is p.main_page
    assert h.state() is State.GETTING_READY
    h.advance(3)
    assert h.state() is State.RUNNING
    assert p.title.text() == "Prone snow angel"


SELF_PACED = """
id = "my-bridges"
title = "My bridges"
description = "Bridges at my own pace."

[[exercises]]
id = "glute-bridge"
self_paced = true
sets = 2
"""


def test_self_paced_reps_wait_for_enter_or_done(
    make_harness: Callable[..., Harness], qtbot: QtBot, data_dir: object
) -> None:
    from pathlib import Path

    assert isinstance(data_dir, Path)
    (data_dir / "routines").mkdir(parents=True)
    (data_dir / "routines" / "mine.toml").write_text(SELF_PACED, encoding="utf-8")
    h = make_harness("my-bridges", "standard")
    p = h.window.player
    assert h.window.home.routine is not None and h.window.home.routine.id == "my-bridges"
    start(h, qtbot)
    h.run_until(lambda: kind(h) is StepKind.WORK and h.state() is State.RUNNING)
    assert p.controls.done.isVisible()
    assert p.count.text() == "12"
    assert p.reps.text() == "12 reps at your own pace"
    assert "Enter" in p.notice.text()
    h.advance(120)  # it waits as long as it takes
    assert kind(h) is StepKind.WORK
    QTest.keyClick(p, Qt.Key.Key_Return)
    assert kind(h) is StepKind.REST
    assert not p.controls.done.isVisible()
    h.run_until(lambda: kind(h) is StepKind.WORK and h.state() is State.RUNNING)
    assert p.set_line.text() == "Set 2 of 2"
    QTest.mouseClick(p.controls.done, Qt.MouseButton.LeftButton)
    assert h.window.current_page() is h.window.summary
    c = h.window.session.controller
    assert c is not None
    assert [r.outcome for r in c.session.results] == [Outcome.COMPLETED, Outcome.COMPLETED]
    assert [r.reps_done for r in c.session.results] == [12, 12]


def test_the_figure_moves_with_the_session_and_freezes_when_paused(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    figure = p.figure.figure
    assert figure is not None and figure.isVisible()
    to_work(h)
    c = h.window.session.controller
    assert c is not None
    assert c.timer.interval() == 33  # a figure on screen: about 30 frames a second while it moves
    drawings = set()
    for _ in range(8):
        h.advance(0.25, step=0.25)
        drawings.add(repr(getattr(figure, "drawing", None)))
    assert len(drawings) > 1  # it moved
    QTest.keyClick(p, Qt.Key.Key_Space)
    assert c.timer.interval() == IDLE_MS  # paused: nothing happens by itself, so hardly any wake-ups
    frozen = repr(getattr(figure, "drawing", None))
    h.advance(3)
    assert repr(getattr(figure, "drawing", None)) == frozen


def test_this_hurts_by_keys_only_h_then_1_2_3(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back", "standard")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    QTest.keyClick(p, Qt.Key.Key_H)
    assert p.display.currentWidget() is p.hurt  # the choices take over the big display
    assert [b.text().split()[0] for b in p.hurt.choices if not b.isHidden()] == ["1", "2", "3"]  # each names its key
    assert min(b.height() for b in p.hurt.choices) >= 60  # large targets, even in a 1280 x 800 window
    QTest.keyClick(p, Qt.Key.Key_3)  # carry on
    assert h.state() is State.GETTING_READY
    assert p.display.currentWidget() is p.main_page
    h.advance(3)
    QTest.keyClick(p, Qt.Key.Key_H)
    QTest.keyClick(p, Qt.Key.Key_1)  # the easier form
    assert p.set_line.text() == "Set 1 of 2 · easier form"
    h.advance(3)
    QTest.keyClick(p, Qt.Key.Key_H)
    assert not p.hurt.easier.isEnabled()
    QTest.keyClick(p, Qt.Key.Key_1)  # chosen already: nothing happens
    assert p.display.currentWidget() is p.hurt
    QTest.keyClick(p, Qt.Key.Key_2)  # skip
    h.run_until(lambda: kind(h) is StepKind.WORK)
    assert p.title.text() == "Prone alternating leg lift"


def test_this_hurts_works_while_paused(make_harness: Callable[..., Harness], qtbot: QtBot) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    QTest.keyClick(p, Qt.Key.Key_Space)
    assert p.display.currentWidget() is p.paused
    assert p.controls.hurt.isEnabled() and p.paused.hurt.isEnabled()
    QTest.keyClick(p, Qt.Key.Key_H)
    c = h.window.session.controller
    assert c is not None
    assert c.session.pause_reason is PauseReason.HURT
    assert c.session.results[-1].outcome is Outcome.HURT
    assert p.display.currentWidget() is p.hurt
    QTest.keyClick(p, Qt.Key.Key_H)  # a second H does not record it twice
    assert [r.outcome for r in c.session.results].count(Outcome.HURT) == 1
    QTest.keyClick(p, Qt.Key.Key_Space)  # Space carries on here too
    assert h.state() is State.GETTING_READY


def test_phase_changes_are_announced_only_when_the_voice_is_not_heard(
    make_harness: Callable[..., Harness], qtbot: QtBot
) -> None:
    h = make_harness("lower-back")
    p = h.window.player
    start(h, qtbot)
    to_work(h)
    assert p.announce.sent == []  # the app's voice says each phase: a screen reader is not made to say it too
    QTest.keyClick(p, Qt.Key.Key_M)
    h.advance(6)
    assert "Sweep down. Prone snow angel" in p.announce.sent
    QTest.keyClick(p, Qt.Key.Key_Escape)
    assert p.announce.sent[-1].startswith("Stop the session?")


def test_wait_for_me_holds_the_get_ready_until_enter(
    make_harness: Callable[..., Harness], qtbot: QtBot, data_dir: Path
) -> None:
    settings_file = Paths.resolve(str(data_dir)).settings_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('{"wait_for_me": true}', encoding="utf-8")
    h = make_harness("start-small", "standard")
    p = h.window.player
    start(h, qtbot)
    c = h.window.session.controller
    assert c is not None
    h.advance(c.session.step.seconds or 0)
    assert h.state() is State.PAUSED and c.session.pause_reason is PauseReason.WAITING
    assert kind(h) is StepKind.WORK
    assert p.phase.text() == "Ready when you are"
    assert p.display.currentWidget() is p.main_page  # the exercise and its set-up stay in view, not "Paused"
    assert "Press Space or Enter" in p.notice.text()
    assert p.controls.toggle.text() == "Start"
    h.advance(60)  # nothing moves until the person is ready
    assert h.state() is State.PAUSED
    QTest.keyClick(p, Qt.Key.Key_Return)
    assert h.state() is State.GETTING_READY
    h.advance(3)
    assert h.state() is State.RUNNING and p.phase.text() == "Lift"
    assert h.speaker.texts.count("Press Space or Enter when you're ready.") == 1
