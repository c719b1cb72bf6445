"""The window's speaker under pytest-qt: real clips, real QMediaPlayer (silent here), and a GUI that never waits."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from backtimer.core.cues import Cue, Priority, Sound
from backtimer.core.snapshot import DueCue
from backtimer.speech.factory import make_speaker
from backtimer.speech.qt_speaker import QtSpeaker
from backtimer.speech.speaker import SilentSpeaker
from backtimer.speech.synth import Synthesizer
from backtimer.storage.paths import Paths
from backtimer.storage.settings import Settings
from tests.speech.conftest import QT_AUDIO_NOISE, Clips
from tests.speech.test_faults import HANGS

pytestmark = pytest.mark.qt_log_ignore(*QT_AUDIO_NOISE)


@pytest.fixture
def speaker(qtbot: QtBot, clips: Clips) -> Iterator[QtSpeaker]:
    made = QtSpeaker(clips.cache)
    made.prepare(clips.texts[:5])
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


def test_a_cue_is_spoken_from_its_clip(qtbot: QtBot, speaker: QtSpeaker) -> None:
    with qtbot.waitSignal(speaker.cueStarted, timeout=5000) as started:
        speaker.play(due("Rest 30 seconds.", sound=Sound.REST), time.monotonic())
    assert started.args is not None and started.args[0] == "Rest 30 seconds."
    assert speaker.notice() is None


def test_cancel_stops_at_once_and_forgets_what_waits(qtbot: QtBot, speaker: QtSpeaker) -> None:
    with qtbot.waitSignal(speaker.cueStarted, timeout=5000):
        speaker.play(due("Rest 30 seconds."), time.monotonic())
    speaker.play(due("Last set.", Priority.NORMAL), time.monotonic())
    speaker.cancel()
    with qtbot.assertNotEmitted(speaker.cueStarted, wait=300):
        pass


def test_muted_speaker_says_nothing(qtbot: QtBot, speaker: QtSpeaker) -> None:
    speaker.set_muted(True)
    with qtbot.assertNotEmitted(speaker.cueStarted, wait=300):
        speaker.play(due("Lift"), time.monotonic())


def test_a_stale_cue_is_dropped(qtbot: QtBot, speaker: QtSpeaker) -> None:
    old = DueCue(Cue(0, "Lift"), 0, time.monotonic() - 5)
    with qtbot.assertNotEmitted(speaker.cueStarted, wait=300):
        speaker.play(old, time.monotonic())


def test_a_clip_not_made_yet_is_made_at_once_and_spoken(qtbot: QtBot, tmp_path: Path) -> None:
    paths = Paths(data=tmp_path, config=tmp_path, cache=tmp_path / "cache")
    speaker = make_speaker(Settings(), paths, qt=True)
    assert isinstance(speaker, QtSpeaker)
    with qtbot.waitSignal(speaker.cueStarted, timeout=10000) as started:
        speaker.play(due("Something never said before.", Priority.OPTIONAL), time.monotonic())
    assert started.args is not None and started.args[0] == "Something never said before."
    assert speaker.duration("Something never said before.") > 0.5
    speaker.close()


def test_a_hung_engine_never_blocks_the_window_and_ends_in_beeps(qtbot: QtBot, clips: Clips) -> None:
    _timer, beats = heartbeat()
    factory = functools.partial(Synthesizer, command=[sys.executable, "-c", HANGS], synth_timeout=0.3, max_restarts=1)
    speaker = QtSpeaker(clips.cache.__class__(clips.cache.folder.parent / "empty", "", 175), synthesizer=factory)
    speaker.prepare(["Hold.", "Lift", "Lower"])
    speaker.play(due("Hold.", sound=Sound.WORK), time.monotonic())
    with qtbot.waitSignal(speaker.noticeChanged, timeout=10000) as notice:
        pass
    assert notice.args == ["The speech engine keeps failing (hung): beeps only."]
    assert speaker.notice() == notice.args[0]
    assert len(beats) > 20  # the event loop kept turning all along
    speaker.play(due("Lift", sound=Sound.TICK), time.monotonic())  # beeps only now: no waiting, no voice
    with qtbot.assertNotEmitted(speaker.cueStarted, wait=200):
        pass
    speaker.close()


def test_the_factory_follows_the_settings(qtbot: QtBot, tmp_path: Path) -> None:
    paths = Paths(data=tmp_path, config=tmp_path, cache=tmp_path / "cache")
    assert isinstance(make_speaker(Settings(voice_enabled=False, beeps=False), paths, qt=True), SilentSpeaker)
    beeps_only = make_speaker(Settings(voice_enabled=False), paths, qt=True)
    assert isinstance(beeps_only, QtSpeaker) and beeps_only.duration("Lift") == 0.0
    with qtbot.assertNotEmitted(beeps_only.cueStarted, wait=200):
        beeps_only.play(due("Lift", sound=Sound.WORK), time.monotonic())
    beeps_only.close()
    assert not (tmp_path / "cache").exists()  # no clips are made when the voice is off
