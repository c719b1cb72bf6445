"""One backtimer per data folder: later starts hand over their arguments; a crash leaves nothing in the way."""

from __future__ import annotations

import os
import signal
import socket as stdsocket
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backtimer.desktop.ports import StartRequest
from backtimer.desktop.single_instance import LOCK_NAME, SingleInstance, decode, encode, forward, server_name

ROOT = Path(__file__).resolve().parents[2]


def later_start(data: Path, request: StartRequest) -> subprocess.Popen[str]:
    """A second backtimer process doing what a later start does first."""
    code = (
        "import sys; from pathlib import Path; from backtimer.desktop.single_instance import forward, decode;"
        "print(forward(Path(sys.argv[1]), decode(sys.argv[2].encode())))"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, str(data), encode(request).decode().strip()],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str], qtbot: QtBot) -> str:
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20000)  # our event loop answers meanwhile
    assert proc.stdout is not None
    with proc.stdout:
        return proc.stdout.read().strip()


def test_a_later_start_hands_over_its_request(tmp_path: Path, qtbot: QtBot) -> None:
    first = SingleInstance(tmp_path)
    assert first.claim()
    assert not first.listening
    first.serve(lambda _request: None)
    assert first.listening
    with qtbot.waitSignal(first.requested, timeout=20000) as got:
        proc = later_start(tmp_path, StartRequest("start-small", "beginner", start=True))
    assert got.args == [StartRequest("start-small", "beginner", start=True)]
    assert finish(proc, qtbot) == "True"
    first.close()


WAITING_START = (
    "import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
    "from backtimer.desktop.single_instance import claim_or_forward, decode;"
    "app = QCoreApplication([]); print('trying', flush=True);"
    "print(claim_or_forward(Path(sys.argv[1]), decode(sys.argv[2].encode())) is None, flush=True)"
)


def waiting_start(data: Path, request: StartRequest) -> subprocess.Popen[str]:
    """A later start in a process of its own, as far as its hand-over (it prints "trying" first)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WAITING_START, str(data), encode(request).decode().strip()],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline() == "trying\n"
    return proc


def test_a_start_while_the_first_is_still_building_its_window_waits_for_it(tmp_path: Path, qtbot: QtBot) -> None:
    """The first holds the lock but listens only once its window has painted: a later start waits for that."""
    first = SingleInstance(tmp_path)
    assert first.claim()
    request = StartRequest("start-small", None, start=True)
    proc = waiting_start(tmp_path, request)
    qtbot.wait(400)  # the later start is trying: there is no socket yet
    assert proc.poll() is None
    with qtbot.waitSignal(first.requested, timeout=20000) as got:
        first.serve(lambda _request: None)
    assert got.args == [request]
    assert finish(proc, qtbot) == "True"  # it handed over and left: no second window
    first.close()


def test_a_socket_a_crash_left_behind_does_not_turn_a_later_start_away(tmp_path: Path, qtbot: QtBot) -> None:
    name = server_name(tmp_path)
    assert name is not None
    dead = stdsocket.socket(stdsocket.AF_UNIX, stdsocket.SOCK_STREAM)
    dead.bind(name)  # a socket file nobody listens on any more
    dead.close()
    first = SingleInstance(tmp_path)
    assert first.claim()  # the new first instance, still building its window
    proc = waiting_start(tmp_path, StartRequest("start-small"))
    qtbot.wait(400)
    assert proc.poll() is None  # still trying, not gone off to open a second window
    first.serve(lambda _request: None)  # clears the dead socket and listens
    assert finish(proc, qtbot) == "True"
    first.close()


def test_a_start_without_the_lock_never_takes_the_socket(tmp_path: Path) -> None:
    first, second = SingleInstance(tmp_path), SingleInstance(tmp_path)
    assert first.claim()
    first.serve(lambda _request: None)
    assert not second.claim()  # the first did not answer in time, say: this one opens a window of its own
    second.serve(lambda _request: None)
    assert not second.listening
    second.close()
    assert first.listening and Path(server_name(tmp_path) or "").exists()  # later starts still reach the first
    first.close()


def test_only_one_claims_a_folder(tmp_path: Path) -> None:
    first, second = SingleInstance(tmp_path), SingleInstance(tmp_path)
    assert first.claim()
    assert not second.claim()
    first.close()
    assert second.claim()  # the folder is free again once the first has gone
    second.close()


def test_other_folders_are_other_instances(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    a, b = SingleInstance(tmp_path / "a"), SingleInstance(tmp_path / "b")
    assert a.claim() and b.claim()
    a.close()
    b.close()


def test_a_crash_leaves_no_lock_that_blocks(tmp_path: Path, qtbot: QtBot) -> None:
    """The first instance is killed outright: its lock file and its socket stay behind."""
    crash = (
        "import os, signal, sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
        "from backtimer.desktop.single_instance import SingleInstance;"
        "app = QCoreApplication([]); s = SingleInstance(Path(sys.argv[1]));"
        "print(s.claim() and (s.serve(print) or s.listening), flush=True); os.kill(os.getpid(), signal.SIGKILL)"
    )
    done = subprocess.run(
        [sys.executable, "-c", crash, str(tmp_path)], cwd=ROOT, check=False, capture_output=True, text=True
    )
    assert done.returncode == -signal.SIGKILL and done.stdout.strip() == "True"
    assert (tmp_path / LOCK_NAME).exists()
    assert not forward(tmp_path, StartRequest(), timeout_ms=200)  # nobody answers on the stale socket

    after = SingleInstance(tmp_path)
    assert after.claim()
    after.serve(lambda _request: None)
    assert after.listening  # the stale socket was cleared
    with qtbot.waitSignal(after.requested, timeout=20000):
        proc = later_start(tmp_path, StartRequest(start=True))
    assert finish(proc, qtbot) == "True"
    after.close()


def test_nobody_there_means_no_hand_over(tmp_path: Path) -> None:
    assert not forward(tmp_path, StartRequest(), timeout_ms=200)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b'{"routine": "lower-back", "level": null, "start": true}', StartRequest("lower-back", None, True)),
        (b"not json", StartRequest()),
        (b"[1, 2]", StartRequest()),
        (b'{"routine": 7, "level": "", "start": "yes"}', StartRequest()),
        (b"\xff\xfe", StartRequest()),
    ],
)
def test_requests_on_the_wire(line: bytes, expected: StartRequest) -> None:
    assert decode(line) == expected


def test_encode_decode_round_trip() -> None:
    request = StartRequest("core-stability", "advanced", True)
    assert decode(encode(request).strip()) == request
    assert not request.empty and StartRequest().empty


def test_the_lock_lives_in_the_data_folder(tmp_path: Path) -> None:
    instance = SingleInstance(tmp_path / "new" / "folder")
    assert instance.claim()
    assert (tmp_path / "new" / "folder" / LOCK_NAME).exists()
    instance.close()
    assert not (tmp_path / "new" / "folder" / LOCK_NAME).exists()
    assert os.listdir(tmp_path / "new" / "folder") == []


def test_the_socket_is_in_the_private_runtime_folder(tmp_path: Path) -> None:
    name = server_name(tmp_path)
    assert name is not None and Path(name).parent == Path(os.environ["XDG_RUNTIME_DIR"]) / "backtimer"
    assert Path(name).parent.stat().st_mode & 0o077 == 0


ATTACKER = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer
app = QCoreApplication([])
server = QLocalServer()
server.setSocketOptions(QLocalServer.SocketOption.WorldAccessOption)
assert server.listen(sys.argv[1])
print("listening", flush=True)
def answer():
    sock = server.nextPendingConnection()
    sock.waitForReadyRead(2000)
    print("got", bytes(sock.readAll().data()).decode().strip(), flush=True)
    sock.write(b'{"ok": true}\\n')
    sock.flush()
server.newConnection.connect(answer)
app.exec()
"""


def test_a_listener_another_user_put_at_the_old_shared_name_gets_nothing(tmp_path: Path) -> None:
    from backtimer.desktop.single_instance import claim_or_forward

    old_name = Path(server_name(tmp_path) or "").name  # before: this name, in the shared temp folder
    attacker = subprocess.Popen([sys.executable, "-c", ATTACKER, old_name], stdout=subprocess.PIPE, text=True)
    assert attacker.stdout is not None and attacker.stdout.readline() == "listening\n"
    from PySide6.QtCore import QLockFile

    running = QLockFile(str(tmp_path / LOCK_NAME))  # a backtimer is running (it holds the lock)
    assert running.tryLock(0)
    try:
        kept = claim_or_forward(tmp_path, StartRequest("start-small", start=True), attempts=1, starting_s=0.2)
        assert kept is not None  # before: None, the request handed to the attacker and this start gone
        kept.close()
    finally:
        running.unlock()
        attacker.kill()
    out, _ = attacker.communicate()
    assert "got" not in out


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="making a socket another user's takes root")
def test_a_socket_owned_by_someone_else_is_never_trusted(tmp_path: Path, qtbot: QtBot) -> None:
    first = SingleInstance(tmp_path)
    assert first.claim()
    first.serve(lambda _request: None)
    name = server_name(tmp_path)
    assert name is not None and first.listening
    os.chown(name, 65534, 65534)  # as if another user had made it
    proc = later_start(tmp_path, StartRequest("start-small"))
    assert finish(proc, qtbot) == "False"
    first.close()
