"""The three levels of every routine, apart from the rest of the content model: the window's first paint needs
only these (the model's frozen classes are read with the routines, just after it)."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    BEGINNER = "beginner"
    STANDARD = "standard"
    ADVANCED = "advanced"
