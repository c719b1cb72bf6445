"""Every test runs offscreen and with its own data dir: no test ever touches the real user folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh BACKTIMER_DATA_DIR for each test; tests that need another pass ``--data-dir`` themselves."""
    folder = tmp_path / "data"
    monkeypatch.setenv("BACKTIMER_DATA_DIR", str(folder))
    yield folder
