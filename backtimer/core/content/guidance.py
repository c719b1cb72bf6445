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
class RedFlags:
    """Signs that need medical help, not exercise, and what to do about them (with the sources they follow)."""

    title: str
    intro: str
    signs: tuple[tuple[str, str], ...]  # (text, urgency: "now" | "today")
    act: tuple[tuple[str, str], ...]  # (urgency or "app", what to do)
    sources: tuple[str, ...]


SHORT_RED_FLAGS = RedFlags(
    "When to stop and get help",
    "Stop and get medical help straight away for any of these:",
    (
        ("Numbness between your legs or around your back passage.", "now"),
        ("New trouble controlling your bladder or bowels.", "now"),
        ("New or worsening weakness or numbness in a leg.", "now"),
        ("Back pain with a fever or feeling unwell.", "today"),
        ("Pain after a fall or injury.", "today"),
    ),
    (),
    (),
)


@dataclass(frozen=True)
class Guidance:
    safety_title: str
    safety_text: str
    principles: tuple[tuple[str, str], ...]  # (title, text)
    avoid: tuple[Avoid, ...]
    red_flags: RedFlags = SHORT_RED_FLAGS
    progression: tuple[str, ...] = ()  # how suggestions work, paragraph by paragraph


def load_guidance(path: Path) -> Guidance:
    """Read ``guidance.toml``; every problem is a ContentError naming the file and the field."""
    t = Table(read_toml(path), str(path))
    t.reject_unknown({"safety", "principles", "avoid", "red_flags", "progression"})
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
        red_flags=_red_flags(t.table("red_flags")),
        progression=_progression(t),
    )


def _progression(t: Table) -> tuple[str, ...]:
    if not t.has("progression"):
        return ()
    p = t.table("progression")
    p.reject_unknown({"title", "text"})
    p.text("title", max_len=80)
    return tuple(_flowing(text) for text in p.texts("text"))


URGENCIES = ("now", "today")


def _red_flags(t: Table) -> RedFlags:
    t.reject_unknown({"title", "intro", "sources", "signs", "act"})
    signs = []
    for sign in t.tables("signs"):
        sign.reject_unknown({"text", "urgency"})
        signs.append((_flowing(sign.text("text")), sign.choice("urgency", list(URGENCIES))))
    act = t.table("act")
    act.reject_unknown({*URGENCIES, "app"})
    return RedFlags(
        title=t.text("title", max_len=80),
        intro=_flowing(t.text("intro")),
        signs=tuple(signs),
        act=tuple((key, _flowing(act.text(key))) for key in (*URGENCIES, "app")),
        sources=tuple(t.texts("sources")),
    )


def _flowing(text: str) -> str:
    """One paragraph: line breaks and runs of spaces from the file become single spaces."""
    return " ".join(text.split())
