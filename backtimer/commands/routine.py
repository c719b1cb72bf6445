"""``backtimer routine export|import|delete``: one self-contained programme file to send, store or remove."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backtimer.commands.common import load_catalog, paths_of
from backtimer.core.content.programme import read_programme
from backtimer.core.content.tables import routine_table
from backtimer.core.content.toml_writer import dumps
from backtimer.storage.files import atomic_write
from backtimer.storage.user_content import UserContent


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    routine = sub.add_parser("routine", parents=[common], help="export, import or delete a routine (programme file)")
    actions = routine.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(routine))
    export = actions.add_parser("export", parents=[common], help="write a routine and its own exercises to one file")
    export.add_argument("id", metavar="ID", help="a routine id (or a path to a routine file)")
    export.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    export.set_defaults(func=cmd_export)
    imp = actions.add_parser("import", parents=[common], help="store a programme file's routine and exercises")
    imp.add_argument("file", metavar="FILE", help="a programme or routine file")
    imp.set_defaults(func=cmd_import)
    delete = actions.add_parser("delete", parents=[common], help="delete one of your own routines")
    delete.add_argument("id", metavar="ID", help="the routine's id")
    delete.set_defaults(func=cmd_delete)


def cmd_export(args: argparse.Namespace) -> int:
    programme = load_catalog(args).programme(args.id)
    text = dumps(routine_table(programme.routine, programme.exercises))
    if args.output:
        atomic_write(Path(args.output), text)
        print(f"Wrote {programme.routine.title} ({len(programme.exercises)} own exercises) to {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    catalog = load_catalog(args)
    programme = read_programme(Path(args.file), catalog.exercises)
    plan = UserContent(paths_of(args).user_content).import_programme(programme, catalog)
    for line in plan.renames:
        print(f"backtimer: {line}")
    if plan.changes_nothing:
        print(f"Already here: {plan.routine.title} ({plan.routine.id}); nothing changed.")
        return 0
    exercises = len(plan.write_exercises)
    what = f" and {exercises} exercise{'s' if exercises != 1 else ''}" if exercises else ""
    print(f"Imported {plan.routine.title} as {plan.routine.id}{what}.")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    catalog = load_catalog(args)
    title = catalog.routines[args.id].title if args.id in catalog.routines else args.id
    UserContent(paths_of(args).user_content).delete_routine(catalog, args.id)
    print(f"Deleted {title} ({args.id}). Sessions in history keep its name.")
    return 0
