"""The Voice page of the settings: voice on/off, which voice, rate, volume, counting, beeps, and a test button.

It takes a Settings in and gives an updated one back (``apply_to``); saving is the settings dialog's business.
The engine's voice list comes from the speech worker on a background thread: the window never waits for it.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from backtimer.core.session.cues import Cue, Priority, Sound
from backtimer.core.session.snapshot import DueCue
from backtimer.core.settings import Settings
from backtimer.speech.speaker import Speaker, VoiceInfo, WorkerFailed

TEST_TEXT = "Lift your hips, hold, and lower. Three, two, one."
MakeSpeaker = Callable[[Settings], Speaker]
ListVoices = Callable[[], Sequence[VoiceInfo]]


class VoiceSettings(QWidget):
    """Edits the voice and sound fields of a Settings; ``settingsChanged`` follows every edit."""

    settingsChanged = Signal(object)  # Settings

    def __init__(
        self,
        settings: Settings,
        *,
        make_speaker: MakeSpeaker | None = None,
        voices: ListVoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._make_speaker = make_speaker
        self._tester: Speaker | None = None
        self._build()
        self._load(settings)
        # The loader thread only fills a queue; a timer on the GUI thread picks the answer up. No signal crosses
        # threads, so a page closed before the engine answers is never touched from the loader.
        self._answers: queue.SimpleQueue[list[VoiceInfo] | str] = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._take_voices)
        self._poll.start()
        threading.Thread(
            target=_fetch_voices, args=(voices, self._answers), name="backtimer-voices", daemon=True
        ).start()

    def _build(self) -> None:
        self.enabled = QCheckBox("Speak the cues")
        self.voice = QComboBox()
        self.voice.setMinimumContentsLength(24)
        self.voice_status = QLabel("Looking for voices…")
        self.rate = QSpinBox()
        self.rate.setRange(80, 400)
        self.rate.setSingleStep(5)
        self.rate.setSuffix(" words a minute")
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.count_reps = QCheckBox("Count the reps aloud")
        self.beeps = QCheckBox("Beep at work, rest, the last three seconds and the finish")
        self.test = QPushButton("Test voice")
        self.test.setEnabled(self._make_speaker is not None)
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow("Voice", self.voice)
        form.addRow("", self.voice_status)
        form.addRow("Speed", self.rate)
        form.addRow("Volume", self.volume)
        form.addRow(self.count_reps)
        form.addRow(self.beeps)
        row = QHBoxLayout()
        row.addWidget(self.test)
        row.addStretch(1)
        form.addRow(row)
        for signal in (self.enabled.toggled, self.count_reps.toggled, self.beeps.toggled):
            signal.connect(self._edited)
        self.voice.currentIndexChanged.connect(self._edited)
        self.rate.valueChanged.connect(self._edited)
        self.volume.valueChanged.connect(self._edited)
        self.test.clicked.connect(self.test_voice)

    def _load(self, settings: Settings) -> None:
        self.enabled.setChecked(settings.voice_enabled)
        self.voice.addItem("Default voice", "")
        if settings.voice_name:
            self.voice.addItem(settings.voice_name, settings.voice_name)
            self.voice.setCurrentIndex(1)
        self.rate.setValue(settings.voice_rate)
        self.volume.setValue(round(settings.voice_volume * 100))
        self.count_reps.setChecked(settings.count_reps)
        self.beeps.setChecked(settings.beeps)
        self._sync_enabled()

    # ----- results -----------------------------------------------------------------------------------------
    def apply_to(self, settings: Settings) -> Settings:
        """``settings`` with this page's fields as edited."""
        return replace(
            settings,
            voice_enabled=self.enabled.isChecked(),
            voice_name=str(self.voice.currentData() or ""),
            voice_rate=self.rate.value(),
            voice_volume=self.volume.value() / 100,
            count_reps=self.count_reps.isChecked(),
            beeps=self.beeps.isChecked(),
        )

    def settings(self) -> Settings:
        return self.apply_to(self._settings)

    def _edited(self) -> None:
        self._sync_enabled()
        self.settingsChanged.emit(self.settings())

    def _sync_enabled(self) -> None:
        on = self.enabled.isChecked()
        for widget in (self.voice, self.rate, self.count_reps):
            widget.setEnabled(on)
        self.test.setEnabled(self._make_speaker is not None and (on or self.beeps.isChecked()))

    # ----- the voice list (off the GUI thread) -------------------------------------------------------------
    def _take_voices(self) -> None:
        try:
            answer = self._answers.get_nowait()
        except queue.Empty:
            return
        self._poll.stop()
        if isinstance(answer, str):
            self._show_voice_error(answer)
        else:
            self._show_voices(answer)

    def _show_voices(self, voices: list[VoiceInfo]) -> None:
        wanted = str(self.voice.currentData() or "")
        self.voice.blockSignals(True)
        self.voice.clear()
        self.voice.addItem("Default voice", "")
        for info in sorted(voices, key=lambda v: (not v.name.casefold().startswith("english"), v.name.casefold())):
            self.voice.addItem(f"{info.name} ({info.id})", info.id)
        index = self._index_of(wanted, voices)
        if index < 0:
            self.voice.addItem(f"{wanted} (not installed)", wanted)
            index = self.voice.count() - 1
        self.voice.setCurrentIndex(index)
        self.voice.blockSignals(False)
        self.voice_status.setText(f"{len(voices)} voices installed")

    def _index_of(self, wanted: str, voices: list[VoiceInfo]) -> int:
        if not wanted:
            return 0
        key = wanted.casefold()
        for info in voices:
            if key in (info.id.casefold(), info.name.casefold()):
                return self.voice.findData(info.id)
        return -1

    def _show_voice_error(self, message: str) -> None:
        self.voice_status.setText(message if len(message) < 90 else message[:89] + "…")

    # ----- test --------------------------------------------------------------------------------------------
    def test_voice(self) -> None:
        """Say a sample with the settings as they are on screen (a fresh speaker, so new values apply)."""
        if self._make_speaker is None:
            return
        if self._tester is not None:
            self._tester.close()
        self._tester = self._make_speaker(self.settings())
        self._tester.prepare([TEST_TEXT])
        now = time.monotonic()
        cue = Cue(0, TEST_TEXT, Priority.OPTIONAL, sound=Sound.WORK)
        self._tester.play(DueCue(cue, -1, now), now)

    def close_tester(self) -> None:
        if self._tester is not None:
            self._tester.close()
            self._tester = None


def _fetch_voices(voices: ListVoices, answers: queue.SimpleQueue[list[VoiceInfo] | str]) -> None:
    """On the loader thread: the engine's voices, or a one-line reason there are none."""
    try:
        answers.put(list(voices()))
    except (WorkerFailed, OSError) as err:
        answers.put(f"No speech engine: {err}")
