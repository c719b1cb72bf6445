"""Programme files: the TOML writer round-trips every exercise and routine, and programme files load strictly."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from backtimer.core.content.catalog import Catalog
from backtimer.core.content.loader import parse_exercise, parse_routine
from backtimer.core.content.model import Side
from backtimer.core.content.programme import parse_programme, read_programme
from backtimer.core.content.tables import exercise_table, routine_table
from backtimer.core.content.toml_writer import dumps
from backtimer.core.errors import ContentError
from backtimer.resources import assets_dir
from tests.helpers import builtin_catalog

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "heel-slides-programme.toml"


def test_every_builtin_exercise_round_trips_through_the_writer() -> None:
    for exercise in builtin_catalog().exercises.values():
        text = dumps(exercise_table(exercise))
        again = parse_exercise(tomllib.loads(text), "round-trip")
        assert again == exercise
        assert again.figure == exercise.figure


def test_every_builtin_routine_round_trips_through_the_writer() -> None:
    catalog = builtin_catalog()
    for routine in catalog.routines.values():
        again = parse_routine(tomllib.loads(dumps(routine_table(routine))), "x", catalog.exercises)
        assert again.entries == routine.entries
        assert (again.id, again.title, again.timing, again.default_level) == (
            routine.id,
            routine.title,
            routine.timing,
            routine.default_level,
        )


def test_writer_escapes_text_and_quotes_odd_keys() -> None:
    table = {"a": 'say "hi"\\\n\tand\x01', "odd key": [1, 2.5, True], "t": {"x y": {"z": -0.0}}, "l": []}
    assert tomllib.loads(dumps(table)) == table


def test_writer_refuses_what_toml_cannot_hold() -> None:
    with pytest.raises(ValueError, match="finite"):
        dumps({"a": float("nan")})
    with pytest.raises(TypeError):
        dumps({"a": object()})


def test_example_programme_loads_with_its_own_exercise_and_overrides() -> None:
    programme = read_programme(EXAMPLE, builtin_catalog().exercises)
    assert [e.id for e in programme.exercises] == ["heel-slide"]
    slide = programme.exercises[0]
    assert slide.form_cue and slide.limb(Side.LEFT) == "left leg"
    tilt = programme.routine.entries[1]
    assert (tilt.sets, tilt.hold) == (2, 5.0)
    assert programme.routine.entries[0].exercise is slide


def test_programme_round_trips() -> None:
    known = builtin_catalog().exercises
    programme = read_programme(EXAMPLE, known)
    text = dumps(routine_table(programme.routine, programme.exercises))
    again = parse_programme(tomllib.loads(text), "again", known)
    assert again.exercises == programme.exercises
    assert again.routine.entries == programme.routine.entries


def _example_data() -> dict[str, object]:
    return tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_programme_errors_name_the_table_of_the_exercise() -> None:
    data = _example_data()
    data["exercise"][0]["dose"]["standard"]["reps"] = 0  # type: ignore[index]
    with pytest.raises(ContentError) as err:
        parse_programme(data, "prog.toml", builtin_catalog().exercises)
    assert str(err.value).startswith("prog.toml: exercise[0].dose.standard.reps: 0 is out of range")


def test_programme_figure_errors_carry_the_prefix() -> None:
    data = _example_data()
    data["exercise"][0]["tempo"][0]["pose"] = "nowhere"  # type: ignore[index]
    with pytest.raises(ContentError, match=r"exercise\[0\]\.tempo\[0\]\.pose"):
        parse_programme(data, "prog.toml", builtin_catalog().exercises)


def test_an_exercise_given_twice_is_refused() -> None:
    data = _example_data()
    data["exercise"].append(dict(data["exercise"][0]))  # type: ignore[attr-defined, index]
    with pytest.raises(ContentError, match=r"exercise\[1\]\.id: 'heel-slide' appears twice"):
        parse_programme(data, "prog.toml", builtin_catalog().exercises)


def test_the_files_own_exercise_wins_over_a_known_one_of_the_same_id() -> None:
    data = _example_data()
    data["exercise"][0]["id"] = "glute-bridge"  # type: ignore[index]
    data["exercises"][0]["id"] = "glute-bridge"  # type: ignore[index]
    programme = parse_programme(data, "p", builtin_catalog().exercises)
    assert programme.routine.entries[0].exercise.name == "Heel slide"
    assert programme.routine.entries[2].exercise.name == "Heel slide"


def test_own_pace_makes_entries_self_paced_and_is_refused_for_holds() -> None:
    data = _example_data()
    data["exercise"][0]["own_pace"] = True  # type: ignore[index]
    programme = parse_programme(data, "p", builtin_catalog().exercises)
    assert programme.routine.entries[0].self_paced
    side_plank = exercise_table(builtin_catalog().exercises["side-plank"])
    with pytest.raises(ContentError, match="own_pace"):
        parse_exercise({**side_plank, "own_pace": True}, "x")


def test_a_broken_user_file_is_skipped_and_the_rest_still_loads(tmp_path: Path) -> None:
    (tmp_path / "exercises").mkdir()
    (tmp_path / "routines").mkdir()
    (tmp_path / "exercises" / "bad.toml").write_text('id = "bad"\nname = 3\n', encoding="utf-8")
    (tmp_path / "routines" / "broken.toml").write_text("this is not toml", encoding="utf-8")
    (tmp_path / "routines" / "mine.toml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    catalog = Catalog.load(assets_dir(), tmp_path)
    assert len(catalog.problems) == 2
    assert any("broken.toml" in p and "not valid TOML" in p for p in catalog.problems)
    assert {"lower-back", "gentle-start-with-heel-slides"} <= set(catalog.routines)
    assert catalog.programme("gentle-start-with-heel-slides").exercises[0].id == "heel-slide"


def test_the_field_reference_names_every_field_the_loader_accepts() -> None:
    from backtimer.core.content import loader

    text = (Path(__file__).parents[2] / "docs" / "routines.md").read_text(encoding="utf-8")
    fields = loader._EXERCISE_KEYS | loader._ROUTINE_KEYS | loader._TIMING_KEYS | {"self_paced", "word", "pose"}
    missing = sorted(key for key in fields if not re.search(rf"`\[*{key}[\]. =`]", text))
    assert missing == []
