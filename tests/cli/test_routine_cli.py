"""``backtimer routine export|import|delete`` and programme files given to plan and run."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.core.content.catalog import Catalog
from backtimer.resources import assets_dir

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "heel-slides-programme.toml"
ROUTINE = "gentle-start-with-heel-slides"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.toml"))}


def test_plan_and_run_take_a_programme_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", str(EXAMPLE), "--json")
    assert code == 0
    plan = json.loads(out)
    assert plan["routine"] == ROUTINE
    assert plan["steps"][1]["exercise"] == "heel-slide"
    code, out, err = run(capsys, "run", str(EXAMPLE), "--no-voice", "--speed", "1000", "--level", "beginner")
    assert code == 0, err
    assert "Heel slide" in out


def test_import_twice_changes_nothing_and_export_gives_the_same_programme(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "routine", "import", str(EXAMPLE))
    assert code == 0 and "and 1 exercise" in out
    before = files(data_dir)
    assert set(before) == {f"routines/{ROUTINE}.toml", "exercises/heel-slide.toml"}
    code, out, _ = run(capsys, "routine", "import", str(EXAMPLE))
    assert code == 0 and "nothing changed" in out
    assert files(data_dir) == before
    code, out, _ = run(capsys, "routine", "export", ROUTINE)
    assert code == 0
    exported = tomllib.loads(out)
    original = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert [e["id"] for e in exported["exercise"]] == ["heel-slide"]
    assert exported["exercise"][0]["how_to"] == original["exercise"][0]["how_to"]
    assert exported["exercises"] == original["exercises"]


def test_export_to_a_file_then_import_elsewhere(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "routine", "import", str(EXAMPLE))[0] == 0
    sent = tmp_path / "sent.toml"
    assert run(capsys, "routine", "export", ROUTINE, "--output", str(sent))[0] == 0
    other = tmp_path / "friend"
    code, out, _ = run(capsys, "--data-dir", str(other), "routine", "import", str(sent))
    assert code == 0, out
    friend = Catalog.load(assets_dir(), other)
    assert friend.routines[ROUTINE].entries[0].exercise.name == "Heel slide"


def test_a_clashing_id_is_renamed_told_once_and_found_again(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    assert run(capsys, "routine", "import", str(EXAMPLE))[0] == 0
    changed = EXAMPLE.read_text(encoding="utf-8").replace('name = "Heel slide"', 'name = "Heel slide, my way"')
    changed = changed.replace('title = "Gentle start', 'title = "My gentle start')
    other = tmp_path / "changed.toml"
    other.write_text(changed, encoding="utf-8")
    code, out, _ = run(capsys, "routine", "import", str(other))
    assert code == 0
    lines = [line for line in out.splitlines() if "imported as" in line]
    assert lines == [
        "backtimer: exercise 'heel-slide' differs from the one already here: imported as 'heel-slide-2'",
        f"backtimer: routine '{ROUTINE}' differs from the one already here: imported as '{ROUTINE}-2'",
    ]
    catalog = Catalog.load(assets_dir(), data_dir)
    assert catalog.exercises["heel-slide"].name == "Heel slide"
    assert catalog.routines[f"{ROUTINE}-2"].entries[0].exercise.name == "Heel slide, my way"
    before = files(data_dir)
    code, out, _ = run(capsys, "routine", "import", str(other))
    assert code == 0 and "nothing changed" in out
    assert files(data_dir) == before


def test_a_malformed_programme_is_exit_2_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace('sides = "each"', 'sides = "both"'), encoding="utf-8")
    code, out, err = run(capsys, "routine", "import", str(bad))
    assert code == 2 and out == ""
    assert err == f"backtimer: {bad}: exercise[0].sides: 'both' is not one of: none, each, alternate\n"
    assert files(data_dir) == {}
    code, _, err = run(capsys, "plan", str(bad))
    assert code == 2 and "exercise[0].sides" in err


def test_delete_keeps_history_names_and_refuses_builtins(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert run(capsys, "routine", "import", str(EXAMPLE))[0] == 0
    code, _, err = run(capsys, "routine", "delete", "lower-back")
    assert code == 2 and "built-in" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, "routine", "delete", "no-such")
    assert code == 2 and "no such routine" in err
    code, out, _ = run(capsys, "routine", "delete", ROUTINE)
    assert code == 0 and "Deleted Gentle start with heel slides" in out
    catalog = Catalog.load(assets_dir(), data_dir)
    assert ROUTINE not in catalog.routines
    assert catalog.names()[ROUTINE] == "Gentle start with heel slides"
    assert catalog.names()["heel-slide"] == "Heel slide"  # the exercise stays: other routines may use it
    assert catalog.problems == []


def test_a_damaged_names_file_is_reported_and_everything_else_loads(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "former-names.toml").write_text("[routines]\nold = 5\n", encoding="utf-8")
    code, out, err = run(capsys, "routines")
    assert code == 0 and "lower-back" in out
    assert "former-names.toml: routines.old: must be text" in err
