"""The user's content folder holding hostile or odd files: deep nesting, pipes, endless devices, a BOM, a taken id."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backtimer.core.content.catalog import Catalog
from backtimer.resources import assets_dir
from tests.core.test_loader_errors import GOOD_ROUTINE


def _user(tmp_path: Path) -> Path:
    (tmp_path / "routines").mkdir(parents=True)
    (tmp_path / "exercises").mkdir()
    return tmp_path


def test_a_deeply_nested_file_is_skipped_with_one_line(tmp_path: Path) -> None:
    user = _user(tmp_path)
    (user / "routines" / "deep.toml").write_text("a = " + "[" * 500 + "]" * 500 + "\n")  # 1 KB
    catalog = Catalog.load(assets_dir(), user)
    (problem,) = catalog.problems  # before: RecursionError, and no routine at all
    assert problem.endswith("deep.toml: is nested too deeply to read")
    assert {"lower-back", "core-stability", "start-small"} <= set(catalog.routines)


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero")
def test_a_pipe_or_an_endless_device_is_never_read(tmp_path: Path) -> None:
    user = _user(tmp_path)
    os.mkfifo(user / "routines" / "pipe.toml")
    (user / "exercises" / "zero.toml").symlink_to("/dev/zero")
    env = {**os.environ, "BACKTIMER_DATA_DIR": str(user)}
    done = subprocess.run(  # before: `routines` hung on the pipe (and ate all memory on /dev/zero)
        [sys.executable, "-m", "backtimer", "routines"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and "lower-back" in done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 2 and all("is not a regular file" in line for line in lines)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    user = _user(tmp_path)
    (user / "routines" / "mine.toml").write_bytes(b"\xef\xbb\xbf" + GOOD_ROUTINE.encode())
    catalog = Catalog.load(assets_dir(), user)
    assert catalog.problems == [] and "mine" in catalog.routines  # before: "is not valid TOML"


def test_a_user_routine_with_a_built_in_id_is_refused_with_one_line(tmp_path: Path) -> None:
    user = _user(tmp_path)
    (user / "routines" / "copy.toml").write_text(GOOD_ROUTINE.replace('id = "mine"', 'id = "lower-back"', 1))
    catalog = Catalog.load(assets_dir(), user)
    (problem,) = catalog.problems  # before: the built-in was silently replaced
    assert "copy.toml: id: 'lower-back' is taken" in problem
    assert catalog.routines["lower-back"].title != "Mine"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_a_content_folder_nobody_may_open_is_one_line_each(tmp_path: Path) -> None:
    user = _user(tmp_path)
    os.chmod(user, 0)
    try:
        catalog = Catalog.load(assets_dir(), user)  # before: PermissionError, "unexpected error"
    finally:
        os.chmod(user, 0o700)
    assert len(catalog.problems) == 2 and all("cannot be read (Permission denied)" in p for p in catalog.problems)
    assert "lower-back" in catalog.routines
