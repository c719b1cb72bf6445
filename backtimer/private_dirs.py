"""Private per-user folders for sockets and short-lived files, checked so that no other user can slip one in."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "backtimer"
RUNTIME_ENV = "XDG_RUNTIME_DIR"


def private_folder(path: Path) -> Path | None:
    """``path`` as a folder only this user can enter: created 0700, or an existing real folder (not a link) that
    this user owns and nobody else can open. None when it is anything else (another user's, a link, world-open).
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return path if is_private_folder(path) else None


def is_private_folder(path: Path) -> bool:
    """A real folder (links are not followed) owned by this user, with no access for group or others."""
    import stat

    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if os.name != "posix":
        return True  # Windows: per-user folders are protected by their ACLs
    return info.st_uid == os.geteuid() and not info.st_mode & 0o077


def runtime_dir() -> Path | None:
    """A private per-user folder for sockets and short-lived files: ``$XDG_RUNTIME_DIR/backtimer`` where the
    runtime folder is this user's own, else ``backtimer-<uid>`` in the temporary folder (created 0700, checked).
    """
    import tempfile

    base = os.environ.get(RUNTIME_ENV, "")
    if base and Path(base).is_absolute() and is_private_folder(Path(base)):
        found = private_folder(Path(base) / APP_NAME)
        if found is not None:
            return found
    user = str(os.geteuid()) if os.name == "posix" else os.environ.get("USERNAME", "user")
    return private_folder(Path(tempfile.gettempdir()) / f"{APP_NAME}-{user}")
