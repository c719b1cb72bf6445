"""The real engine: every cue text of every built-in routine and level becomes a sane WAV clip."""

from __future__ import annotations

import array
import re
import wave

from backtimer.core.session.cues import estimate_seconds
from tests.speech.conftest import Clips

WORD = re.compile(r"[\w']+")


def test_every_cue_text_becomes_a_sane_clip(clips: Clips) -> None:
    assert len(clips.texts) > 120  # all routines, all levels: counts, phase words, rests, how-tos
    problems = []
    for text in clips.texts:
        path = clips.cache.ready(text)
        assert path is not None, text
        with wave.open(str(path), "rb") as clip:
            rate, width, channels = clip.getframerate(), clip.getsampwidth(), clip.getnchannels()
            samples = array.array("h", clip.readframes(clip.getnframes()))
        seconds = len(samples) / rate
        words = max(len(WORD.findall(text)), 1)
        peak = max(abs(s) for s in samples)
        if (rate, width, channels) != (22050, 2, 1):
            problems.append(f"{text!r}: {rate} Hz, {width * 8}-bit, {channels} channels")
        if peak < 3000:
            problems.append(f"{text!r}: silent (peak {peak})")
        if not 0.1 + 0.12 * words <= seconds <= 0.8 + 0.6 * words:
            problems.append(f"{text!r}: {seconds:.2f} s for {words} words")
    assert problems == []


def test_clip_lengths_are_read_exactly_and_estimates_stay_close(clips: Clips) -> None:
    ratios = []
    for text in clips.texts:
        exact = clips.cache.duration(text)
        path = clips.cache.ready(text)
        assert path is not None
        with wave.open(str(path), "rb") as clip:
            assert exact == clip.getnframes() / clip.getframerate()
        ratios.append(estimate_seconds(text) / exact)
    # the estimate is only a stand-in until the clips exist, but it must be in the right range
    assert 0.7 < sum(ratios) / len(ratios) < 1.4
    assert min(ratios) > 0.45 and max(ratios) < 2.5
