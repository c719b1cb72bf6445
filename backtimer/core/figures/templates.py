"""Body-position templates for the person's own exercises: one still pose taken from a bundled exercise's figure.

A custom exercise picks one of these (or none: the player then shows a card with its name instead of a figure).
The chosen template is written into the exercise's file as an ordinary ``[figure]`` table with a single ``start``
pose, so the file stands on its own.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from backtimer.core.content.model import Exercise, Mode


@dataclass(frozen=True)
class Template:
    key: str
    label: str
    position: str  # the body position it suggests for the exercise
    exercise: str  # the bundled exercise whose figure it comes from
    pose: str  # that figure's pose


TEMPLATES: tuple[Template, ...] = (
    Template("on-back-knees-bent", "On your back, knees bent", "on back", "glute-bridge", "start"),
    Template("on-back-legs-up", "On your back, arms and legs up", "on back", "dead-bug", "start"),
    Template("on-back-bridge", "On your back, hips lifted", "on back", "glute-bridge", "top"),
    Template("face-down", "Face down", "face down", "prone-leg-lift", "start"),
    Template("all-fours", "On all fours", "all fours", "bird-dog", "start"),
    Template("plank", "Forearms and toes", "forearms and toes", "plank", "hold"),
    Template("on-your-side", "On your side, on one forearm", "on your side", "side-plank", "start"),
)
BY_KEY = {template.key: template for template in TEMPLATES}


def template_figure(key: str, exercises: Mapping[str, Exercise], mode: Mode) -> dict[str, Any]:
    """The ``[figure]`` table of template ``key`` for an exercise of ``mode`` (KeyError for an unknown key)."""
    template = BY_KEY[key]
    source = exercises[template.exercise].figure
    figure = {k: copy.deepcopy(v) for k, v in source.items() if k not in ("poses", "easier", "active", "hold")}
    figure["poses"] = {"start": copy.deepcopy(source["poses"][template.pose])}
    if mode is Mode.HOLD:
        figure["hold"] = "start"
    return figure


def template_of(figure: Mapping[str, Any], exercises: Mapping[str, Exercise]) -> str | None:
    """Which template ``figure`` was made from, if any (its ``hold`` aside)."""
    plain = {k: v for k, v in figure.items() if k != "hold"}
    for template in TEMPLATES:
        if template.exercise in exercises:
            made = template_figure(template.key, exercises, Mode.REPS)
            if made == plain:
                return template.key
    return None
