"""The terminal's speaker and ``backtimer say``: real clips, a stand-in player (no sound card here)."""

from __future__ import annotations

import time
import wave
from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.core.session.cues import Cue, Sound
from backtimer.core.session.snapshot import DueCue
from backtimer.speech.process_speaker import ProcessSpeaker
from tests.speech.conftest import Clips, fake_player_command


def wait_for(condition: object, limit: float = 10.0) -> None:
    assert callable(condition)
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_terminal_speaker_plays_clips_through_a_player_process(clips: Clips) -> None:
    speaker = ProcessSpeaker(clips.cache, player=fake_player_command())
    speaker.prepare(["Lift", "Lower, 1"])
    assert speaker.wait_prepared(10)
    speaker.play(DueCue(Cue(0, "Lift", sound=Sound.WORK), 0, time.monotonic()), time.monotonic())
    assert speaker.speaking()
    speaker.cancel()
    assert not speaker.speaking()
    speaker.play(DueCue(Cue(0, "Lower, 1"), 0, time.monotonic()), time.monotonic())
    wait_for(lambda: not speaker.speaking())
    assert speaker.notice() is None
    speaker.close()


def test_terminal_speaker_without_a_sound_card_says_so_once(clips: Clips) -> None:
    speaker = ProcessSpeaker(clips.cache, player=["aplay", "-q"])
    speaker.play(DueCue(Cue(0, "Lift"), 0, time.monotonic()), time.monotonic())
    wait_for(lambda: speaker.notice() is not None)
    assert speaker.notice() == "No sound output (the player failed): the cues are shown as text only."
    speaker.close()


def test_say_writes_a_wav_with_the_configured_voice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "hello.wav"
    assert main(["say", "Hello from backtimer.", "--to", str(target)]) == 0
    with wave.open(str(target), "rb") as clip:
        assert clip.getframerate() == 22050 and clip.getnframes() > 22050 // 2
    assert str(target) in capsys.readouterr().out


def test_say_rejects_bad_input_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["say", "   "]) == 2
    assert main(["say", "Hi", "--to", str(tmp_path / "missing" / "x.wav")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "backtimer: TEXT is empty: give some words to say",
        f"backtimer: --to: the folder {tmp_path / 'missing'} does not exist",
    ]


def test_run_speaks_unless_told_not_to(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "start-small", "--level", "beginner", "--speed", "1000"]) == 0
    out = capsys.readouterr()
    assert "Well done, that's the whole routine." in out.out
    # without a sound card (as here) the run says so in one line and goes on; with one, nothing is printed
    assert out.err.count("\n") <= 1 and ("No sound output" in out.err or out.err == "")
    assert main(["run", "start-small", "--level", "beginner", "--speed", "1000", "--no-voice"]) == 0
    assert capsys.readouterr().err == ""
