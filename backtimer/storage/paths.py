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

APP_NAME = "backtimer"
DATA_DIR_ENV = "BACKTIMER_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    data: Path  # history database, user routines and exercises
    config: Path  # settings
    cache: Path  # synthesized voice clips and other things safe to delete

    @classmethod
    def resolve(cls, data_dir: str | None = None, environ: Mapping[str, str] | None = None) -> Paths:
        env = os.environ if environ is None else environ
        chosen = data_dir or env.get(DATA_DIR_ENV)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            if root.exists() and not root.is_dir():
                raise BadInput(f"{chosen}: the data folder is a file, not a folder")
            return cls(data=root, config=root, cache=root / "cache")
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
