"""Builds the speaker the settings ask for: the one call the composition root (and ``backtimer run``) makes."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from backtimer.core.settings import Settings
from backtimer.speech.clips import ClipCache
from backtimer.speech.speaker import SilentSpeaker, Speaker


def clip_cache(settings: Settings, voice_cache: Path) -> tuple[ClipCache | None, str | None]:
    """The clip cache for these settings, and a one-line notice when it had to go elsewhere (or nowhere)."""
    cache = ClipCache(voice_cache, settings.voice_name.strip(), settings.voice_rate)
    if cache.writable():
        return cache, None
    spare = ClipCache(Path(tempfile.gettempdir()) / "backtimer-voice", cache.voice, cache.rate)
    if spare.writable():
        return spare, f"Can't write voice clips to {voice_cache}: using a temporary folder."
    return None, f"Can't write voice clips to {voice_cache}: beeps only."


def make_speaker(settings: Settings, voice_cache: Path, *, clock: Callable[[], float] = time.monotonic) -> Speaker:
    """The speaker for the voice and beep settings, for the window and the terminal alike.

    Voice off and beeps off: a silent speaker. Voice off: beeps only. A cache that cannot be written anywhere,
    or an engine that is missing or keeps failing: beeps only, with a one-line ``notice()``.
    """
    if not settings.voice_enabled and not settings.beeps:
        return SilentSpeaker()
    cache, notice = clip_cache(settings, voice_cache) if settings.voice_enabled else (None, None)
    from backtimer.speech.process_speaker import ProcessSpeaker

    return ProcessSpeaker(cache, voice=settings.voice_enabled, beeps=settings.beeps, clock=clock, notice=notice)
