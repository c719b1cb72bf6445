"""One backtimer per data folder: a second start hands its ``--routine/--level/--start`` to the first and exits.

The first instance holds a ``QLockFile`` in the data folder and listens on a ``QLocalServer``. The lock records our
pid, so after a crash the next start finds a dead pid, takes the lock over, clears the left-over socket and goes on:
a stale lock never blocks anyone. Two starts racing each other are ordered by the lock, not by the socket.

The socket lives in the per-user runtime folder (``$XDG_RUNTIME_DIR``, or a private 0700 folder of this user's),
where nobody else can make it first, and a later start only talks to a socket this user owns, served by a process
of this user (checked with the peer's credentials where the platform gives them). On Windows it is a named pipe
that only this user may open.

The wire format is one JSON line each way: the request, then ``{"ok": true}``.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import stat
import struct
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from backtimer.desktop.ports import StartRequest
from backtimer.private_dirs import runtime_dir

if TYPE_CHECKING:  # QtNetwork is loaded when a server or a socket is first needed
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_NAME = "instance.lock"
FORWARD_TIMEOUT_MS = 1500
STARTING_S = 3.0  # how long a later start waits for a first instance that has the lock but no socket yet
MAX_LINE = 4096


def server_name(data_dir: Path) -> str | None:
    """Per user and data folder: a socket path in this user's private runtime folder (a pipe name on Windows);
    None when there is no private folder to put it in (then there is no single-instance server)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name (some containers): the data folder alone still separates us
        user = ""
    import hashlib

    digest = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()[:20]
    if os.name == "nt":
        return f"backtimer-{digest}"
    folder = runtime_dir()
    return str(folder / f"backtimer-{digest}") if folder is not None else None


def trusted(name: str) -> bool:
    """Whether ``name`` is a socket this user owns (links are not followed). Windows pipes: the name alone."""
    if os.name == "nt":
        return True
    try:
        info = os.lstat(name)
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.geteuid()


def peer_is_me(socket: QLocalSocket) -> bool:
    """Whether the process at the other end runs as this user (Linux: SO_PEERCRED; elsewhere the socket's owner,
    checked before connecting, has to do)."""
    if not sys.platform.startswith("linux"):
        return True
    import socket as stdsocket

    try:
        peer = stdsocket.socket(fileno=os.dup(int(socket.socketDescriptor())))
    except OSError:
        return False
    try:
        creds = peer.getsockopt(stdsocket.SOL_SOCKET, stdsocket.SO_PEERCRED, struct.calcsize("3i"))
    except OSError:
        return False
    finally:
        peer.close()
    _pid, uid, _gid = struct.unpack("3i", creds)
    return bool(uid == os.geteuid())


def encode(request: StartRequest) -> bytes:
    return json.dumps({"routine": request.routine, "level": request.level, "start": request.start}).encode() + b"\n"


def decode(line: bytes) -> StartRequest:
    """A request from the wire; anything malformed becomes a plain "show yourself"."""
    try:
        data = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return StartRequest()
    if not isinstance(data, dict):
        return StartRequest()
    routine, level = data.get("routine"), data.get("level")
    return StartRequest(
        routine=routine if isinstance(routine, str) and routine else None,
        level=level if isinstance(level, str) and level else None,
        start=data.get("start") is True,
    )


class SingleInstance(QObject):
    """The first instance's side: ``claim()`` before the window is built, ``serve(handler)`` once it has painted;
    then ``requested`` fires for every later start (a start in between waits for the server: ``claim_or_forward``)."""

    requested = Signal(StartRequest)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir = data_dir
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its pid is gone: a long session never loses the lock
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def claim(self) -> bool:
        """True when we are the first: the lock is ours (a crashed holder's lock is taken over)."""
        return bool(self._lock.tryLock(0))

    def serve(self, handler: Callable[[StartRequest], None]) -> None:
        """Listen for later starts and send each to ``handler`` -- only while we hold the lock: a second window
        (the first did not answer) must never take the first one's socket."""
        if not self._lock.isLocked():
            return
        from PySide6.QtNetwork import QLocalServer  # after the first paint: not needed to show the window

        self.requested.connect(handler)
        name = server_name(self.data_dir)
        if name is None:
            log.info("no private runtime folder for the socket: later starts will open a second window")
            return
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        QLocalServer.removeServer(name)  # a socket left by a crash; safe, since we hold the lock
        if not self._server.listen(name):
            log.info("cannot listen on %s (%s): later starts will open a second window", name, self._server)

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
        if self._lock.isLocked():
            self._lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():  # the line may have come with the connection: no readyRead will follow
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return  # answered already
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data and len(data) < MAX_LINE:
            self._buffers[socket] = data
            return
        del self._buffers[socket]
        socket.write(b'{"ok": true}\n')
        socket.flush()
        self.requested.emit(decode(data.split(b"\n", 1)[0]))  # the client hangs up once it has read the answer

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        with contextlib.suppress(RuntimeError):  # already gone with the server
            socket.deleteLater()


def forward(data_dir: Path, request: StartRequest, timeout_ms: int = FORWARD_TIMEOUT_MS) -> bool:
    """From a later start: hand ``request`` to the running instance. Blocking; needs no event loop.

    False when nobody answered in time (the first instance is still starting, hung, or gone).
    """
    name = server_name(data_dir)
    if name is None or not trusted(name):
        return False  # nobody, or somebody else: never hand our request to a listener we do not own
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    if not peer_is_me(socket):
        socket.abort()
        return False
    socket.write(encode(request))
    socket.waitForBytesWritten(timeout_ms)  # write() only buffers: without this the request may sit here
    answered = b""
    deadline = time.monotonic() + timeout_ms / 1000
    while b"\n" not in answered and time.monotonic() < deadline:
        socket.waitForReadyRead(max(1, int((deadline - time.monotonic()) * 1000)))
        answered += bytes(socket.readAll().data())
        if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            break
    socket.abort()
    return answered.startswith(b'{"ok": true}')


def claim_or_forward(
    data_dir: Path,
    request: StartRequest,
    attempts: int = 3,
    parent: QObject | None = None,
    *,
    starting_s: float = STARTING_S,
) -> SingleInstance | None:
    """At start-up: the instance to keep (we are first), or None when a running backtimer took the request.

    Another instance that holds the lock listens once its window has painted: we try again for ``starting_s`` (and
    at least ``attempts`` times). When it does not answer by then (hung), we start anyway without the
    single-instance server: a second window beats no window.
    """
    instance = SingleInstance(data_dir, parent)
    if instance.claim():
        return instance
    deadline = time.monotonic() + starting_s
    tries = 0
    while True:  # no socket yet, or one a crash left behind: the first replaces it once its window has painted
        if forward(data_dir, request):
            instance.deleteLater()
            return None
        tries += 1
        if tries >= attempts and time.monotonic() >= deadline:
            break
        time.sleep(0.1)
    log.info("another backtimer holds %s but does not answer; starting anyway", data_dir / LOCK_NAME)
    return instance
