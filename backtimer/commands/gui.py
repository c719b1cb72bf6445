"""``backtimer [gui]``: the window."""

from __future__ import annotations

import argparse
import gc


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    gui = sub.add_parser("gui", parents=[common], help="open the window (the default)")
    gui.add_argument("--routine", metavar="ID|FILE", help="the routine to select")
    gui.add_argument("--level", metavar="LEVEL", help="beginner, standard or advanced")
    gui.add_argument("--start", action="store_true", help="start the session at once")
    gui.set_defaults(func=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    # No cycle collection until home is filled in (run_gui turns it back on then): the start-up makes ~25,000
    # objects that live as long as the window, and the collector walking them again and again cost the first
    # paint ~20 ms.
    gc.disable()
    try:
        from backtimer.app import run_gui  # Qt is imported only when a window is wanted
        from backtimer.command_line import CommandLine

        return run_gui(CommandLine.of(args))
    finally:
        gc.enable()
