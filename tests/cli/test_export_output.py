"""``export --output`` writes where it points without replacing a link, a pipe or a device with a plain file."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from backtimer.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="links, FIFOs and device nodes")


def _one_session(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "start-small", "--no-voice", "--speed", "1000"]) == 0
    capsys.readouterr()


def test_a_link_is_written_through_to_its_target(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _one_session(capsys)
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert main(["export", "--output", str(link)]) == 0
    assert link.is_symlink()  # before: the link became a plain 0600 file
    assert len(json.loads(target.read_text())["sessions"]) == 1


def test_a_fifo_is_streamed_to(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _one_session(capsys)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    assert main(["export", "--output", str(fifo)]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # before: replaced by a plain file, and the reader waited forever
    assert len(json.loads(got[0])["sessions"]) == 1


def test_a_character_device_is_written_to_not_replaced(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    full = tmp_path / "full"
    try:
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # a /dev/full of our own
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here (needs root)")
    _one_session(capsys)
    assert main(["export", "--output", str(full)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err
    assert stat.S_ISCHR(full.lstat().st_mode)  # before: replaced by a regular file
