"""Helpers every command uses: the catalog, levels, output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from backtimer.core.catalog import Catalog
from backtimer.core.content import parse_level
from backtimer.core.model import Level, Routine
from backtimer.resources import assets_dir
from backtimer.storage.paths import Paths
from backtimer.storage.settings import Settings, SettingsFile

LEVELS = [level.value for level in Level]


def paths_of(args: argparse.Namespace) -> Paths:
    return Paths.resolve(getattr(args, "data_dir", None))


def load_catalog(args: argparse.Namespace) -> Catalog:
    """The bundled content plus the user's; user files that are broken are reported once and skipped."""
    catalog = Catalog.load(assets_dir(), paths_of(args).user_content)
    for problem in catalog.problems:
        print(f"backtimer: skipped {problem}", file=sys.stderr)
    return catalog


def load_settings(args: argparse.Namespace) -> Settings:
    """The user's settings; a damaged file is reported in one line and the defaults are used."""
    settings_file = SettingsFile(paths_of(args).settings_file)
    settings = settings_file.load()
    for notice in settings_file.notices:
        print(f"backtimer: {notice}", file=sys.stderr)
    return settings


def routine_and_level(args: argparse.Namespace) -> tuple[Routine, Level]:
    routine = load_catalog(args).routine(args.routine)
    level = parse_level(args.level, "--level") if args.level else routine.default_level
    return routine, level


def add_level(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--level", metavar="LEVEL", help="beginner, standard or advanced (default: the routine's)")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, allow_nan=False)
    sys.stdout.write("\n")


def format_seconds(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"
