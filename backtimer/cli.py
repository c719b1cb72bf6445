"""The command line (docs/contract.md). Exit status: 0 ok, 2 bad input (one line on stderr), 1 anything else."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, Protocol, cast

from backtimer import __version__
from backtimer.core.errors import BadInput, Refused


class CommandModule(Protocol):
    """What each module in ``backtimer/commands/`` offers: ``register(sub, common)`` adds its commands."""

    def register(
        self, sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
    ) -> None: ...


# Each group's commands, and the module in backtimer/commands/ that defines them. Only the group of the command given
# is imported (the window's start does not wait for the terminal commands' modules); help and unknown commands load
# all. tests/cli/test_command_groups.py checks that each module registers exactly the names listed here.
COMMAND_GROUPS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("gui",), "gui"),
    (("routines", "plan"), "content"),
    (("run",), "follow"),
    (("history", "stats", "export", "import"), "history"),
    (("progress",), "progress"),
    (("report",), "report"),
    (("figures",), "figures"),
    (("say",), "say"),
    (("routine",), "routine"),
)


def command_module(name: str) -> CommandModule:
    """``backtimer.commands.<name>``, imported now."""
    return cast("CommandModule", importlib.import_module(f"backtimer.commands.{name}"))


COMMANDS = frozenset(name for names, _module in COMMAND_GROUPS for name in names)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, no usage dump: the contract promises a single line for bad input."""
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; given a known ``command``, only its group is loaded (the others stay out of the help, which a
    parse of that command never prints)."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep every file (settings, history, own routines) in DIR; also BACKTIMER_DATA_DIR",
    )
    parser = _Parser(prog="backtimer", description="A spoken coach for a gentle lower-back routine.", parents=[common])
    parser.add_argument("--version", action="version", version=f"backtimer {__version__}")
    # Sub-parsers are _Parser too (one-line errors); the registrars only need the ArgumentParser surface.
    sub = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser),
    )
    for names, module in COMMAND_GROUPS:
        if command is None or command not in COMMANDS or command in names:
            command_module(module).register(sub, common)
    return parser


def _command_of(argv: list[str]) -> str | None:
    """The command word of ``argv`` (after any ``--data-dir DIR``), or None when it starts with another option."""
    rest = list(argv)
    while rest and rest[0] == "--data-dir" and len(rest) > 1:
        rest = rest[2:]
    return rest[0] if rest and not rest[0].startswith("-") else None


def _with_default_command(argv: list[str], commands: frozenset[str]) -> list[str]:
    """``backtimer [--routine X] ...`` means ``backtimer gui ...``."""
    rest = list(argv)
    head: list[str] = []
    while rest and rest[0] == "--data-dir" and len(rest) > 1:
        head += rest[:2]
        rest = rest[2:]
    if rest and (rest[0] in commands or rest[0] in ("-h", "--help", "--version") or not rest[0].startswith("-")):
        return argv  # a command, help, or a misspelt command that argparse will name
    return [*head, "gui", *rest]


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _with_default_command(list(sys.argv[1:] if argv is None else argv), COMMANDS)
    args = build_parser(_command_of(args_list)).parse_args(args_list)
    try:
        result: int = args.func(args)
        return result
    except BadInput as err:
        print(f"backtimer: {err}", file=sys.stderr)
        return 2
    except Refused as err:
        print(f"backtimer: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 1
    except BrokenPipeError:  # output piped into something that stopped reading, e.g. head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:  # the last resort: one line, and the traceback only on request
        if os.environ.get("BACKTIMER_DEBUG"):
            raise
        print(
            f"backtimer: unexpected error: {type(err).__name__}: {err} (BACKTIMER_DEBUG=1 shows more)", file=sys.stderr
        )
        return 1


def gui_main() -> int:
    return main()
