"""The system's light or dark choice as last seen, kept in the cache folder between runs.

The first frame is painted in it, because asking Qt for the colour scheme has the bindings build the whole ``Qt``
namespace (~35 ms before the first paint). The window asks Qt once it is up, remembers the answer and, if the system
changed its choice while backtimer was closed, repaints in the new one.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

WORDS = {"dark": True, "light": False}


class RememberedScheme:
    def __init__(self, path: Path) -> None:
        self.path = path

    def recall(self) -> bool | None:
        """Dark (True) or light (False) when last seen; None when not known (a first start, or a cleared cache)."""
        try:
            word = self.path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return WORDS.get(word)

    def remember(self, dark: bool) -> None:
        if self.recall() is dark:
            return
        try:  # a plain write: a torn one reads as not known, and the next start asks Qt before its first paint
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text("dark\n" if dark else "light\n", encoding="utf-8")
        except OSError as err:  # only a cache: the next start asks Qt before its first paint instead
            log.info("cannot remember the system's colour scheme in %s: %s", self.path, err)
