"""Reading exercises and routines from TOML, strictly: every problem names the file and the field."""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from backtimer.core.content.fields import Table
from backtimer.core.content.model import (
    Dose,
    Exercise,
    Level,
    Mode,
    Routine,
    RoutineEntry,
    Side,
    Sides,
    TempoPhase,
    Timing,
)
from backtimer.core.errors import ContentError

MAX_FILE_BYTES = 256 * 1024
_LEVELS = [level.value for level in Level]

_EXERCISE_KEYS = {
    "id",
    "name",
    "position",
    "sides",
    "mode",
    "summary",
    "how_to",
    "beginner",
    "muscles",
    "tempo",
    "dose",
    "source",
    "note",
    "figure",
    "form_cue",
    "limbs",
    "switch_seconds",
    "own_pace",
}
# "exercise": the [[exercise]] tables of a programme file (read by programme.parse_programme)
_ROUTINE_KEYS = {"id", "title", "description", "default_level", "timing", "exercises", "source", "note", "exercise"}
_TIMING_KEYS = {
    "get_ready",
    "rest_between_sets",
    "rest_between_exercises",
    "switch_sides",
    "resume_get_ready",
    "position_change_extra",
}


def read_toml(path: Path) -> dict[str, Any]:
    """Parse one TOML file, turning every way it can fail into a ContentError.

    Only a regular file is read (a link is followed, but a pipe or a device behind it is not: it could block or
    never end), and never more than ``MAX_FILE_BYTES``.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)  # a FIFO must not block open
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ContentError(str(path), None, "no such file") from None
    except IsADirectoryError:
        raise ContentError(str(path), None, "is a folder, not a file") from None
    except OSError as err:
        raise ContentError(str(path), None, f"cannot be read ({err.strerror or err})") from None
    try:
        kind = os.fstat(fd).st_mode
        if stat.S_ISDIR(kind):
            raise ContentError(str(path), None, "is a folder, not a file")
        if not stat.S_ISREG(kind):
            raise ContentError(str(path), None, "is not a regular file (a pipe or a device?)")
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise ContentError(str(path), None, f"cannot be read ({err.strerror or err})") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(str(path), None, f"file is too large (over {MAX_FILE_BYTES} bytes)")
    return parse_toml(raw, str(path))


def parse_toml(raw: bytes, source: str) -> dict[str, Any]:
    """TOML from UTF-8 bytes (a byte-order mark, as some editors write, is fine)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError(source, None, "is not UTF-8 text") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ContentError(source, None, f"is not valid TOML ({err})") from None
    except RecursionError:
        raise ContentError(source, None, "is nested too deeply to read") from None


def parse_exercise(data: Mapping[str, Any], source: str, prefix: str = "") -> Exercise:
    """One exercise table; ``prefix`` (e.g. ``exercise[0].``) places it inside a programme file in messages."""
    t = Table(data, source, prefix)
    t.reject_unknown(_EXERCISE_KEYS)
    mode = Mode(t.choice("mode", [m.value for m in Mode]))
    tempo = tuple(_parse_phase(p) for p in t.tables("tempo", required=mode is Mode.REPS, max_items=8))
    if mode is Mode.HOLD and tempo:
        raise t.fail("tempo", "a hold exercise has no tempo")
    dose_table = t.table("dose")
    dose_table.reject_unknown(set(_LEVELS))
    doses = {level: _parse_dose(dose_table.table(level.value), mode, tempo) for level in Level}
    figure = t.raw("figure")
    if figure is not None and not isinstance(figure, Mapping):
        raise t.fail("figure", "must be a table")
    if figure:
        from backtimer.core.figures.poses import parse_figure  # the figure's own strict checks

        parse_figure(figure, source, tempo, mode, framed=False, prefix=prefix)  # checks only: measured when drawn
    if mode is Mode.HOLD and t.has("own_pace"):
        raise t.fail("own_pace", "a hold exercise is timed, not done at your own pace")
    switch = t.seconds("switch_seconds", 2, 120) if t.has("switch_seconds") else None
    return Exercise(
        id=t.ident("id"),
        name=t.text("name", max_len=80),
        position=t.text("position", max_len=40),
        sides=Sides(t.choice("sides", [s.value for s in Sides])),
        mode=mode,
        summary=t.text("summary", max_len=200),
        how_to=t.texts("how_to"),
        beginner=t.text("beginner", max_len=400),
        muscles=t.texts("muscles"),
        doses=doses,
        tempo=tempo,
        source=t.text("source", "seed", max_len=200),
        note=t.text("note", "", max_len=400),
        figure=dict(figure or {}),
        form_cue=t.text("form_cue", "", max_len=200),
        limbs=_parse_limbs(t),
        switch_seconds=switch,
        own_pace=t.flag("own_pace", False),
    )


def _parse_limbs(t: Table) -> tuple[tuple[Side, str], ...]:
    """``[limbs]`` left = "...", right = "...": the phrase naming what moves on each side (both optional)."""
    limbs = t.table("limbs", required=False)
    limbs.reject_unknown({side.value for side in Side})
    return tuple((side, limbs.text(side.value, max_len=80)) for side in Side if limbs.has(side.value))


def _parse_phase(t: Table) -> TempoPhase:
    t.reject_unknown({"word", "seconds", "pose"})
    pose = t.text("pose", "", max_len=40) or None
    return TempoPhase(word=t.text("word", max_len=24), seconds=t.seconds("seconds", 0.3, 60), pose=pose)


def _parse_dose(t: Table, mode: Mode, tempo: tuple[TempoPhase, ...]) -> Dose:
    t.reject_unknown({"sets", "reps", "hold"})
    sets = t.integer("sets", 1, 10)
    if mode is Mode.REPS:
        hold = None
        if t.has("hold"):
            if not any(p.word.lower() == "hold" for p in tempo):
                raise t.fail("hold", "this exercise's tempo has no Hold phase to set")
            hold = t.seconds("hold", 0.5, 120)
        return Dose(sets=sets, reps=t.integer("reps", 1, 100), hold=hold)
    if t.has("reps"):
        raise t.fail("reps", "a hold exercise counts seconds, not reps")
    return Dose(sets=sets, hold=t.seconds("hold", 1, 600))


def _parse_entry(entry: Table, exercises: Mapping[str, Exercise]) -> RoutineEntry:
    """One ``[[exercises]]`` entry: the exercise's id, and optionally its own sets, reps and hold."""
    entry.reject_unknown({"id", "sets", "reps", "hold", "self_paced"})
    exercise_id = entry.ident("id")
    if exercise_id not in exercises:
        raise entry.fail("id", f"unknown exercise {exercise_id!r}")
    exercise = exercises[exercise_id]
    sets = entry.integer("sets", 1, 10) if entry.has("sets") else None
    reps = None
    if entry.has("reps"):
        if exercise.mode is Mode.HOLD:
            raise entry.fail("reps", "a hold exercise counts seconds, not reps")
        reps = entry.integer("reps", 1, 100)
    hold = None
    if entry.has("hold"):
        if all(dose.hold is None for dose in exercise.doses.values()):
            raise entry.fail("hold", f"{exercise_id} has no hold to set")
        hold = entry.seconds("hold", 0.5, 600)
    self_paced = entry.flag("self_paced", False) or exercise.own_pace
    return RoutineEntry(exercise, sets, self_paced, reps, hold)


def parse_routine(data: Mapping[str, Any], source: str, exercises: Mapping[str, Exercise]) -> Routine:
    t = Table(data, source)
    t.reject_unknown(_ROUTINE_KEYS)
    timing_table = t.table("timing", required=False)
    timing_table.reject_unknown(_TIMING_KEYS)
    defaults = Timing()
    timing = Timing(
        get_ready=timing_table.seconds("get_ready", 3, 120, defaults.get_ready),
        rest_between_sets=timing_table.seconds("rest_between_sets", 0, 600, defaults.rest_between_sets),
        rest_between_exercises=timing_table.seconds("rest_between_exercises", 0, 600, defaults.rest_between_exercises),
        switch_sides=timing_table.seconds("switch_sides", 2, 120, defaults.switch_sides),
        resume_get_ready=timing_table.seconds("resume_get_ready", 1, 30, defaults.resume_get_ready),
        position_change_extra=timing_table.seconds("position_change_extra", 0, 120, defaults.position_change_extra),
    )
    entries = []
    for entry in t.tables("exercises", max_items=40):
        entries.append(_parse_entry(entry, exercises))
    return Routine(
        id=t.ident("id"),
        title=t.text("title", max_len=80),
        description=t.text("description", "", max_len=1000),
        entries=tuple(entries),
        timing=timing,
        default_level=Level(t.choice("default_level", _LEVELS, Level.STANDARD.value)),
        source=t.text("source", "seed", max_len=200),
        note=t.text("note", "", max_len=1000),
        path=source,
    )


def parse_level(value: str, source: str = "level") -> Level:
    """A level named by the user; a bad name is a ContentError."""
    try:
        return Level(value)
    except ValueError:
        raise ContentError(source, None, f"{value!r} is not one of: " + ", ".join(_LEVELS)) from None
