"""The Voice settings page: edits the voice fields of a Settings, lists voices off the GUI thread, tests the voice."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import pytest
from pytestqt.qtbot import QtBot

from backtimer.core.session.snapshot import DueCue
from backtimer.core.settings import Settings
from backtimer.speech.speaker import VoiceInfo, WorkerFailed
from backtimer.ui.voice_settings import TEST_TEXT, VoiceSettings
from tests.helpers import RecordingSpeaker
from tests.speech.conftest import QT_AUDIO_NOISE

pytestmark = pytest.mark.qt_log_ignore(*QT_AUDIO_NOISE)
VOICES = [VoiceInfo("gmw/en", "English (Great Britain)", ("en",)), VoiceInfo("roa/fr", "French", ("fr",))]


def test_edits_come_back_as_settings_and_other_fields_are_kept(qtbot: QtBot) -> None:
    page = VoiceSettings(Settings(theme="dark"), voices=lambda: VOICES)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.voice.count() == 3)
    with qtbot.waitSignal(page.settingsChanged) as changed:
        page.rate.setValue(150)
    assert isinstance(changed.args[0], Settings) and changed.args[0].voice_rate == 150
    page.voice.setCurrentIndex(page.voice.findData("roa/fr"))
    page.volume.setValue(40)
    page.count_reps.setChecked(False)
    page.beeps.setChecked(False)
    result = page.apply_to(Settings(theme="dark"))
    assert result == Settings(
        theme="dark", voice_name="roa/fr", voice_rate=150, voice_volume=0.4, count_reps=False, beeps=False
    )
    page.enabled.setChecked(False)
    assert not page.voice.isEnabled() and not page.rate.isEnabled()
    assert page.settings().voice_enabled is False


def test_the_voice_list_is_fetched_off_the_gui_thread(qtbot: QtBot) -> None:
    threads: list[threading.Thread] = []
    gate = threading.Event()

    def slow_voices() -> Sequence[VoiceInfo]:
        threads.append(threading.current_thread())
        gate.wait(10)
        return VOICES

    page = VoiceSettings(Settings(voice_name="Missing voice"), voices=slow_voices)
    qtbot.addWidget(page)
    assert page.voice.currentData() == "Missing voice"  # shown at once, before any voice is known
    gate.set()
    qtbot.waitUntil(lambda: "installed" in page.voice_status.text())
    assert threads and threads[0] is not threading.main_thread()
    assert page.voice.currentText() == "Missing voice (not installed)"
    assert page.voice.itemData(1) == "gmw/en"  # English voices come first


def test_no_engine_shows_one_line_and_the_page_still_works(qtbot: QtBot) -> None:
    def broken() -> Sequence[VoiceInfo]:
        raise WorkerFailed("missing", "RuntimeError: no espeak")

    page = VoiceSettings(Settings(), voices=broken)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.voice_status.text().startswith("No speech engine"))
    page.rate.setValue(200)
    assert page.settings().voice_rate == 200


def test_test_voice_speaks_a_sample_with_the_settings_on_screen(qtbot: QtBot) -> None:
    made: list[tuple[Settings, RecordingSpeaker]] = []

    def make(settings: Settings) -> RecordingSpeaker:
        made.append((settings, RecordingSpeaker()))
        return made[-1][1]

    page = VoiceSettings(Settings(), make_speaker=make, voices=lambda: VOICES)
    qtbot.addWidget(page)
    page.rate.setValue(220)
    page.test.click()
    settings, speaker = made[0]
    assert settings.voice_rate == 220
    assert speaker.texts == [TEST_TEXT]
    played: DueCue = speaker.played[0][1]
    assert played.due_at <= time.monotonic()
    page.close_tester()
