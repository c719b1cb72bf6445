"""Stands in for aplay where there is no sound card: "plays" a WAV by waiting for its length, then exits 0."""

from __future__ import annotations

import sys
import time
import wave

if __name__ == "__main__":
    with wave.open(sys.argv[-1], "rb") as clip:
        seconds = clip.getnframes() / clip.getframerate()
    time.sleep(seconds)
