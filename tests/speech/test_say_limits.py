"""``say`` with very long texts and a player that hangs; the real engine, real WAV files."""

from __future__ import annotations

import sys
import wave
from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.commands.say import MAX_TEXT, _play
from backtimer.speech.worker import chunks

SENTENCE = "Lift the arm slowly and breathe out. "


@pytest.mark.parametrize("size", [4 * 1024, 32 * 1024])
def test_long_texts_are_said_in_pieces(size: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (SENTENCE * (size // len(SENTENCE) + 1))[:size]
    target = tmp_path / "long.wav"
    assert main(["say", text, "--to", str(target)]) == 0, capsys.readouterr().err  # before: exit 1 (or a crash)
    out, err = capsys.readouterr()
    assert err == "" and ".tmp" not in out
    words = len(text.split())
    with wave.open(str(target), "rb") as clip:
        seconds = clip.getnframes() / clip.getframerate()
    assert 0.15 * words < seconds < 0.6 * words  # all of it, at a speaking pace
    assert [p.name for p in tmp_path.iterdir()] == ["long.wav"]  # no pieces left behind


def test_pieces_keep_every_word_and_respect_the_limit() -> None:
    text = SENTENCE * 50 + "x" * 1000
    pieces = chunks(text, 400)
    assert all(len(p) <= 400 for p in pieces) and "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_a_text_beyond_the_limit_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["say", "a " * MAX_TEXT]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("backtimer: TEXT is too long")


def test_a_hung_player_times_out_after_the_clip_not_after_two_minutes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clip = tmp_path / "short.wav"
    with wave.open(str(clip), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x00" * 1600)
    hung = [sys.executable, "-c", "import time; time.sleep(600)"]
    assert _play(clip, 0.2, hung, slack=0.5) == 1
    assert "did not finish within 1 s" in capsys.readouterr().err  # before: a fixed 120 s
