"""Every test runs offscreen, with its own data dir and runtime dir: no test ever touches the real user folders."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh BACKTIMER_DATA_DIR for each test; tests that need another pass ``--data-dir`` themselves."""
    folder = tmp_path / "data"
    monkeypatch.setenv("BACKTIMER_DATA_DIR", str(folder))
    runtime = tempfile.mkdtemp(prefix="bt-run-")  # short: socket paths have a length limit
    monkeypatch.setenv("XDG_RUNTIME_DIR", runtime)
    yield folder
    shutil.rmtree(runtime, ignore_errors=True)
