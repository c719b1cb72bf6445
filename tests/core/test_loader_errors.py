"""Broken routine and exercise files: one clear error naming the file and the field, never a crash."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtimer.core.content.catalog import Catalog
from backtimer.core.content.loader import parse_exercise, parse_routine, parse_toml, read_toml
from backtimer.core.errors import ContentError
from backtimer.resources import asset
from tests.helpers import builtin_catalog

GOOD_ROUTINE = """
id = "mine"
title = "Mine"
[timing]
rest_between_sets = 10
[[exercises]]
id = "glute-bridge"
"""


def exercise_data() -> dict[str, Any]:
    return tomllib.loads(asset("exercises", "glute-bridge.toml").read_text(encoding="utf-8"))


def routine_error(text: str, tmp_path: Path) -> ContentError:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        builtin_catalog().routine(str(path))
    assert "broken.toml" in str(info.value)
    assert "\n" not in str(info.value)
    return info.value


def test_a_good_user_routine_loads(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD_ROUTINE, encoding="utf-8")
    routine = builtin_catalog().routine(str(path))
    assert routine.id == "mine" and routine.timing.rest_between_sets == 10


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("id = [", None, "not valid TOML"),
        ('title = "x"\n[[exercises]]\nid = "glute-bridge"', "id", "missing"),
        (GOOD_ROUTINE.replace('"glute-bridge"', '"moonwalk"'), "exercises[0].id", "unknown exercise"),
        (GOOD_ROUTINE.replace("= 10", "= -5"), "timing.rest_between_sets", "out of range"),
        (GOOD_ROUTINE.replace("= 10", "= 1000000000"), "timing.rest_between_sets", "out of range"),
        (GOOD_ROUTINE.replace("= 10", '= "ten"'), "timing.rest_between_sets", "number of seconds"),
        (GOOD_ROUTINE.replace("= 10", "= nan"), "timing.rest_between_sets", "out of range"),
        (GOOD_ROUTINE.replace('title = "Mine"', 'title = "Mine"\nlenght = 3'), "lenght", "unknown field"),
        (GOOD_ROUTINE.replace("[[exercises]]", "[[exercises]]\nsets = 0"), "exercises[0].sets", "out of range"),
        ('id = "x"\ntitle = "x"\nexercises = []', "exercises", "must not be empty"),
    ],
)
def test_broken_routine_files_name_the_file_and_field(tmp_path: Path, text: str, field: str | None, words: str) -> None:
    err = routine_error(text, tmp_path)
    assert words in str(err)
    if field is not None:
        assert err.field == field


def test_default_level_error_names_its_field(tmp_path: Path) -> None:
    err = routine_error(GOOD_ROUTINE.replace('title = "Mine"', 'title = "Mine"\ndefault_level = "pro"'), tmp_path)
    assert err.field == "default_level"


def test_missing_folder_and_binary_files(tmp_path: Path) -> None:
    assert "no such file" in str(routine_error_for(tmp_path / "absent.toml"))
    blob = tmp_path / "blob.toml"
    blob.write_bytes(b"\xff\xfe\x00garbage")
    assert "UTF-8" in str(routine_error_for(blob))
    assert "folder" in str(routine_error_for(tmp_path))


def routine_error_for(path: Path) -> ContentError:
    with pytest.raises(ContentError) as info:
        read_toml(path)
    return info.value


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.pop("name"), "name"),
        (lambda d: d.update(mode="dance"), "mode"),
        (lambda d: d["dose"]["standard"].update(reps=0), "dose.standard.reps"),
        (lambda d: d["dose"]["advanced"].update(reps=10**9), "dose.advanced.reps"),
        (lambda d: d["dose"]["beginner"].update(sets=True), "dose.beginner.sets"),
        (lambda d: d["dose"].pop("advanced"), "dose.advanced"),
        (lambda d: d["tempo"][0].update(seconds=-1), "tempo[0].seconds"),
        (lambda d: d.update(how_to="lift"), "how_to"),
        (lambda d: d.update(id="Not An Id"), "id"),
        (lambda d: d["dose"]["standard"].update(hold=3), "dose.standard.hold"),
    ],
)
def test_broken_exercises_name_the_field(change: Any, field: str) -> None:
    data = exercise_data()
    change(data)
    with pytest.raises(ContentError) as info:
        parse_exercise(data, "glute-bridge.toml")
    assert info.value.field == field
    assert str(info.value).startswith("glute-bridge.toml: " + field)


def test_a_broken_user_exercise_is_skipped_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "bad.toml").write_text("id = 3", encoding="utf-8")
    catalog = Catalog.load(asset(), tmp_path)
    assert "lower-back" in catalog.routines
    assert len(catalog.problems) == 1 and "bad.toml" in catalog.problems[0]


toml_scalars = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.booleans(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=20,
)
keys = st.sampled_from(
    [
        "id",
        "title",
        "name",
        "mode",
        "sides",
        "dose",
        "tempo",
        "exercises",
        "timing",
        "how_to",
        "muscles",
        "summary",
        "beginner",
        "position",
        "default_level",
        "sets",
        "reps",
        "hold",
    ]
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(keys, toml_values, max_size=12))
def test_generated_garbage_only_ever_raises_content_error(data: dict[str, Any]) -> None:
    exercises = builtin_catalog().exercises
    for parse in (lambda: parse_exercise(data, "g.toml"), lambda: parse_routine(data, "g.toml", exercises)):
        try:
            parse()
        except ContentError as err:
            assert str(err).startswith("g.toml") and "\n" not in str(err)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash_the_parser(raw: bytes) -> None:
    try:
        parse_toml(raw, "x.toml")
    except ContentError as err:
        assert str(err).startswith("x.toml")


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["sets", "reps", "hold", "extra"]), toml_scalars, max_size=4))
def test_mutated_doses_load_or_fail_cleanly(dose: dict[str, Any]) -> None:
    data = exercise_data()
    data["dose"]["standard"] = dose
    try:
        exercise = parse_exercise(data, "g.toml")
    except ContentError:
        return
    assert 1 <= exercise.dose(exercise.doses.__iter__().__next__()).sets <= 10
