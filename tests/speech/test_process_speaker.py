"""The speaker the window and the terminal share: real clips, a stand-in player process (no sound card here),
and a GUI thread that never waits on it."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from backtimer.core.session.cues import Cue, Priority, Sound
from backtimer.core.session.snapshot import DueCue
from backtimer.core.settings import Settings
from backtimer.speech.factory import clip_cache, make_speaker
from backtimer.speech.process_speaker import ProcessSpeaker
from backtimer.speech.speaker import SilentSpeaker
from backtimer.speech.synth import Synthesizer
from backtimer.storage.paths import Paths
from tests.speech.conftest import Clips, fake_player_command
from tests.speech.test_faults import HANGS


class Started:
    """Collects (text, seconds late) as the player processes start."""

    def __init__(self) -> None:
        self.items: list[tuple[str, float]] = []

    def __call__(self, text: str, late: float) -> None:
        self.items.append((text, late))

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self.items]


@pytest.fixture
def started() -> Started:
    return Started()


@pytest.fixture
def speaker(clips: Clips, started: Started) -> Iterator[ProcessSpeaker]:
    made = ProcessSpeaker(clips.cache, player=fake_player_command(), on_started=started)
    made.prepare(clips.texts[:5])
    assert made.wait_prepared(10)
    yield made
    made.close()


def due(text: str, priority: Priority = Priority.ESSENTIAL, sound: Sound | None = None) -> DueCue:
    return DueCue(Cue(0, text, priority, sound), 0, time.monotonic())


def heartbeat() -> tuple[QTimer, list[float]]:
    """Counts event-loop turns: if anything blocked the GUI thread, it would stop counting."""
    beats: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: beats.append(time.monotonic()))
    timer.start(5)
    return timer, beats


def test_a_cue_is_spoken_from_its_clip_promptly(
    qtbot: QtBot, clips: Clips, speaker: ProcessSpeaker, started: Started
) -> None:
    text = clips.texts[0]
    speaker.play(due(text, sound=Sound.REST), time.monotonic())
    qtbot.waitUntil(lambda: started.texts == [text], timeout=5000)
    assert speaker.notice() is None


def test_cancel_stops_at_once_and_forgets_what_waits(
    qtbot: QtBot, clips: Clips, speaker: ProcessSpeaker, started: Started
) -> None:
    first, second = clips.texts[0], clips.texts[1]
    speaker.play(due(first), time.monotonic())
    qtbot.waitUntil(lambda: started.texts == [first], timeout=5000)
    speaker.play(due(second, Priority.NORMAL), time.monotonic())
    speaker.cancel()
    assert not speaker.speaking()
    qtbot.wait(300)
    assert started.texts == [first]


def test_a_muted_or_stale_cue_is_not_spoken(
    qtbot: QtBot, clips: Clips, speaker: ProcessSpeaker, started: Started
) -> None:
    speaker.set_muted(True)
    speaker.play(due(clips.texts[0]), time.monotonic())
    speaker.set_muted(False)
    old = DueCue(Cue(0, clips.texts[1]), 0, time.monotonic() - 30)
    speaker.play(old, time.monotonic())
    qtbot.wait(300)
    assert started.texts == []


def test_a_clip_not_made_yet_is_made_at_once_and_spoken(qtbot: QtBot, tmp_path: Path) -> None:
    paths = Paths(data=tmp_path, config=tmp_path, cache=tmp_path / "cache")
    started = Started()
    cache, notice = clip_cache(Settings(), paths.voice_cache)
    assert cache is not None and notice is None
    speaker = ProcessSpeaker(cache, player=fake_player_command(), on_started=started)
    speaker.play(due("Something never said before.", Priority.OPTIONAL), time.monotonic())
    qtbot.waitUntil(lambda: started.texts == ["Something never said before."], timeout=10000)
    assert speaker.duration("Something never said before.") > 0.5
    speaker.close()


def test_a_hung_engine_never_blocks_the_window_and_ends_in_beeps(qtbot: QtBot, clips: Clips) -> None:
    _timer, beats = heartbeat()
    factory = functools.partial(Synthesizer, command=[sys.executable, "-c", HANGS], synth_timeout=0.3, max_restarts=1)
    started = Started()
    empty = clips.cache.__class__(clips.cache.folder.parent / "empty", "", 175)
    speaker = ProcessSpeaker(empty, player=fake_player_command(), synthesizer=factory, on_started=started)
    speaker.prepare(["Hold.", "Lift", "Lower"])
    speaker.play(due("Hold.", sound=Sound.WORK), time.monotonic())
    qtbot.waitUntil(lambda: speaker.notice() == "The speech engine keeps failing (hung): beeps only.", timeout=10000)
    assert len(beats) > 20  # the event loop kept turning all along
    speaker.play(due("Lift", sound=Sound.TICK), time.monotonic())  # beeps only now: no waiting, no voice
    qtbot.wait(200)
    assert started.texts == []
    speaker.close()


def test_the_factory_follows_the_settings(tmp_path: Path) -> None:
    paths = Paths(data=tmp_path, config=tmp_path, cache=tmp_path / "cache")
    assert isinstance(make_speaker(Settings(voice_enabled=False, beeps=False), paths.voice_cache), SilentSpeaker)
    beeps_only = make_speaker(Settings(voice_enabled=False), paths.voice_cache)
    assert isinstance(beeps_only, ProcessSpeaker) and beeps_only.duration("Lift") == 0.0
    beeps_only.close()
    assert not (tmp_path / "cache").exists()  # no clips are made when the voice is off
