"""Helpers every command uses: the catalog, levels, output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from backtimer.command_line import CommandLine
from backtimer.core.content.catalog import Catalog
from backtimer.core.content.loader import parse_level
from backtimer.core.content.model import Level, Routine
from backtimer.core.settings import Settings
from backtimer.practice.preferences import Preferences
from backtimer.resources import assets_dir
from backtimer.storage.paths import Paths
from backtimer.storage.settings import SettingsFile

LEVELS = [level.value for level in Level]


def paths_of(args: argparse.Namespace | CommandLine) -> Paths:
    return (args if isinstance(args, CommandLine) else CommandLine.of(args)).paths


def load_catalog(args: argparse.Namespace | CommandLine) -> Catalog:
    """The bundled content plus the user's; user files that are broken are reported once and skipped."""
    catalog = Catalog.load(assets_dir(), paths_of(args).user_content)
    for problem in catalog.problems:
        print(f"backtimer: skipped {problem}", file=sys.stderr)
    return catalog


def load_settings(args: argparse.Namespace | CommandLine) -> Settings:
    """The user's settings; a damaged file is reported in one line and the defaults are used."""
    return load_preferences(args).current


def load_preferences(args: argparse.Namespace | CommandLine) -> Preferences:
    """The user's settings and where changes are saved; a damaged file is reported in one line."""
    settings_file = SettingsFile(paths_of(args).settings_file)
    settings = settings_file.load()
    for notice in settings_file.notices:
        print(f"backtimer: {notice}", file=sys.stderr)
    return Preferences(settings, settings_file.save)


def routine_and_level(args: argparse.Namespace | CommandLine) -> tuple[Routine, Level]:
    line = args if isinstance(args, CommandLine) else CommandLine.of(args)
    routine = load_catalog(line).routine(line.routine or "")
    level = parse_level(line.level, "--level") if line.level else routine.default_level
    return routine, level


def add_level(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--level", metavar="LEVEL", help="beginner, standard or advanced (default: the routine's)")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
