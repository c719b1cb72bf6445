"""The sound check run before the first session, against real processes."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from backtimer.speech.sound_check import NO_CARD, NO_PLAYER, play_test_sound, sound_problem


def test_no_player_at_all_is_said_in_one_line() -> None:
    assert sound_problem(["/nonexistent/aplay", "-q"]) == NO_PLAYER
    assert play_test_sound(["/nonexistent/aplay", "-q"]) is not None


@pytest.mark.skipif(shutil.which("aplay") is None, reason="needs alsa-utils")
def test_aplay_card_list_decides() -> None:
    listed = subprocess.run(["aplay", "-l"], capture_output=True, text=True, check=False).stdout
    has_card = any(line.startswith("card ") for line in listed.splitlines())
    assert sound_problem([shutil.which("aplay") or "aplay", "-q"]) == (None if has_card else NO_CARD)


def test_the_test_beep_reports_how_the_player_ended() -> None:
    assert play_test_sound(["true"]) is None
    failed = play_test_sound(["sh", "-c", "echo 'cannot open audio device' >&2; exit 1", "player"])
    assert failed is not None and "cannot open audio device" in failed
