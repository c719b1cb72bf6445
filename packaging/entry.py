"""The bundle's entry point: backtimer's command line, plus the two ways backtimer starts Python children.

A frozen app has no ``python``: its own executable is ``sys.executable``. backtimer starts helpers as
``sys.executable -m backtimer.speech.worker`` (the voice worker) and, on Windows, ``sys.executable -c CODE`` (to play a
WAV). This entry point understands both, so the same code runs from a venv and from the bundle.
"""

from __future__ import annotations

import runpy
import sys


def main() -> int:
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "-m" and args[1].startswith("backtimer."):
        sys.argv = [args[1], *args[2:]]
        runpy.run_module(args[1], run_name="__main__", alter_sys=True)
        return 0
    if len(args) >= 2 and args[0] == "-c":
        sys.argv = ["-c", *args[2:]]
        exec(compile(args[1], "<string>", "exec"), {"__name__": "__main__"})
        return 0
    from backtimer.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
