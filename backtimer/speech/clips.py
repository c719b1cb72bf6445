"""The voice clip cache: one WAV per distinct text, voice and rate, so every cue's length is known exactly."""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
import wave
from pathlib import Path

from backtimer.core.session.cues import estimate_seconds, speaking_rate

CACHE_VERSION = "2"  # bump when the way clips are made changes (e.g. trimming), so old clips are not reused
ABSURD_FACTOR = 4.0  # a clip this many times longer than the text's estimate (plus a few seconds) is not its clip
ABSURD_SLACK = 5.0


class ClipCache:
    """Where the clip of a text lives, and how long it is: exact when the clip exists, estimated before."""

    def __init__(self, folder: Path, voice: str, rate: int) -> None:
        self.folder = folder
        self.voice = voice
        self.rate = rate
        self._seconds: dict[str, float] = {}  # clips checked: a real WAV of a believable length

    def rate_for(self, text: str) -> int:
        """The rate this text is said at: instruction lines slower than counts, both following the voice rate."""
        return speaking_rate(text.strip(), self.rate)

    def path_for(self, text: str) -> Path:
        key = "\x1f".join((CACHE_VERSION, self.voice, str(self.rate_for(text)), text.strip()))
        return self.folder / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}.wav"

    def ready(self, text: str) -> Path | None:
        """The clip of ``text`` once it exists and checks out; a damaged or unbelievable one is removed (so it is
        made again) and a link or anything but a plain file is never used."""
        path = self.path_for(text)
        if text in self._seconds:
            return path
        seconds = checked_seconds(path, text, self.rate_for(text))
        if seconds is None:
            return None
        self._seconds[text] = seconds
        return path

    def duration(self, text: str) -> float:
        """Seconds ``text`` takes to say: the clip's exact length once it exists, an estimate until then."""
        if not text.strip():
            return 0.0
        if self.ready(text) is None:
            return estimate_seconds(text, self.rate)
        return self._seconds[text]

    def set_voice(self, voice: str) -> None:
        if voice != self.voice:
            self.voice = voice
            self._seconds.clear()

    def writable(self) -> bool:
        """Whether clips can be written here (creating the folder, 0700, if needed). The probe is a new file with an
        unguessable name that is never a link followed to somewhere else."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            probe = self.folder / f".probe-{secrets.token_hex(8)}"
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            os.close(os.open(probe, flags, 0o600))
            probe.unlink()
        except OSError:
            return False
        return True


def checked_seconds(path: Path, text: str, rate: int) -> float | None:
    """The length of the clip at ``path`` if it is a plain file holding a WAV of a believable length for ``text``;
    a file that fails is removed (the next request makes it again). None when there is no usable clip."""
    try:
        info = path.lstat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None  # a link, a pipe: never read, never played
    seconds = wav_seconds(path)
    limit = ABSURD_SLACK + ABSURD_FACTOR * estimate_seconds(text, rate)
    if seconds is None or not 0 < seconds <= limit:
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return seconds


def wav_seconds(path: Path) -> float | None:
    """The length of a WAV file, or None if it is not a readable WAV."""
    with contextlib.suppress(OSError, wave.Error, EOFError), wave.open(str(path), "rb") as clip:
        rate = clip.getframerate()
        return clip.getnframes() / rate if rate else None
    return None
