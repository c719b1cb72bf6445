"""The short sounds that mark work, rest, the last seconds and the finish (made by scripts/make_beeps.py)."""

from __future__ import annotations

from pathlib import Path

from backtimer.core.session.cues import Sound
from backtimer.resources import asset


def sound_path(sound: Sound) -> Path:
    return asset("sounds", f"{sound.value}.wav")
