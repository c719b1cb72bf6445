"""Errors that carry a one-line message fit for the user."""

from __future__ import annotations


class BadInput(Exception):
    """Something the user gave us (a file, an argument) is wrong. ``str()`` is the one-line message."""


class ContentError(BadInput):
    """A routine or exercise file is broken: names the file and the field."""

    def __init__(self, source: str, field: str | None, problem: str) -> None:
        self.source = source
        self.field = field
        self.problem = problem
        where = f"{source}: {field}" if field else source
        super().__init__(f"{where}: {problem}")


class Refused(Exception):
    """Something on this machine (not the user's input) keeps a command from running: one line, exit status 1."""
