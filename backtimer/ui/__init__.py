"""The Qt layer: widgets that render the engine's snapshots and send it intents."""

from __future__ import annotations

import ctypes
import sys

NONE_RESERVE = 1 << 40


def _keep_none_alive() -> None:
    """Work around PySide6 6.12.0 on Python 3.11, which drops one reference to None on every call of a void method.

    Measured here: ``QLabel.setText`` in a loop lowers ``sys.getrefcount(None)`` by one per call (6.11.3 does not),
    so after a few thousand calls CPython aborts with "none_dealloc: deallocating None". Python 3.12 made None
    immortal; on older versions we give it a reserve of references that no run can use up.
    """
    if sys.version_info < (3, 12):
        count = ctypes.c_ssize_t.from_address(id(None))
        if count.value < NONE_RESERVE:
            count.value += NONE_RESERVE


_keep_none_alive()
