"""A finished session the history could not take is saved as a file ``backtimer import`` reads, never dropped.

The file has the shape ``export --format json`` writes. It goes to the first private folder that can be written
(see ``Paths.unsaved_places``), else to a fresh ``tempfile.mkdtemp`` folder; the next start finds it and says how
to bring it in, and a successful import of it removes it.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

from backtimer.private_dirs import is_private_folder, private_folder
from backtimer.storage.files import atomic_write
from backtimer.storage.paths import UNSAVED
from backtimer.storage.records import SessionRecord, document


def save_unsaved(records: Sequence[SessionRecord], places: Sequence[Path]) -> Path:
    """Write ``records`` to the first of ``places`` that takes them; returns the file. Raises OSError if none does."""
    text = json.dumps(document(records), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    name = f"session-{records[0].started_at:%Y%m%d-%H%M%S}-{records[0].id[:8]}.json"
    for place in places:
        folder = private_folder(place)
        if folder is None:
            continue
        try:
            atomic_write(folder / name, text)  # a temp file from mkstemp: 0600
        except OSError:
            continue
        return folder / name
    folder = Path(tempfile.mkdtemp(prefix="backtimer-unsaved-"))  # 0700, a name nobody could guess
    atomic_write(folder / name, text)
    return folder / name


def find_unsaved(places: Sequence[Path]) -> list[Path]:
    """Session files an earlier start saved and nobody has imported yet (only in folders that are private)."""
    found: list[Path] = []
    for place in places:
        try:
            if is_private_folder(place):
                found.extend(sorted(p for p in place.glob("session-*.json") if p.is_file() and not p.is_symlink()))
        except OSError:
            continue
    return found


def is_unsaved_file(path: Path) -> bool:
    """Whether ``path`` is a file ``save_unsaved`` wrote (so a successful import of it may remove it)."""
    try:
        real = path.resolve()
        return (
            real.name.startswith("session-") and real.parent.name.startswith(UNSAVED) and is_private_folder(real.parent)
        )
    except OSError:
        return False


def unsaved_hint(found: Path) -> str:
    """One line offering to import a session an earlier start could not save."""
    return f"a session could not be saved to the history earlier; add it with: backtimer import {found}"
