"""Practice: starts practice sessions from a routine, a level and the person's settings, for window and terminal.

This is the one place that turns settings into cue options and timings, asks the voice for its clips, builds the
plan and the session, and opens the record. Per-exercise doses plug in at ``timed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from backtimer.core.settings import Settings, timed_routine
from backtimer.practice.notices import Notices
from backtimer.speech.speaker import SilentSpeaker, Speaker

if TYPE_CHECKING:  # the session's parts are imported at the first session: a quicker first paint
    from backtimer.clock import Clock
    from backtimer.core.content.model import Dose, Level, Routine
    from backtimer.core.session.cues import CueOptions, Durations
    from backtimer.practice.coaching import Coaching
    from backtimer.practice.ports import DayStatus, History
    from backtimer.practice.preferences import Preferences
    from backtimer.practice.run import PracticeRun

MakeSpeaker = Callable[[Settings], Speaker]


def _silent(_settings: Settings) -> Speaker:
    return SilentSpeaker()


def _voice_of(s: Settings) -> tuple[object, ...]:
    """The settings the speaker is made from."""
    return (s.voice_enabled, s.voice_name, s.voice_rate, s.voice_volume, s.beeps)


class Practice:
    def __init__(
        self,
        preferences: Preferences,
        clock: Clock,
        *,
        make_speaker: MakeSpeaker = _silent,
        history: History | None = None,
        notices: Notices | None = None,
        ask_ratings: bool = False,
    ) -> None:
        self.preferences = preferences
        self.clock = clock
        self.history = history
        self.notices = notices or Notices()
        self.make_speaker = make_speaker  # also what the voice settings page tests a voice with
        self.ask_ratings = ask_ratings  # the window asks "How was it?" after each exercise (keys 1-4)
        self._speaker: Speaker | None = None
        self._estimates: dict[tuple[str, Level], float] = {}
        self.run: PracticeRun | None = None  # the session under way, if any
        self._doses: dict[str, dict[str, Dose]] = {}  # accepted doses by routine id, read once
        preferences.subscribe(self._settings_changed)

    @cached_property
    def coaching(self) -> Coaching | None:
        """The coach over this history (None without one), made at its first use."""
        from backtimer.practice.coaching import Coaching

        return Coaching(self.history, self._doses_changed) if self.history is not None else None

    @property
    def settings(self) -> Settings:
        return self.preferences.current

    @property
    def speaker(self) -> Speaker:
        """Made at first use: the voice worker is not needed before the first session (or its preparation)."""
        if self._speaker is None:
            self._speaker = self.make_speaker(self.settings)
        return self._speaker

    # ----- what a session will be ------------------------------------------------------------------------------
    def cue_options(self, streak: int | None = None, *, can_wait: bool = True) -> CueOptions:
        """``can_wait``: the shell can hear Space or Enter ("wait for me" is honoured only then)."""
        from backtimer.core.session.cues import CueOptions

        s = self.settings
        wait = s.wait_for_me and can_wait
        return CueOptions(
            count_reps=s.count_reps,
            rate_wpm=s.voice_rate,
            streak=streak,
            wait_for_me=wait,
            ask_ratings=self.ask_ratings,
        )

    def timed(self, routine: Routine) -> Routine:
        """The routine as this person does it: their get-ready, rest and switch lengths, and their accepted doses."""
        from backtimer.core.progress.doses import with_doses

        return with_doses(timed_routine(routine, self.settings), self._accepted(routine))

    def _accepted(self, routine: Routine) -> dict[str, Dose]:
        if self.coaching is None:
            return {}
        if routine.id not in self._doses:
            self._doses[routine.id] = self.coaching.accepted_doses(routine)
        return self._doses[routine.id]

    def _doses_changed(self) -> None:
        self._doses.clear()
        self._estimates.clear()

    def estimate(self, routine: Routine, level: Level) -> float:
        """Planned seconds of ``routine`` at ``level`` with the person's timings (kept until settings change)."""
        from backtimer.core.session.plan import build_plan

        key = (routine.path or routine.id, level)
        if key not in self._estimates:
            self._estimates[key] = build_plan(self.timed(routine), level).total_seconds
        return self._estimates[key]

    def forget_estimates(self) -> None:
        """The routines changed (the person's own were edited): lengths are worked out afresh."""
        self._estimates.clear()

    def prepare_voice(
        self, routine: Routine, level: Level, *, wait: float = 0.0, streak: int | None = None, can_wait: bool = True
    ) -> Durations:
        """Ask the voice to make this routine's clips (off this thread); say how long each text takes.

        ``wait`` > 0 blocks up to that many seconds until the clips are made (the terminal, before it starts).
        """
        from backtimer.speech.speaker import durations_of
        from backtimer.speech.texts import spoken_texts

        options = self.cue_options(streak, can_wait=can_wait)
        speaker = self.speaker
        speaker.prepare(spoken_texts(self.timed(routine), level, options))
        if wait > 0:
            speaker.wait_prepared(wait)
        return durations_of(speaker, options.rate_wpm)

    def day_status(self) -> DayStatus | None:
        return self.history.day_status(self.settings) if self.history is not None else None

    # ----- starting and ending ------------------------------------------------------------------------------
    def start(
        self,
        routine: Routine,
        level: Level,
        *,
        speed: float = 1.0,
        wait_for_voice: float = 0.0,
        can_wait: bool = True,
    ) -> PracticeRun:
        """A new run of ``routine`` at ``level``, not yet begun (call ``begin()``); the choice is remembered.
        ``can_wait=False``: the shell hears no keys, so "wait for me" is not used."""
        from backtimer.core.progress.doses import doses_at
        from backtimer.core.session.machine import SUSPEND_GAP, Session
        from backtimer.core.session.plan import build_plan
        from backtimer.practice.run import PracticeRun, RunInfo

        streak = self._streak_after() if speed == 1 else None
        durations = self.prepare_voice(routine, level, wait=wait_for_voice, streak=streak, can_wait=can_wait)
        options = self.cue_options(streak, can_wait=can_wait)
        timed = self.timed(routine)
        plan = build_plan(timed, level, options, durations)
        session = Session(plan, suspend_gap=SUSPEND_GAP * speed, durations=durations)
        recorder = None
        if self.history is not None:
            recorder = self.history.record(routine.id, level.value, speed, self.notices.post)
            recorder.planned(doses_at(timed, level))
        run = PracticeRun(session, self.speaker, recorder, self.clock, RunInfo(routine.id, level.value, speed))
        degraded = self.speaker.notice()
        if degraded:
            self.notices.post(degraded)
        self.run = run
        self._remember(routine, level)
        return run

    def finish(self) -> None:
        """The shell is done with the run (its summary closed): a later settings change may renew the voice."""
        self.run = None

    def close(self) -> None:
        """As the app exits: stop any run (recorded as stopped) and silence the voice."""
        if self.run is not None:
            self.run.shutdown()
            self.run = None
        if self._speaker is not None:
            self._speaker.close()
            self._speaker = None

    def _streak_after(self) -> int | None:
        """The streak once this session is done (said at the finish), or None when the history is not known."""
        status = self.day_status()
        if status is None:
            return None
        return status.current_streak + (0 if status.done_today else 1)

    def _remember(self, routine: Routine, level: Level) -> None:
        chosen = replace(self.settings, last_routine=routine.id, level=level.value)
        problem = self.preferences.apply(chosen)
        if problem:
            self.notices.post(problem)

    def _settings_changed(self, old: Settings, new: Settings) -> None:
        self._estimates.clear()
        if _voice_of(old) != _voice_of(new) and self.run is None and self._speaker is not None:
            self._speaker.close()  # the next session makes a fresh speaker with the new voice
            self._speaker = None
