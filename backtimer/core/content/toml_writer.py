"""A small TOML writer for the content files (tomllib only reads).

It writes what the content files hold: text, numbers, true/false, lists of those, tables and lists of tables.
Plain keys come first, then ``[tables]`` and ``[[lists of tables]]`` beneath them, so the output reads like the
hand-written files. A dict inside a list of plain values is written inline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def dumps(table: Mapping[str, Any]) -> str:
    lines: list[str] = []
    _table(table, (), lines, array=False)
    return "\n".join(lines).strip("\n") + "\n"


def _table(table: Mapping[str, Any], path: tuple[str, ...], lines: list[str], *, array: bool) -> None:
    plain = {k: v for k, v in table.items() if not _is_table(v) and not _is_table_list(v)}
    if path and (plain or array or not table):
        lines.append("")
        lines.append(f"[[{_dotted(path)}]]" if array else f"[{_dotted(path)}]")
    for key, value in plain.items():
        lines.append(f"{_key(key)} = {_plain(value)}")
    for key, value in table.items():
        if _is_table(value):
            _table(value, (*path, key), lines, array=False)
        elif _is_table_list(value):
            for item in value:
                _table(item, (*path, key), lines, array=True)


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list | tuple) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(_key(part) for part in path)


def _key(key: str) -> str:
    return key if _BARE.match(key) else _string(key)


def _plain(value: Any) -> str:
    """A key's value; a long list gets one item a line, as people write them."""
    text = _value(value)
    if isinstance(value, list | tuple) and len(text) > 100:
        return "[\n" + "".join(f"    {_value(v)},\n" for v in value) + "]"
    return text


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"TOML content files hold finite numbers only, not {value}")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
