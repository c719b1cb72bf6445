"""The command line as one typed value: what ``backtimer`` was asked for, read once from argparse."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from backtimer.storage.paths import Paths

if TYPE_CHECKING:
    import argparse


@dataclass(frozen=True)
class CommandLine:
    data_dir: str | None = None  # --data-dir (else BACKTIMER_DATA_DIR, else the platform's folders)
    routine: str | None = None  # a routine id or a path to a routine or programme file
    level: str | None = None
    start: bool = False  # gui --start: begin at once
    no_voice: bool = False  # run --no-voice
    speed: float = 1.0  # run --speed

    @classmethod
    def of(cls, args: argparse.Namespace) -> CommandLine:
        """Read the options this subcommand has; the others keep their defaults."""
        given = vars(args)
        return cls(
            data_dir=given.get("data_dir"),
            routine=given.get("routine"),
            level=given.get("level"),
            start=bool(given.get("start", False)),
            no_voice=bool(given.get("no_voice", False)),
            speed=float(given.get("speed", 1.0)),
        )

    @cached_property
    def paths(self) -> Paths:
        """Where every file goes (raises BadInput when the data folder is a file)."""
        return Paths.resolve(self.data_dir)
