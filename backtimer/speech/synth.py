"""The parent side of the speech worker: start it, ask it for clips with a time limit, restart it when it fails.

Everything here blocks, so it runs only on the background thread of :class:`Synthesizer` (or in a command-line
tool that has nothing else to do). The GUI thread never waits on the worker.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from backtimer.speech.clips import ClipCache
from backtimer.speech.speaker import VoiceInfo, WorkerFailed

START_TIMEOUT = 15.0  # seconds for the worker to import pyttsx3 and start the engine (a cold disk is slow)
SYNTH_TIMEOUT = 6.0  # seconds for one clip: espeak needs ~10 ms, so this only catches a hung engine
MAX_RESTARTS = 3  # fresh workers after crashes or hangs in a row before giving up on the voice


def worker_command() -> list[str]:
    return [sys.executable, "-m", "backtimer.speech.worker"]


class WorkerProcess:
    """One running worker. Blocking calls, each with a time limit; a hung or dead worker is killed."""

    def __init__(self, command: Sequence[str] | None = None, start_timeout: float = START_TIMEOUT) -> None:
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        try:
            self._proc = subprocess.Popen(
                list(command or worker_command()),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                bufsize=1,
                env=env,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as err:  # no interpreter, too many open files: the same as a missing engine
            raise WorkerFailed("missing", f"the speech worker could not start ({err.strerror or err})") from None
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, name="backtimer-speech-reader", daemon=True).start()
        hello = self._next(start_timeout)
        if not hello.get("ready"):
            self.kill()
            raise WorkerFailed("missing", str(hello.get("error") or "the speech engine did not start"))
        self.default_voice = str(hello.get("default_voice") or "")

    def _read(self) -> None:
        stdout = self._proc.stdout
        assert stdout is not None
        for line in stdout:
            self._lines.put(line)
        self._lines.put(None)

    def call(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        stdin = self._proc.stdin
        assert stdin is not None
        try:
            stdin.write(json.dumps(request) + "\n")
            stdin.flush()
        except OSError as err:
            self.kill()
            raise WorkerFailed("crashed", f"the worker stopped ({err})") from err
        return self._next(timeout)

    def _next(self, timeout: float) -> dict[str, Any]:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            raise WorkerFailed("hung", f"no answer within {timeout:g} s") from None
        if line is None:
            self.kill()
            raise WorkerFailed("crashed", f"the worker exited (status {self._proc.poll()})")
        try:
            answer = json.loads(line)
        except ValueError:
            self.kill()
            raise WorkerFailed("crashed", f"the worker said something unreadable: {line.strip()[:60]!r}") from None
        if not isinstance(answer, dict):
            self.kill()
            raise WorkerFailed("crashed", "the worker's answer was not an object")
        return answer

    def voices(self, timeout: float = SYNTH_TIMEOUT) -> list[VoiceInfo]:
        answer = self.call({"op": "voices"}, timeout)
        return [VoiceInfo(str(v["id"]), str(v["name"]), tuple(v.get("languages", ()))) for v in answer["voices"]]

    def synth(self, text: str, voice: str, rate: int, path: Path, timeout: float = SYNTH_TIMEOUT) -> dict[str, Any]:
        request = {"op": "synth", "text": text, "voice": voice, "rate": rate, "path": str(path)}
        return self.call(request, timeout + len(text) * 0.02)

    def kill(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):  # a process that survives SIGKILL: leave it
            self._proc.wait(timeout=5)
        for stream in (self._proc.stdin, self._proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


def resolve_voice(wanted: str, voices: Iterable[VoiceInfo]) -> str | None:
    """The id of the voice the user named (by id or by name, any case); None if no installed voice matches."""
    key = wanted.strip().casefold()
    for voice in voices:
        if key in (voice.id.casefold(), voice.name.casefold()):
            return voice.id
    return None


def list_voices(command: Sequence[str] | None = None) -> list[VoiceInfo]:
    """The engine's voices (blocking: call it off the GUI thread). Raises WorkerFailed when there is no engine."""
    worker = WorkerProcess(command)
    try:
        return worker.voices()
    finally:
        worker.kill()


class Synthesizer:
    """Turns texts into clips on a background thread, in order, urgent ones first; never blocks its caller.

    ``on_ready(text)`` is called (on the background thread) when a text's clip exists. ``on_notice(line)`` reports
    a one-line change of state: an unknown voice, or the engine given up on (``failed`` is then set: beeps only).
    """

    def __init__(
        self,
        cache: ClipCache,
        on_ready: Callable[[str], None],
        on_notice: Callable[[str], None],
        *,
        command: Sequence[str] | None = None,
        start_timeout: float = START_TIMEOUT,
        synth_timeout: float = SYNTH_TIMEOUT,
        max_restarts: int = MAX_RESTARTS,
    ) -> None:
        self.cache = cache
        self._on_ready = on_ready
        self._on_notice = on_notice
        self._command = command
        self._start_timeout = start_timeout
        self._synth_timeout = synth_timeout
        self._max_restarts = max_restarts
        self._restarts_left = max_restarts
        self._jobs: deque[str] = deque()
        self._cond = threading.Condition()
        self._closed = False
        self._worker: WorkerProcess | None = None
        self._voice_checked = False
        self.failed: str | None = None
        self._thread = threading.Thread(target=self._run, name="backtimer-speech", daemon=True)
        self._thread.start()

    def request(self, texts: Iterable[str], *, urgent: bool = False) -> None:
        wanted = [t for t in dict.fromkeys(t.strip() for t in texts) if t]
        with self._cond:
            if self.failed or self._closed:
                return
            if urgent:
                self._jobs.extendleft(reversed(wanted))
            else:
                self._jobs.extend(wanted)
            self._cond.notify()

    def idle(self) -> bool:
        """Nothing queued (the clip being made, if any, is not counted)."""
        with self._cond:
            return not self._jobs

    def close(self) -> None:
        """Stop: kill the worker and wait briefly for the thread, so no callback comes after this returns."""
        with self._cond:
            self._closed = True
            self._jobs.clear()
            self._cond.notify()
        worker = self._worker
        if worker is not None:
            worker.kill()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=2)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._jobs and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                text = self._jobs.popleft()
            self._make(text)

    def _ready(self, text: str) -> None:
        with self._cond:
            if self._closed:
                return
        self._on_ready(text)

    def _make(self, text: str) -> None:
        if self.cache.ready(text) is not None:
            self._ready(text)
            return
        for _attempt in range(2):  # a text that fails twice is skipped, the rest go on
            try:
                worker = self._ensure_worker()
                answer = worker.synth(
                    text, self.cache.voice, self.cache.rate_for(text), self.cache.path_for(text), self._synth_timeout
                )
            except WorkerFailed as err:
                self._fault(err)
                if self.failed or self._closed:
                    return
                continue
            if answer.get("ok"):
                self._restarts_left = self._max_restarts  # the budget is for failures in a row
                self._ready(text)
            elif answer.get("fatal"):
                self._fault(WorkerFailed("crashed", str(answer.get("error"))))
                if self.failed or self._closed:
                    return
                continue
            return

    def _ensure_worker(self) -> WorkerProcess:
        if self._worker is None:
            self._worker = WorkerProcess(self._command, self._start_timeout)
        if not self._voice_checked:
            self._check_voice(self._worker)
            self._voice_checked = True
        return self._worker

    def _check_voice(self, worker: WorkerProcess) -> None:
        wanted = self.cache.voice
        if not wanted:
            return
        found = resolve_voice(wanted, worker.voices(self._synth_timeout))
        if found is None:
            self.cache.set_voice("")
            self._on_notice(f"Voice “{wanted}” is not installed: using the default voice.")
        else:
            self.cache.set_voice(found)

    def _fault(self, err: WorkerFailed) -> None:
        if self._worker is not None:
            self._worker.kill()
            self._worker = None
        if self._closed:
            return
        if err.kind == "missing":
            self._give_up(f"No speech engine ({_first_line(err.detail)}): beeps only.")
        elif self._restarts_left <= 0:
            self._give_up(f"The speech engine keeps failing ({err.kind}): beeps only.")
        else:
            self._restarts_left -= 1

    def _give_up(self, notice: str) -> None:
        with self._cond:
            self.failed = notice
            self._jobs.clear()
        self._on_notice(notice)


def _first_line(text: str, limit: int = 80) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "unknown error"
    return line if len(line) <= limit else line[: limit - 1] + "…"
