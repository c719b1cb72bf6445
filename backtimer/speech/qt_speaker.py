"""The window's speaker: clips made ahead of time by the worker, played with QtMultimedia on the GUI thread.

Nothing here waits: clip synthesis runs on a background thread (which talks to the worker process), and
QMediaPlayer plays asynchronously. Results come back to the GUI thread through a queued signal.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QLoggingCategory, QObject, Qt, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from backtimer.core.snapshot import DueCue
from backtimer.speech.beeps import sound_path
from backtimer.speech.clips import ClipCache
from backtimer.speech.lineup import BEEP_STALE_AFTER, Lineup, stale
from backtimer.speech.synth import Synthesizer

# Qt Multimedia lists every optional library it did not find (pipewire, VA-API) as a warning: noise for a
# player of short WAV clips.
QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")


class QtSpeaker(QObject):
    """Speaks cues from cached clips; beeps on a second player; falls back to beeps only with a notice."""

    noticeChanged = Signal(str)
    cueStarted = Signal(str, float)  # text, seconds late (due -> the player reports it is playing)
    _clipReady = Signal(str)  # from the synthesizer's thread
    _noticeFromWorker = Signal(str)

    def __init__(
        self,
        cache: ClipCache | None,
        *,
        voice: bool = True,
        beeps: bool = True,
        volume: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        notice: str | None = None,
        synthesizer: Callable[..., Synthesizer] = Synthesizer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._beeps = beeps
        self._muted = False
        self._notice = notice
        self._lineup = Lineup()
        self._ready: set[str] = set()
        self._voice_player, self._voice_out = self._player(volume)
        self._beep_player, self._beep_out = self._player(volume)
        self._voice_player.playbackStateChanged.connect(self._on_voice_state)
        self._voice_player.mediaStatusChanged.connect(self._on_voice_status)
        self._voice_player.errorOccurred.connect(self._on_voice_error)
        self._clipReady.connect(self._on_clip_ready, Qt.ConnectionType.QueuedConnection)
        self._noticeFromWorker.connect(self._set_notice, Qt.ConnectionType.QueuedConnection)
        self._synth: Synthesizer | None = None
        if voice and cache is not None:
            self._synth = synthesizer(cache, self._clipReady.emit, self._noticeFromWorker.emit)

    def _player(self, volume: float) -> tuple[QMediaPlayer, QAudioOutput]:
        player = QMediaPlayer(self)
        output = QAudioOutput(self)
        output.setVolume(volume)
        player.setAudioOutput(output)
        return player, output

    # ----- Speaker -------------------------------------------------------------------------------------------
    def prepare(self, texts: Iterable[str]) -> None:
        if self._synth is not None:
            self._synth.request(texts)

    def play(self, cue: DueCue, now: float) -> None:
        if self._muted:
            return
        if cue.cue.sound is not None and self._beeps and now - cue.due_at <= BEEP_STALE_AFTER:
            self._beep_player.setSource(QUrl.fromLocalFile(str(sound_path(cue.cue.sound))))
            self._beep_player.play()
        if self._synth is None or self._synth.failed or not cue.cue.text.strip() or stale(cue, now):
            return
        text = cue.cue.text.strip()
        if text not in self._ready:
            self._synth.request([text], urgent=True)  # late for this time, maybe, but known from now on
        self._lineup.offer(cue)
        self._pump()

    def cancel(self) -> None:
        self._lineup.clear()
        self._voice_player.stop()

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if muted:
            self.cancel()
            self._beep_player.stop()

    def notice(self) -> str | None:
        return self._notice

    def close(self) -> None:
        self.cancel()
        self._beep_player.stop()
        if self._synth is not None:
            self._synth.close()

    # ----- extras for the window --------------------------------------------------------------------------
    def duration(self, text: str) -> float:
        """Seconds the voice takes to say ``text``: exact once its clip exists (for build_plan's ``durations``)."""
        if self._synth is None:
            return 0.0
        return self._synth.cache.duration(text)

    def set_volume(self, volume: float) -> None:
        self._voice_out.setVolume(volume)
        self._beep_out.setVolume(volume)

    def clips_pending(self) -> bool:
        return self._synth is not None and not self._synth.failed and not self._synth.idle()

    @property
    def dropped(self) -> int:
        return self._lineup.dropped

    # ----- internals --------------------------------------------------------------------------------------
    def _pump(self) -> None:
        due = self._lineup.pick(self._clock(), lambda t: t.strip() in self._ready)
        if due is None or self._synth is None:
            return
        path = self._synth.cache.ready(due.cue.text.strip())
        if path is None:  # the cache was cleared under us: make it again
            self._ready.discard(due.cue.text.strip())
            self._lineup.finished()
            return
        url = QUrl.fromLocalFile(str(path))
        if self._voice_player.source() == url:
            self._voice_player.setPosition(0)  # the same clip again: setSource would do nothing
        else:
            self._voice_player.setSource(url)
        self._voice_player.play()

    def _on_voice_state(self, state: QMediaPlayer.PlaybackState) -> None:
        current = self._lineup.current
        if state is QMediaPlayer.PlaybackState.PlayingState and current is not None:
            self.cueStarted.emit(current.cue.text, self._clock() - current.due_at)

    def _on_voice_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status is QMediaPlayer.MediaStatus.EndOfMedia:
            self._lineup.finished()
            self._pump()

    def _on_voice_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        self._lineup.finished()
        self._set_notice(f"Can't play voice clips ({message}).")

    def _on_clip_ready(self, text: str) -> None:
        self._ready.add(text)
        if self._lineup.waiting:
            self._pump()

    def _set_notice(self, notice: str) -> None:
        if notice != self._notice:
            self._notice = notice
            self.noticeChanged.emit(notice)
