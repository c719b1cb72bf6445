"""Typed, bounded reading of parsed TOML tables, with errors that name the file and the field."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from backtimer.core.errors import ContentError

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class Table:
    """A view on one TOML table that knows where it came from."""

    def __init__(self, data: Mapping[str, Any], source: str, prefix: str = "") -> None:
        self.data = data
        self.source = source
        self.prefix = prefix

    def path(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def fail(self, key: str | None, problem: str) -> ContentError:
        return ContentError(
            self.source, self.path(key) if key is not None else self.prefix.rstrip(".") or None, problem
        )

    def has(self, key: str) -> bool:
        return key in self.data

    def reject_unknown(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.fail(key, "unknown field (allowed: " + ", ".join(sorted(allowed)) + ")")

    def _get(self, key: str, default: Any) -> Any:
        if key not in self.data:
            if default is _REQUIRED:
                raise self.fail(key, "missing")
            return default
        return self.data[key]

    def text(self, key: str, default: str | None = None, *, max_len: int = 2000) -> str:
        if key not in self.data and default is not None:
            return default
        value = self._get(key, _REQUIRED)
        if not isinstance(value, str):
            raise self.fail(key, f"must be text, not {_kind(value)}")
        if not value.strip():
            raise self.fail(key, "must not be empty")
        if len(value) > max_len:
            raise self.fail(key, f"is too long ({len(value)} characters, at most {max_len})")
        return value.strip()

    def ident(self, key: str) -> str:
        value = self.text(key, max_len=64)
        if not _ID.match(value):
            raise self.fail(key, f"{value!r} is not an id (lower-case letters, digits and dashes)")
        return value

    def texts(self, key: str, *, required: bool = True, max_items: int = 20) -> tuple[str, ...]:
        value = self._get(key, _REQUIRED if required else [])
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list of text, not {_kind(value)}")
        if required and not value:
            raise self.fail(key, "must not be empty")
        if len(value) > max_items:
            raise self.fail(key, f"has {len(value)} items, at most {max_items}")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{key}[{i}]", "must be non-empty text")
        return tuple(item.strip() for item in value)

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int:
        value = self._get(key, _REQUIRED if default is None else default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"must be a whole number, not {_kind(value)}")
        if not low <= value <= high:
            raise self.fail(key, f"{value} is out of range ({low} to {high})")
        return value

    def seconds(self, key: str, low: float, high: float, default: float | None = None) -> float:
        value = self._get(key, _REQUIRED if default is None else default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"must be a number of seconds, not {_kind(value)}")
        number = float(value)
        if not math.isfinite(number) or not low <= number <= high:
            raise self.fail(key, f"{value} is out of range ({low:g} to {high:g} seconds)")
        return number

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, not {_kind(value)}")
        return value

    def choice(self, key: str, options: list[str], default: str | None = None) -> str:
        value = self.text(key, default)
        if value not in options:
            raise self.fail(key, f"{value!r} is not one of: " + ", ".join(options))
        return value

    def table(self, key: str, *, required: bool = True) -> Table:
        value = self._get(key, _REQUIRED if required else {})
        if not isinstance(value, Mapping):
            raise self.fail(key, f"must be a table, not {_kind(value)}")
        return Table(value, self.source, f"{self.path(key)}.")

    def tables(self, key: str, *, required: bool = True, max_items: int = 50) -> list[Table]:
        value = self._get(key, _REQUIRED if required else [])
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise self.fail(key, "must be a list of tables ([[" + key + "]])")
        if required and not value:
            raise self.fail(key, "must not be empty")
        if len(value) > max_items:
            raise self.fail(key, f"has {len(value)} items, at most {max_items}")
        return [Table(v, self.source, f"{self.path(key)}[{i}].") for i, v in enumerate(value)]

    def raw(self, key: str) -> Any:
        return self.data.get(key)


_REQUIRED = object()


def _kind(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a table"}
    for typ, name in names.items():
        if isinstance(value, typ):
            return name
    return type(value).__name__
