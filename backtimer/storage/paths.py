"""Where backtimer keeps its files. The only module that asks platformdirs.

With a data dir (``--data-dir`` or ``BACKTIMER_DATA_DIR``) every file lives under it; otherwise the platform's
user data, config and cache folders are used.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from backtimer.core.errors import BadInput
from backtimer.private_dirs import private_folder, runtime_dir

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
    def system_scheme(self) -> Path:
        """The system's light or dark choice when last seen (the first frame is painted in it)."""
        return self.cache / "system-scheme"

    def voice_spares(self) -> list[Path]:
        """Private folders for voice clips when ``voice_cache`` cannot be written (the per-user runtime folder)."""
        runtime = runtime_dir()
        spare = private_folder(runtime / "voice") if runtime is not None else None
        return [spare] if spare is not None else []

    @property
    def unsaved_places(self) -> list[Path]:
        """Where a session that could not reach the history is saved as a file ``import`` reads, first choice first.

        The next start looks in each of these; a last-resort ``tempfile.mkdtemp`` folder is only named in the notice.
        """
        places = [self.data / UNSAVED, self.cache / UNSAVED]
        runtime = runtime_dir()
        if runtime is not None:
            import hashlib  # only here: its OpenSSL start costs a few ms of every window's start-up

            tag = hashlib.sha256(str(self.data).encode()).hexdigest()[:12] if self.chosen else ""
            places.append(runtime / (f"{UNSAVED}-{tag}" if tag else UNSAVED))
        return places


UNSAVED = "unsaved-sessions"
