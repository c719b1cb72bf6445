"""The voice of ``backtimer run``: the terminal speaker, its clips made before the session starts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from backtimer.core.content.model import Level, Routine
from backtimer.core.session.cues import CueOptions, Durations
from backtimer.core.session.snapshot import Tick
from backtimer.core.settings import Settings
from backtimer.speech.factory import make_speaker
from backtimer.speech.speaker import SilentSpeaker, Speaker, durations_of
from backtimer.speech.texts import spoken_texts
from backtimer.storage.paths import Paths

PREPARE_SECONDS = 30.0  # at most this long making clips before the start; the rest are made as they come up


class RunVoice:
    """Speaks each due cue of a terminal session; prints a one-line notice when speech degrades."""

    def __init__(self, speaker: Speaker, options: CueOptions, durations: Durations) -> None:
        self.speaker = speaker
        self.options = options
        self.durations = durations
        self._now: Callable[[], float] = lambda: 0.0
        self._shown: str | None = None

    @classmethod
    def start(
        cls, args: argparse.Namespace, routine: Routine, level: Level, now: Callable[[], float], settings: Settings
    ) -> RunVoice:
        if getattr(args, "no_voice", False):
            voice = cls(SilentSpeaker(), CueOptions(), durations_of(SilentSpeaker(), CueOptions().rate_wpm))
        else:
            options = CueOptions(count_reps=settings.count_reps, rate_wpm=settings.voice_rate)
            speaker = make_speaker(settings, Paths.resolve(getattr(args, "data_dir", None)), clock=now)
            speaker.prepare(spoken_texts(routine, level, options))
            wait = getattr(speaker, "wait_prepared", None)
            if callable(wait):
                wait(PREPARE_SECONDS)
            voice = cls(speaker, options, durations_of(speaker, options.rate_wpm))
        voice._now = now
        voice.show_notice()
        return voice

    def tee(self, then: Callable[[Tick], None]) -> Callable[[Tick], None]:
        """An ``on_tick`` that speaks the tick's cues, then hands the tick on."""

        def on_tick(tick: Tick) -> None:
            now = self._now()
            for due in tick.cues:
                self.speaker.play(due, now)
            self.show_notice()
            then(tick)

        return on_tick

    def show_notice(self) -> None:
        notice = self.speaker.notice()
        if notice and notice != self._shown:
            self._shown = notice
            print(f"({notice})", file=sys.stderr, flush=True)

    def cancel(self) -> None:
        self.speaker.cancel()

    def close(self) -> None:
        self.speaker.close()
