"""Every text a session of a routine may say: what ``Speaker.prepare`` is given before the session starts."""

from __future__ import annotations

from backtimer.core.content.model import Level, Routine
from backtimer.core.session.cues import CueOptions, estimate_seconds
from backtimer.core.session.plan import build_plan
from backtimer.core.session.script import COUNTDOWN_FROM, WAIT_PROMPT, finish_text


def spoken_texts(routine: Routine, level: Level, options: CueOptions | None = None) -> list[str]:
    """Each distinct text the scheduler may pick for this routine and level, in the order they come up.

    The scheduler weighs full and short forms by their length, so every form it looks at is included: with
    clips made for all of them, the plan built afterwards with exact lengths finds every clip it chooses.
    """
    opts = options or CueOptions()
    seen: dict[str, None] = {}

    def measure(text: str) -> float:
        if text.strip():
            seen.setdefault(text.strip(), None)
        return estimate_seconds(text, opts.rate_wpm)

    plan = build_plan(routine, level, opts, measure)
    for step in plan.steps:
        for cue in step.cues:
            for text in (cue.text, cue.short or ""):
                if text.strip():
                    seen.setdefault(text.strip(), None)
    for text in ("Get ready.", *(str(n) for n in range(1, COUNTDOWN_FROM + 1)), finish_text(opts.streak), WAIT_PROMPT):
        seen.setdefault(text, None)
    return list(seen)
