"""The Pipe gap fills of ``_binding/_pyuv_compat.py`` (libuv 1.13 → what Node 20's libuv
1.46 does), one test group per function, and the Pipe binding methods that use them."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

from nodenet_uv import run
from nodenet_uv._binding import _pyuv_compat as compat
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding.pipe_wrap import Pipe, PipeConnectWrap

pytestmark = pytest.mark.skipif(not compat._IS_LINUX, reason="Linux sockaddr_un layout")


@pytest.fixture
def d() -> Iterator[str]:
    path = tempfile.mkdtemp(prefix="nodenet-uv-compat-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(autouse=True)
def _no_fd_leak() -> Iterator[None]:
    Pipe().close()  # the loop's one-time /dev/null (libuv's EMFILE reserve)
    run()
    before = sorted(os.listdir("/proc/self/fd"), key=int)
    yield
    assert sorted(os.listdir("/proc/self/fd"), key=int) == before, "fds leaked"


# -- pipe_chmod (uv_pipe_chmod, libuv 1.16) ---------------------------------------------------


def test_pipe_chmod_ors_bits_into_the_mode(d: str) -> None:
    f = os.path.join(d, "f")
    with open(f, "w"):
        pass
    os.chmod(f, 0o600)
    assert compat.pipe_chmod(f, compat.UV_READABLE) == 0
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o644
    assert compat.pipe_chmod(f, compat.UV_WRITABLE) == 0
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o666
    os.chmod(f, 0o600)
    assert compat.pipe_chmod(f, compat.UV_READABLE | compat.UV_WRITABLE) == 0
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o666


def test_pipe_chmod_errors(d: str) -> None:
    f = os.path.join(d, "f")
    with open(f, "w"):
        pass
    for bad in (0, 4, 5, -1):
        assert compat.pipe_chmod(f, bad) == -errno.EINVAL
    assert compat.pipe_chmod(os.path.join(d, "missing"), compat.UV_READABLE) == -errno.ENOENT


# -- names: pipe_name_needs_fd, pipe_sockaddr, pipe_bound_name, pipe_unlink_name --------------


def test_which_names_go_through_the_fd() -> None:
    assert not compat.pipe_name_needs_fd("/tmp/x.sock")
    assert not compat.pipe_name_needs_fd("/" + "a" * 106)  # 107 bytes: both libuvs agree
    assert compat.pipe_name_needs_fd("/" + "a" * 107)  # 108: 1.13 would cut one byte
    assert compat.pipe_name_needs_fd("/" + "a" * 300)
    assert compat.pipe_name_needs_fd("\0abstract")
    assert compat.pipe_name_needs_fd("/tmp/a\0b")
    assert not compat.pipe_name_needs_fd("/tmp/é" * 10)  # 80 bytes
    assert compat.pipe_name_needs_fd("/tmp/é" * 16)  # 112 bytes (96 characters)


def test_pipe_sockaddr_is_libuv_1_46s() -> None:
    # strace of node v20.20.2: bind(fd, {AF_UNIX, "@abcd\0\0..."}, 110)
    sa = compat.pipe_sockaddr("\0abcd")
    assert len(sa) == 110
    assert sa[:2] == socket.AF_UNIX.to_bytes(2, "little")
    assert sa[2:] == b"\0abcd" + b"\0" * 103
    long_name = "/" + "z" * 199
    assert compat.pipe_sockaddr(long_name)[2:] == long_name.encode()[:108]


def test_bound_and_unlinked_names() -> None:
    long_name = "/" + "z" * 199
    assert compat.pipe_bound_name(long_name) == long_name[:108]
    assert compat.pipe_bound_name("\0abcd") == "\0abcd"
    assert compat.pipe_bound_name("/tmp/a\0b") == "/tmp/a"
    # libuv 1.46 unlinks uv__strdup(name) on close: the full name, cut at a NUL.
    assert compat.pipe_unlink_name(long_name) == long_name
    assert compat.pipe_unlink_name("/tmp/a\0b") == "/tmp/a"
    assert compat.pipe_unlink_name("\0abcd") is None


# -- pipe_bind_fd / pipe_connect_fd / pipe_new_socket -----------------------------------------


def test_abstract_bind_and_connect_match_node() -> None:
    name = f"\0nodenet-uv-compat-{os.getpid()}"
    fd = compat.pipe_bind_fd(name)
    assert fd >= 0
    lsock = socket.socket(fileno=fd)
    try:
        assert lsock.getsockname() == name.encode().ljust(108, b"\0")
        assert not os.get_blocking(fd)
        assert not os.get_inheritable(fd)
        lsock.listen(1)
        # Node's peers (padded name) reach it; the exact-length name is another socket.
        with socket.socket(socket.AF_UNIX) as c:
            c.connect(name.encode().ljust(108, b"\0"))
        with socket.socket(socket.AF_UNIX) as c, pytest.raises(ConnectionRefusedError):
            c.connect(name)
        # And pipe_connect_fd reaches it too.
        cfd = compat.pipe_new_socket()
        assert cfd >= 0
        try:
            assert compat.pipe_connect_fd(cfd, name) == 0
        finally:
            os.close(cfd)
    finally:
        lsock.close()


def test_connect_fd_errors(d: str) -> None:
    cfd = compat.pipe_new_socket()
    try:
        assert compat.pipe_connect_fd(cfd, "\0nodenet-uv-nobody-listens") == -errno.ECONNREFUSED
        assert compat.pipe_connect_fd(cfd, os.path.join(d, "x" * 200)) == -errno.ENOENT
    finally:
        os.close(cfd)


def test_long_path_bind_truncates_to_108_bytes(d: str) -> None:
    name = os.path.join(d, "y" * (200 - len(d)))
    fd = compat.pipe_bind_fd(name)
    assert fd >= 0
    try:
        assert os.listdir(d) == [name.encode()[:108].decode().rsplit("/", 1)[1]]
        assert stat.S_ISSOCK(os.stat(name[:108]).st_mode)
    finally:
        os.close(fd)


def test_bind_fd_errors(d: str) -> None:
    # ENOENT becomes EACCES, as libuv does "for compatibility with Windows".
    assert compat.pipe_bind_fd("/nonexistent-dir/" + "q" * 120) == -errno.EACCES
    name = "\0nodenet-uv-twice-" + str(os.getpid())
    fd = compat.pipe_bind_fd(name)
    try:
        assert compat.pipe_bind_fd(name) == -errno.EADDRINUSE
    finally:
        os.close(fd)


# -- fd_in_use (uv__fd_exists) -----------------------------------------------------------------


def test_fd_in_use_only_for_active_handles(d: str) -> None:
    p = Pipe()
    assert p.bind(os.path.join(d, "a.sock")) == 0
    assert not compat.fd_in_use(_loop.loop, p.fd)  # bound, not watched
    assert p.listen(4) == 0
    assert compat.fd_in_use(_loop.loop, p.fd)
    other = Pipe()
    assert other.open(p.fd) == -errno.EEXIST
    other.close()
    p.close()
    run()


# -- the Pipe binding over these ----------------------------------------------------------------


def test_pipe_binding_abstract_round_trip_and_close_unlinks_nothing() -> None:
    name = f"\0nodenet-uv-binding-{os.getpid()}"
    server = Pipe(1)
    assert server.bind(name) == 0
    # No file to chmod (net rejects readableAll for abstract names before this).
    assert server.fchmod(compat.UV_READABLE) == -errno.ENOENT
    accepted: list[Any] = []

    def onconnection(handle: Any, status: int, accepted_client: Any) -> None:
        accepted.append(status)
        accepted_client.close()
        server.close()

    server.onconnection = onconnection
    assert server.listen(8) == 0
    client = Pipe()
    req = PipeConnectWrap()
    results: list[Any] = []

    def oncomplete(status: int, handle: Any, req: Any, readable: bool, writable: bool) -> None:
        results.append((status, readable, writable))
        client.close()

    req.oncomplete = oncomplete
    assert client.connect(req, name) == 0
    assert results == []  # never synchronous
    run()
    assert results == [(0, True, True)]
    assert accepted == [0]


def test_pipe_binding_connect_error_is_async(d: str) -> None:
    client = Pipe()
    req = PipeConnectWrap()
    results: list[int] = []
    req.oncomplete = lambda status, *rest: (results.append(status), client.close())
    assert client.connect(req, os.path.join(d, "n" * 150)) == 0
    assert results == []
    run()
    assert results == [-errno.ENOENT]


def test_pipe_binding_bind_twice_is_einval(d: str) -> None:
    p = Pipe()
    assert p.bind("\0nodenet-uv-once-" + str(os.getpid())) == 0
    assert p.bind("\0nodenet-uv-once-again-" + str(os.getpid())) == -errno.EINVAL
    p.close()
    run()


def test_pipe_binding_close_unlinks_like_libuv(d: str) -> None:
    # A NUL inside the name: libuv 1.46 binds and unlinks the part before it.
    p = Pipe(1)
    name = os.path.join(d, "cut")
    assert p.bind(name + "\0tail") == 0
    assert os.path.exists(name)
    p.close()
    assert not os.path.exists(name)  # synchronously, as uv_close
    run()
