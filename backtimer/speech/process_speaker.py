"""The speaker of the window and of ``backtimer run``: clips play through a small player process (aplay, afplay,
...) started and watched by one background thread; ``play`` only hands cues over.

Why a process and not QtMultimedia: on this kind of machine (no sound card) QMediaPlayer.stop() hung the GUI
thread or crashed the process in about one test run in three (PySide6 6.11, FFmpeg backend). Killing a player
process never blocks, a clip's length is known exactly from the WAV, and the terminal needs no Qt at all.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from backtimer.core.session.snapshot import DueCue
from backtimer.speech.beeps import sound_path
from backtimer.speech.clips import ClipCache
from backtimer.speech.lineup import BEEP_STALE_AFTER, Lineup, stale
from backtimer.speech.synth import Synthesizer

POLL = 0.01  # seconds between looks at the player process while a clip plays
IDLE_WAIT = 1.0  # with nothing playing or waiting: play() and clip_ready() notify, this is only a safety net
PLAYERS = (("aplay", "-q"), ("afplay",), ("paplay",), ("pw-play",))


def default_player() -> list[str] | None:
    """A command that plays one WAV file given as its last argument and exits when done."""
    for command in PLAYERS:
        found = shutil.which(command[0])
        if found:
            return [found, *command[1:]]
    if sys.platform == "win32":
        return [sys.executable, "-c", "import sys, winsound; winsound.PlaySound(sys.argv[1], winsound.SND_FILENAME)"]
    return None


class ProcessSpeaker:
    """Speaks cues from cached clips through a player process; beeps through a second one."""

    def __init__(
        self,
        cache: ClipCache | None,
        *,
        voice: bool = True,
        beeps: bool = True,
        player: Sequence[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        notice: str | None = None,
        synthesizer: Callable[..., Synthesizer] = Synthesizer,
        on_started: Callable[[str, float], None] | None = None,
    ) -> None:
        self._clock = clock
        self._on_started = on_started  # (text, seconds late): for measurements and tests
        self._beeps = beeps
        self._player = list(player) if player is not None else default_player()
        self._notice = notice if self._player is not None else "No sound player found: the cues are shown as text only."
        self._muted = False
        self._closed = False
        self._lineup = Lineup()
        self._ready: set[str] = set()
        self._cond = threading.Condition()
        self._voice_proc: tuple[subprocess.Popen[bytes], float] | None = None
        self._beep_proc: subprocess.Popen[bytes] | None = None
        self._synth: Synthesizer | None = None
        if voice and cache is not None and self._player is not None:
            self._synth = synthesizer(cache, self._clip_ready, self._set_notice)
        self._thread = threading.Thread(target=self._run, name="backtimer-voice", daemon=True)
        self._thread.start()

    # ----- Speaker -------------------------------------------------------------------------------------------
    def prepare(self, texts: Iterable[str]) -> None:
        if self._synth is not None:
            self._synth.request(texts)

    def play(self, cue: DueCue, now: float) -> None:
        if self._muted or self._player is None:
            return
        if cue.cue.sound is not None and self._beeps and now - cue.due_at <= BEEP_STALE_AFTER:
            with self._cond:
                _stop(self._beep_proc)
                self._beep_proc = self._start(sound_path(cue.cue.sound))
        if self._synth is None or self._synth.failed or not cue.cue.text.strip() or stale(cue, now):
            return
        with self._cond:
            if cue.cue.text.strip() not in self._ready:
                self._synth.request([cue.cue.text], urgent=True)
            self._lineup.offer(cue)
            self._cond.notify()

    def cancel(self) -> None:
        with self._cond:
            self._lineup.clear()
            if self._voice_proc is not None:
                _stop(self._voice_proc[0])
                self._voice_proc = None

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if muted:
            self.cancel()

    def notice(self) -> str | None:
        return self._notice

    def close(self) -> None:
        self.cancel()
        with self._cond:
            self._closed = True
            _stop(self._beep_proc)
            self._cond.notify()
        if self._synth is not None:
            self._synth.close()
        self._thread.join(timeout=2)

    # ----- extras --------------------------------------------------------------------------------------------
    def duration(self, text: str) -> float:
        return self._synth.cache.duration(text) if self._synth is not None else 0.0

    def wait_prepared(self, timeout: float) -> bool:
        """Block until every clip asked for is made (the terminal has nothing better to do before starting)."""
        deadline = time.monotonic() + timeout
        while self._synth is not None and not self._synth.failed and not self._synth.idle():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def speaking(self) -> bool:
        with self._cond:
            return self._voice_proc is not None or bool(self._lineup.waiting)

    # ----- the background thread -----------------------------------------------------------------------------
    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                self._check_voice()
                self._pump()
                # Look often only while a clip plays or cues wait; otherwise sleep until play() or a clip wakes us.
                busy = self._voice_proc is not None or bool(self._lineup.waiting)
                self._cond.wait(POLL if busy else IDLE_WAIT)

    def _check_voice(self) -> None:
        if self._voice_proc is None:
            return
        proc, started = self._voice_proc
        code = proc.poll()
        if code is None:
            return
        self._voice_proc = None
        self._lineup.finished()
        if code != 0 and time.monotonic() - started < 0.5:  # the player could not even open the sound device
            self._player = None
            self._set_notice("No sound output (the player failed): the cues are shown as text only.")

    def _pump(self) -> None:
        if self._synth is None or self._player is None:
            return
        due = self._lineup.pick(self._clock(), lambda t: t.strip() in self._ready)
        if due is None:
            return
        path = self._synth.cache.ready(due.cue.text.strip())
        if self._voice_proc is not None:
            _stop(self._voice_proc[0])
            self._voice_proc = None
        if path is None:
            self._lineup.finished()
            return
        proc = self._start(path)
        self._voice_proc = (proc, time.monotonic()) if proc is not None else None
        if proc is None:
            self._lineup.finished()
        elif self._on_started is not None:
            self._on_started(due.cue.text, self._clock() - due.due_at)

    def _start(self, path: Path) -> subprocess.Popen[bytes] | None:
        if self._player is None:
            return None
        try:
            return subprocess.Popen(
                [*self._player, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError:
            self._player = None
            self._notice = "No sound output (the player could not start): the cues are shown as text only."
            return None

    def _clip_ready(self, text: str) -> None:
        with self._cond:
            self._ready.add(text)
            self._cond.notify()

    def _set_notice(self, notice: str) -> None:
        self._notice = notice


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    """Kill a player; called on the GUI thread (pause, skip), so the wait for it to go is bounded."""
    if proc is not None and proc.poll() is None:
        proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.2)
