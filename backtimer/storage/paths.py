"""Where backtimer keeps its files. The only module that asks platformdirs.

With a data dir (``--data-dir`` or ``BACKTIMER_DATA_DIR``) every file lives under it; otherwise the platform's
user data, config and cache folders are used.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from backtimer.core.errors import BadInput

APP_NAME = "backtimer"
DATA_DIR_ENV = "BACKTIMER_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    data: Path  # history database, user routines and exercises
    config: Path  # settings
    cache: Path  # synthesized voice clips and other things safe to delete
    chosen: bool = False  # the folders were chosen (--data-dir): short-lived files are kept apart per folder

    @classmethod
    def resolve(cls, data_dir: str | None = None, environ: Mapping[str, str] | None = None) -> Paths:
        env = os.environ if environ is None else environ
        chosen = data_dir or env.get(DATA_DIR_ENV)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            if root.exists() and not root.is_dir():
                raise BadInput(f"{chosen}: the data folder is a file, not a folder")
            return cls(data=root, config=root, cache=root / "cache", chosen=True)
        import platformdirs

        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @property
    def user_content(self) -> Path:
        """Holds ``exercises/`` and ``routines/`` of the user's own, read beside the bundled ones."""
        return self.data

    @property
    def history_db(self) -> Path:
        return self.data / "history.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def voice_cache(self) -> Path:
        return self.cache / "voice"

    @property
    def unsaved_places(self) -> list[Path]:
        """Where a session that could not reach the history is saved as a file ``import`` reads, first choice first.

        The next start looks in each of these; a last-resort ``tempfile.mkdtemp`` folder is only named in the notice.
        """
        places = [self.data / UNSAVED, self.cache / UNSAVED]
        runtime = runtime_dir()
        if runtime is not None:
            tag = hashlib.sha256(str(self.data).encode()).hexdigest()[:12] if self.chosen else ""
            places.append(runtime / (f"{UNSAVED}-{tag}" if tag else UNSAVED))
        return places


UNSAVED = "unsaved-sessions"
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
