"""The command line loads only the module of the command it was given, and the table that says so stays true."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from backtimer.cli import COMMAND_GROUPS, COMMANDS, build_parser


def _choices(parser: argparse.ArgumentParser) -> list[str]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(actions) == 1
    return list(actions[0].choices)


@pytest.mark.parametrize(("names", "_module"), COMMAND_GROUPS, ids=[module for _, module in COMMAND_GROUPS])
def test_each_group_registers_exactly_its_names(names: tuple[str, ...], _module: str) -> None:
    for name in names:
        assert _choices(build_parser(name)) == list(names)


def test_help_and_unknown_words_load_every_command_in_order() -> None:
    every = [name for names, _ in COMMAND_GROUPS for name in names]
    assert _choices(build_parser()) == every
    assert _choices(build_parser("histroy")) == every
    assert set(every) == COMMANDS


def _loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(m for m in sys.modules if m.startswith('backtimer')))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_the_window_command_does_not_load_the_terminal_commands() -> None:
    loaded = _loaded_after("from backtimer.cli import build_parser\nbuild_parser('gui').parse_args(['gui'])")
    assert "backtimer.commands.gui" in loaded
    terminal = {f"backtimer.commands.{m}" for m in ("content", "follow", "history", "progress", "report", "say")}
    assert not loaded & terminal
    assert not any(m.startswith(("backtimer.core.session", "backtimer.storage.history")) for m in loaded)


def test_a_misspelt_command_is_named_among_all_choices() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "backtimer", "histroy"], capture_output=True, text=True, env={"PATH": ""}, check=False
    )
    assert done.returncode == 2
    assert "histroy" in done.stderr and "stats" in done.stderr and "routine" in done.stderr
