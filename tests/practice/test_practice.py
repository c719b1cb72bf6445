"""The application layer on its own: a whole run on a fake clock, with a real history file and no Qt."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from backtimer.core.content.model import Level
from backtimer.core.session.snapshot import State
from backtimer.core.settings import Settings
from backtimer.practice.history import StoredHistory
from backtimer.practice.notices import Notices
from backtimer.practice.preferences import Preferences
from backtimer.practice.run import PracticeRun
from backtimer.practice.starting import Practice
from backtimer.speech.speaker import Speaker
from backtimer.storage.history import HistoryStore
from tests.helpers import FakeClock, RecordingSpeaker, builtin_catalog


def make_practice(tmp_path: Path, settings: Settings | None = None) -> tuple[Practice, FakeClock, list[Speaker]]:
    clock = FakeClock()
    made: list[Speaker] = []

    def speaker(_settings: Settings) -> Speaker:
        made.append(RecordingSpeaker())
        return made[-1]

    saved: list[Settings] = []
    notices = Notices()
    practice = Practice(
        Preferences(settings or Settings(), saved.append),
        clock,
        make_speaker=speaker,
        history=StoredHistory(tmp_path / "history.sqlite3", notices),
        notices=notices,
    )
    return practice, clock, made


def run_to_end(run: PracticeRun, clock: FakeClock, limit: float = 4000) -> None:
    run.begin()
    spent = 0.0
    while not run.ended:
        left = run.seconds_to_next_event()
        step = min(left if left is not None else 1.0, 1.0) + 1e-3
        if run.session.step.seconds is None and run.state is State.RUNNING:
            run.done()  # reps at one's own pace: the person says when
        clock.advance(step)
        run.tick()
        spent += step
        assert spent < limit


def test_a_whole_run_is_spoken_recorded_and_summed_up(tmp_path: Path) -> None:
    practice, clock, made = make_practice(tmp_path)
    routine = builtin_catalog().routines["start-small"]
    run = practice.start(routine, Level.BEGINNER)
    run_to_end(run, clock)
    assert run.state is State.FINISHED and run.saved
    speaker = made[0]
    assert isinstance(speaker, RecordingSpeaker)
    assert speaker.texts[-1].startswith("Well done, that's the whole routine. That's day one of your streak.")
    summary = run.summary({})
    assert summary.completed and summary.done_count == 3
    assert summary.lines()[0][0] == "Glute bridge"
    practice.close()
    records = HistoryStore(tmp_path / "history.sqlite3").sessions()
    assert len(records) == 1 and records[0].completed and records[0].routine == "start-small"
    assert practice.preferences.current.last_routine == "start-small"  # the choice is remembered


def test_the_wake_ups_follow_next_event_at_and_land_on_every_new_second(tmp_path: Path) -> None:
    practice, clock, _made = make_practice(tmp_path)
    run = practice.start(builtin_catalog().routines["core-stability"], Level.BEGINNER)
    run.begin()
    shown = set()
    for _ in range(40):
        left = run.seconds_to_next_event()
        assert left is not None and 0 <= left <= 1.0 + 1e-6  # a countdown shows a new number each second
        clock.advance(left + 1e-4)
        snap = run.tick().snapshot
        shown.add(round(snap.get_ready_left or snap.seconds_left or 0))
    assert len(shown) >= 10


def test_a_voice_change_renews_the_speaker_only_between_sessions(tmp_path: Path) -> None:
    practice, _clock, made = make_practice(tmp_path)
    routine = builtin_catalog().routines["start-small"]
    practice.prepare_voice(routine, Level.BEGINNER)
    assert len(made) == 1
    practice.preferences.apply(replace(practice.settings, theme="dark"))  # not about the voice: kept
    assert practice.speaker is made[0]
    run = practice.start(routine, Level.BEGINNER)
    run.begin()
    practice.preferences.apply(replace(practice.settings, voice_rate=150))  # mid-session: the voice stays
    assert practice.speaker is made[0]
    run.stop()
    practice.finish()
    practice.preferences.apply(replace(practice.settings, voice_rate=140))
    assert practice.speaker is made[1] and len(made) == 2


def test_listeners_hear_every_settings_change_and_a_failed_save_is_one_line(tmp_path: Path) -> None:
    heard: list[tuple[int, int]] = []

    def save(_settings: Settings) -> None:
        raise PermissionError(13, "Permission denied")

    preferences = Preferences(Settings(), save)
    preferences.subscribe(lambda old, new: heard.append((old.weekly_goal, new.weekly_goal)))
    problem = preferences.apply(replace(preferences.current, weekly_goal=5))
    assert heard == [(3, 5)] and preferences.current.weekly_goal == 5
    assert problem is not None and "Permission denied" in problem and "\n" not in problem
    assert preferences.apply(preferences.current) is None and len(heard) == 1  # no change, no news


def test_a_stop_mid_session_is_recorded_as_stopped_with_what_was_done(tmp_path: Path) -> None:
    practice, clock, _made = make_practice(tmp_path)
    run = practice.start(builtin_catalog().routines["start-small"], Level.BEGINNER)
    run.begin()
    while run.session.step.kind.value != "work":
        clock.advance(1.0)
        run.tick()
    clock.advance(5.0)
    run.tick()
    states: list[State] = []
    run.on_state(states.append)
    run.stop()
    assert states == [State.STOPPED] and run.ended
    practice.close()
    (record,) = HistoryStore(tmp_path / "history.sqlite3").sessions()
    assert not record.completed and record.exercises and record.exercises[0].reps_done >= 1


def test_notices_reach_a_late_listener_in_order() -> None:
    notices = Notices(["first"])
    notices.post("second")
    heard: list[str] = []
    notices.subscribe(heard.append)
    notices.post("third")
    assert heard == ["first", "second", "third"]
