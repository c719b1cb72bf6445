"""Getting from one body position to the next: the words said (and shown) in the rest before an exercise."""

from __future__ import annotations

# How to get into each position the exercises use, from lying on the mat in another one. backtimer's own words.
_INTO = {
    "face down": "Turn over and lie face down",
    "on back": "Roll onto your back",
    "all fours": "Come up onto your hands and knees",
    "forearms and toes": "Turn face down and come up onto your forearms",
    "on your side": "Lie on your side, propped on one forearm",
}
# The first position of a session, from standing.
_DOWN = {
    "face down": "Get down onto the mat and lie face down",
    "on back": "Get down onto the mat and lie on your back",
    "all fours": "Get down onto your hands and knees",
    "forearms and toes": "Get down onto the mat, face down, on your forearms",
    "on your side": "Get down onto the mat and lie on one side",
}


def position_change(before: str | None, after: str) -> str:
    """The instruction for moving from ``before`` (None: standing, at the start) into ``after``; "" if no change."""
    if before is not None and before.strip().lower() == after.strip().lower():
        return ""
    key = after.strip().lower()
    table = _DOWN if before is None else _INTO
    return table.get(key, f"Get into position: {after}") + "."
