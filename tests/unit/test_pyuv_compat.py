"""Gap fills for libuv 1.13 (nodenet_uv/_binding/_pyuv_compat.py), checked against the
real thing: pyuv's own timer conversion, and getsockopt/os.stat on real sockets."""

from __future__ import annotations

import errno
import os
import socket
import stat
import struct
import tempfile

import pytest

from nodenet_uv._binding import _pyuv_compat as compat
from nodenet_uv._binding import loop as _loop


def _pyuv_ms(seconds: float) -> int:
    # What pyuv hands libuv: (uint64_t)(timeout * 1000), a C double truncated.
    return int(seconds * 1000)


def test_ms_to_pyuv_seconds_is_exact_for_every_integer() -> None:
    for ms in range(0, 100_001):
        assert _pyuv_ms(compat.ms_to_pyuv_seconds(ms)) == ms, ms


def test_naive_division_would_lose_a_millisecond() -> None:
    # The reason the function exists: ms / 1000 * 1000 truncates below ms for some ms.
    lost = [ms for ms in range(0, 10_001) if _pyuv_ms(ms / 1000) != ms]
    assert lost, "pyuv's conversion changed; revisit ms_to_pyuv_seconds"


def test_ms_to_pyuv_seconds_through_a_real_pyuv_timer() -> None:
    import pyuv

    t = pyuv.Timer(_loop.loop)
    try:
        for ms in (*range(0, 5000), 65_537, 99_999, 100_000, 2**31 - 1):
            t.repeat = compat.ms_to_pyuv_seconds(ms)  # uv_timer_set_repeat(ms)
            assert round(t.repeat * 1000) == ms, ms  # uv_timer_get_repeat / 1000.0
    finally:
        t.close()
        _loop.loop.run(pyuv.UV_RUN_NOWAIT)


def test_ms_to_pyuv_seconds_fractions_and_negatives() -> None:
    assert compat.ms_to_pyuv_seconds(-5) == 0.0
    assert _pyuv_ms(compat.ms_to_pyuv_seconds(1.9)) == 1  # truncated, as Node's MathTrunc


@pytest.fixture
def tcp_pair():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    cli = socket.create_connection(srv.getsockname())
    peer, _ = srv.accept()
    srv.close()
    try:
        yield cli, peer
    finally:
        cli.close()
        peer.close()


def test_tcp_keepalive_extras(tcp_pair) -> None:
    cli, _ = tcp_pair
    cli.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    compat.tcp_keepalive_extras(cli.fileno())
    assert cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL) == 1
    assert cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT) == 10
    # the fd is still open and usable: the helper detached its socket object
    cli.sendall(b"x")


def test_tcp_close_reset_sets_linger_and_sends_rst(tcp_pair) -> None:
    cli, peer = tcp_pair
    assert compat.tcp_close_reset(None, cli.fileno()) == 0
    onoff, linger = struct.unpack("ii", cli.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))
    assert (onoff, linger) == (1, 0)
    cli.close()  # with SO_LINGER {1, 0}, close() sends RST instead of FIN
    peer.settimeout(5)
    with pytest.raises(ConnectionResetError):
        peer.recv(10)


def test_tcp_close_reset_on_a_bad_fd() -> None:
    r, w = os.pipe()
    try:
        assert compat.tcp_close_reset(None, r) == -errno.ENOTSOCK
    finally:
        os.close(r)
        os.close(w)


def test_set_reuse_port(tcp_pair) -> None:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        assert compat.set_reuse_port(s.fileno()) == 0
        assert s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 1
    finally:
        s.close()


@pytest.fixture
def unix_socket_path():
    d = tempfile.mkdtemp(prefix="nnuv-compat.")
    path = os.path.join(d, "s.sock")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o077)
    try:
        s.bind(path)
    finally:
        os.umask(old)
    try:
        yield path
    finally:
        s.close()
        os.unlink(path)
        os.rmdir(d)


def _mode(path: str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_pipe_chmod_readable(unix_socket_path: str) -> None:
    assert _mode(unix_socket_path) & 0o077 == 0
    assert compat.pipe_chmod(unix_socket_path, compat.UV_READABLE) == 0
    mode = _mode(unix_socket_path)
    assert mode & 0o444 == 0o444
    assert mode & 0o022 == 0


def test_pipe_chmod_writable(unix_socket_path: str) -> None:
    assert compat.pipe_chmod(unix_socket_path, compat.UV_WRITABLE) == 0
    mode = _mode(unix_socket_path)
    assert mode & 0o222 == 0o222
    assert mode & 0o044 == 0


def test_pipe_chmod_both(unix_socket_path: str) -> None:
    before = _mode(unix_socket_path)
    assert compat.pipe_chmod(unix_socket_path, compat.UV_READABLE | compat.UV_WRITABLE) == 0
    assert _mode(unix_socket_path) == before | 0o666


def test_pipe_chmod_errors(unix_socket_path: str) -> None:
    assert compat.pipe_chmod(unix_socket_path, 0) == -errno.EINVAL
    assert compat.pipe_chmod(unix_socket_path, 4) == -errno.EINVAL
    missing = unix_socket_path + ".missing"
    assert compat.pipe_chmod(missing, compat.UV_READABLE) == -errno.ENOENT
