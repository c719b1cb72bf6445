"""The guidance the app shows (the safety notice, the principles, what to avoid), read strictly from TOML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from backtimer.core.content.fields import Table
from backtimer.core.content.loader import read_toml


@dataclass(frozen=True)
class Avoid:
    what: str
    examples: str
    why: str
    instead: str


@dataclass(frozen=True)
class Guidance:
    safety_title: str
    safety_text: str
    principles: tuple[tuple[str, str], ...]  # (title, text)
    avoid: tuple[Avoid, ...]


def load_guidance(path: Path) -> Guidance:
    """Read ``guidance.toml``; every problem is a ContentError naming the file and the field."""
    t = Table(read_toml(path), str(path))
    t.reject_unknown({"safety", "principles", "avoid"})
    safety = t.table("safety")
    safety.reject_unknown({"title", "text"})
    principles = []
    for p in t.tables("principles", required=False):
        p.reject_unknown({"title", "text"})
        principles.append((p.text("title", max_len=80), _flowing(p.text("text"))))
    avoid = []
    for a in t.tables("avoid", required=False):
        a.reject_unknown({"what", "examples", "why", "instead"})
        avoid.append(Avoid(a.text("what", max_len=120), a.text("examples"), a.text("why"), a.text("instead")))
    return Guidance(
        safety_title=safety.text("title", max_len=80),
        safety_text=_flowing(safety.text("text")),
        principles=tuple(principles),
        avoid=tuple(avoid),
    )


def _flowing(text: str) -> str:
    """One paragraph: line breaks and runs of spaces from the file become single spaces."""
    return " ".join(text.split())
