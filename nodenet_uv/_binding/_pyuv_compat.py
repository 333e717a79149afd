"""Gap fills for pyuv 1.4.0 / libuv 1.13.2, each naming the libuv release that made it moot.

Node 20 is built on libuv 1.46; pyuv bundles 1.13.2. Everything that papers over the
difference lives here, each with a test in ``tests/unit/test_pyuv_compat.py``.
"""

from __future__ import annotations

import math


def ms_to_pyuv_seconds(ms: float) -> float:
    """Convert a libuv millisecond timeout to the seconds float pyuv's Timer takes.

    pyuv computes ``(uint64_t)(timeout * 1000)``: passing ``ms / 1000`` loses one
    millisecond for many integers (``1001 / 1000 * 1000 == 1000.9999...``). Adding half a
    millisecond makes the truncation land on ``ms`` exactly for every integer.
    """
    if ms <= 0:
        return 0.0
    return (math.floor(ms) + 0.5) / 1000.0


# -- TCP --------------------------------------------------------------------------------------
import socket as _socket  # noqa: E402
import struct as _struct  # noqa: E402
from typing import Any  # noqa: E402


def _with_fd_socket(fd: int) -> _socket.socket:
    # A socket object over the handle's fd, for setsockopt only; always detach() it.
    return _socket.socket(fileno=fd)


def tcp_keepalive_extras(fd: int) -> None:
    """libuv >= 1.35: uv_tcp_keepalive(on) also sets TCP_KEEPINTVL=1 and TCP_KEEPCNT=10.

    libuv 1.13 sets only SO_KEEPALIVE and TCP_KEEPIDLE; Node 20 probes every second, ten
    times. Called only after libuv's own keepalive call succeeded (1.46 returns before
    these two when TCP_KEEPIDLE fails, e.g. for a delay of 0).
    """
    s = _with_fd_socket(fd)
    try:
        s.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_KEEPINTVL, 1)
        s.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_KEEPCNT, 10)
    finally:
        s.detach()


def tcp_close_reset(handle: Any, fd: int) -> int:
    """uv_tcp_close_reset (libuv 1.32): SO_LINGER {on, 0} so close() sends RST.

    Returns 0 or a negative errno; the caller then closes the handle.
    """
    s = _with_fd_socket(fd)
    try:
        s.setsockopt(_socket.SOL_SOCKET, _socket.SO_LINGER, _struct.pack("ii", 1, 0))
    except OSError as exc:
        return -(exc.errno or 1)
    finally:
        s.detach()
    return 0


def set_reuse_port(fd: int) -> int:
    """UV_TCP_REUSEPORT (libuv 1.49): SO_REUSEPORT before bind."""
    s = _with_fd_socket(fd)
    try:
        s.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEPORT, 1)
    except OSError as exc:
        return -(exc.errno or 1)
    finally:
        s.detach()
    return 0


# -- Pipe -------------------------------------------------------------------------------------
import os as _os  # noqa: E402
import stat as _stat  # noqa: E402

UV_READABLE = 1
UV_WRITABLE = 2


def pipe_chmod(path: str, mode: int) -> int:
    """uv_pipe_chmod (libuv 1.16): make the socket file readable/writable by all.

    As libuv does, the bits are OR-ed into the file's current mode. Abstract sockets have
    no file (Node rejects readableAll/writableAll for them before we get here).
    """
    if not mode or not (mode & (UV_READABLE | UV_WRITABLE)):
        return -22  # UV_EINVAL
    bits = 0
    if mode & UV_READABLE:
        bits |= _stat.S_IRUSR | _stat.S_IRGRP | _stat.S_IROTH
    if mode & UV_WRITABLE:
        bits |= _stat.S_IWUSR | _stat.S_IWGRP | _stat.S_IWOTH
    try:
        current = _os.stat(path).st_mode
        _os.chmod(path, (current | bits) & 0o7777)
    except OSError as exc:
        return -(exc.errno or 1)
    return 0
