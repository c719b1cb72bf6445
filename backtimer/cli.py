"""The command line (docs/contract.md). Exit status: 0 ok, 2 bad input (one line on stderr), 1 anything else."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, cast

from backtimer import __version__
from backtimer.commands import content, figures, follow, gui, history, progress, report, routine, say
from backtimer.core.errors import BadInput, Refused

REGISTRARS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser], argparse.ArgumentParser], None]] = [
    gui.register,
    content.register,
    follow.register,
    history.register,
    progress.register,
    report.register,
    figures.register,
    say.register,
    routine.register,
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, no usage dump: the contract promises a single line for bad input."""
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
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
    for register in REGISTRARS:
        register(sub, common)
    return parser


def _with_default_command(argv: list[str], commands: set[str]) -> list[str]:
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
    parser = build_parser()
    args_list = list(sys.argv[1:] if argv is None else argv)
    commands = set(_subcommands(parser))
    args = parser.parse_args(_with_default_command(args_list, commands))
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


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []
