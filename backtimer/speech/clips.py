"""The voice clip cache: one WAV per distinct text, voice and rate, so every cue's length is known exactly."""

from __future__ import annotations

import contextlib
import hashlib
import os
import wave
from pathlib import Path

from backtimer.core.session.cues import estimate_seconds, speaking_rate

CACHE_VERSION = "2"  # bump when the way clips are made changes (e.g. trimming), so old clips are not reused


class ClipCache:
    """Where the clip of a text lives, and how long it is: exact when the clip exists, estimated before."""

    def __init__(self, folder: Path, voice: str, rate: int) -> None:
        self.folder = folder
        self.voice = voice
        self.rate = rate
        self._seconds: dict[str, float] = {}

    def rate_for(self, text: str) -> int:
        """The rate this text is said at: instruction lines slower than counts, both following the voice rate."""
        return speaking_rate(text.strip(), self.rate)

    def path_for(self, text: str) -> Path:
        key = "\x1f".join((CACHE_VERSION, self.voice, str(self.rate_for(text)), text.strip()))
        return self.folder / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}.wav"

    def ready(self, text: str) -> Path | None:
        path = self.path_for(text)
        return path if path.is_file() else None

    def duration(self, text: str) -> float:
        """Seconds ``text`` takes to say: the clip's exact length once it exists, an estimate until then."""
        if not text.strip():
            return 0.0
        known = self._seconds.get(text)
        if known is not None:
            return known
        path = self.ready(text)
        if path is None:
            return estimate_seconds(text, self.rate)
        seconds = wav_seconds(path)
        if seconds is None:
            return estimate_seconds(text, self.rate)
        self._seconds[text] = seconds
        return seconds

    def set_voice(self, voice: str) -> None:
        if voice != self.voice:
            self.voice = voice
            self._seconds.clear()

    def writable(self) -> bool:
        """Whether clips can be written here (creating the folder if needed)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            probe = self.folder / f".probe-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError:
            return False
        return True


def wav_seconds(path: Path) -> float | None:
    """The length of a WAV file, or None if it is not a readable WAV."""
    with contextlib.suppress(OSError, wave.Error, EOFError), wave.open(str(path), "rb") as clip:
        rate = clip.getframerate()
        return clip.getnframes() / rate if rate else None
    return None
