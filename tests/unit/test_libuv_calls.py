"""The libuv calls Node makes, as our patched pyuv exposes them (patches/pyuv-1.4.0-node-calls.patch),
and the binding methods that make them: one libuv call per Node binding method, no Python
emulation. Checked on real sockets with getsockopt, os.stat and the peer's view."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import struct
import sys
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
import pyuv

from nodenet_uv import run
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import uv
from nodenet_uv._binding.pipe_wrap import UV_READABLE, UV_WRITABLE, Pipe, PipeConnectWrap
from nodenet_uv._binding.stream_wrap import ShutdownWrap, WriteWrap
from nodenet_uv._binding.tcp_wrap import TCP, UV_TCP_REUSEPORT, TCPConnectWrap

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux sockets")


def test_pyuv_runs_libuv_1_52_1_with_the_node_calls() -> None:
    assert pyuv.LIBUV_VERSION == "1.52.1"
    assert pyuv.UV_TCP_REUSEPORT == 2
    assert pyuv.UV_PIPE_NO_TRUNCATE == 1
    for name in ("close_reset",):
        assert callable(getattr(pyuv.TCP, name))
    for name in ("chmod", "bind", "connect"):
        assert callable(getattr(pyuv.Pipe, name))
    assert callable(pyuv.Stream.try_write_code)


@pytest.fixture
def d() -> Iterator[str]:
    path = tempfile.mkdtemp(prefix="nodenet-uv-calls-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


Conn = tuple[TCP, socket.socket]


@pytest.fixture
def conn() -> Iterator[Conn]:
    """A binding TCP handle connected to a Python listener, and the accepted peer; all
    closed afterwards (the handle through the binding unless the test closed it)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    client = TCP()
    req = TCPConnectWrap()
    status: list[int] = []
    req.oncomplete = lambda st, *rest: status.append(st)
    assert client.connect(req, "127.0.0.1", listener.getsockname()[1]) == 0
    while not status:
        _loop.loop.run(pyuv.UV_RUN_ONCE)
    assert status == [0]
    peer, _ = listener.accept()
    yield client, peer
    if client.state == "initialized":
        client.close()
    elif not client._h.closed:
        client._h.close()  # left open by a failed reset: closed behind the wrap
    run()
    peer.close()
    listener.close()


def _sockopt(handle: TCP, level: int, name: int, size: int = 0) -> Any:
    s = socket.socket(fileno=os.dup(handle.fd))
    try:
        return s.getsockopt(level, name, size) if size else s.getsockopt(level, name)
    finally:
        s.close()


def _shutdown(handle: TCP) -> list[int]:
    """handle.shutdown(req); the list gets the status its oncomplete reports."""
    req = ShutdownWrap()
    done: list[int] = []
    req.oncomplete = lambda r, status: done.append(status)
    assert handle.shutdown(req) == 0
    return done


# -- TCP --------------------------------------------------------------------------------------


@linux_only
def test_keepalive_sets_libuv_1_52s_idle_interval_and_count(conn: Conn) -> None:
    client, _ = conn
    assert client.setKeepAlive(True, 7) == 0
    assert _sockopt(client, socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
    assert _sockopt(client, socket.IPPROTO_TCP, socket.TCP_KEEPIDLE) == 7
    assert _sockopt(client, socket.IPPROTO_TCP, socket.TCP_KEEPINTVL) == 1
    assert _sockopt(client, socket.IPPROTO_TCP, socket.TCP_KEEPCNT) == 10
    assert client.setKeepAlive(False, 0) == 0
    assert _sockopt(client, socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 0
    # A delay of 0: SO_KEEPALIVE is set, then libuv refuses the idle time.
    assert client.setKeepAlive(True, 0) == uv.UV_EINVAL
    assert _sockopt(client, socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1


def test_reset_sends_rst_through_uv_tcp_close_reset(conn: Conn) -> None:
    client, peer = conn
    closed: list[bool] = []
    assert client.reset(lambda: closed.append(True)) == 0
    assert client.state == "closing"
    run()
    assert closed == [True]
    assert client.state == "closed"
    with pytest.raises(ConnectionResetError):
        peer.recv(1)
    # Not open any more: Node's TCPWrap::Reset returns 0 and does nothing.
    assert client.reset() == 0


def test_reset_leaves_so_linger_on_with_zero_seconds(conn: Conn) -> None:
    # SO_LINGER as uv_tcp_close_reset leaves it on the socket it resets: {1, 0}.
    client, _ = conn
    s = socket.socket(fileno=os.dup(client.fd))
    try:
        assert client.reset() == 0
        on, secs = struct.unpack("ii", s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))
        assert (on, secs) == (1, 0)
    finally:
        s.close()
    run()


def test_reset_while_shutting_down_is_einval_and_leaves_the_handle_open(conn: Conn) -> None:
    client, _ = conn
    done = _shutdown(client)
    assert client.reset() == uv.UV_EINVAL  # uv__is_stream_shutting
    assert client.state == "closing"  # as TCPWrap::Reset sets it
    assert not client._h.closed
    run()
    assert done == [0]


@linux_only
def test_reuseport_flag_is_set_before_bind() -> None:
    a, b = TCP(), TCP()
    try:
        assert a.bind("127.0.0.1", 0, UV_TCP_REUSEPORT) == 0
        out: dict[str, Any] = {}
        assert a.getsockname(out) == 0
        assert b.bind("127.0.0.1", out["port"], UV_TCP_REUSEPORT) == 0
        assert a.listen(8) == 0
        assert b.listen(8) == 0  # both listen on one port
        assert _sockopt(a, socket.SOL_SOCKET, socket.SO_REUSEPORT) == 1
    finally:
        a.close()
        b.close()
        run()


def test_open_of_a_watched_fd_is_eexist() -> None:
    server = TCP(1)
    other = TCP()
    try:
        assert server.bind("127.0.0.1", 0) == 0
        assert server.listen(8) == 0
        assert other.open(server.fd) == uv.UV_EEXIST  # uv__fd_exists
    finally:
        server.close()
        other.close()
        run()


# -- writes and shutdown ----------------------------------------------------------------------


def test_try_write_code_returns_eagain_instead_of_raising(conn: Conn) -> None:
    client, peer = conn
    h = client._h
    assert h.try_write_code(b"abc") == 3
    assert peer.recv(3) == b"abc"
    total = 0
    while True:
        n = h.try_write_code(b"x" * 65536)
        if n == uv.UV_EAGAIN:
            break
        assert n > 0
        total += n
    assert total > 0
    # The binding turns EAGAIN into 0 (DoTryWrite) and counts the bytes anyway.
    before = client.bytesWritten
    assert client.tryWriteBuffer(b"y" * 10, 10) == 0
    assert client.bytesWritten == before + 10


def test_write_buffer_queues_the_rest_and_completes_it(conn: Conn) -> None:
    client, peer = conn
    data = b"z" * (8 << 20)  # more than the socket buffers take at once
    req = WriteWrap()
    done: list[int] = []
    req.oncomplete = lambda r, status: done.append(status)
    assert client.writeBuffer(req, data) == 0
    assert req.async_ is True
    assert client.bytesWritten == len(data)
    got = 0
    peer.setblocking(False)
    while not done or got < len(data):
        _loop.loop.run(pyuv.UV_RUN_NOWAIT)
        try:
            got += len(peer.recv(1 << 20))
        except BlockingIOError:
            pass
    assert done == [0]
    assert got == len(data)


def test_shutdown_comes_from_libuvs_pending_queue_before_the_check_phase(conn: Conn) -> None:
    # uv_shutdown with nothing queued feeds the stream (uv__io_feed): the callback runs
    # right after the poll phase, before this turn's check handles.
    client, peer = conn
    order: list[str] = []
    check = pyuv.Check(_loop.loop)
    check.start(lambda h: (order.append("check"), h.stop()))
    req = ShutdownWrap()
    req.oncomplete = lambda r, status: order.append(f"shutdown {status}")
    assert client.shutdown(req) == 0
    assert order == []
    _loop.loop.run(pyuv.UV_RUN_ONCE)
    assert order == ["shutdown 0", "check"]
    assert peer.recv(1) == b""  # the FIN
    check.close()


def test_shutdown_of_a_handle_closed_first_is_ecanceled(conn: Conn) -> None:
    client, _ = conn
    done = _shutdown(client)
    client.close()
    run()
    assert done == [uv.UV_ECANCELED]


# -- Pipe -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "bits"),
    [
        (UV_READABLE, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH),
        (UV_WRITABLE, stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH),
        (UV_READABLE | UV_WRITABLE, 0o666),
    ],
)
def test_fchmod_is_uv_pipe_chmod(d: str, flags: int, bits: int) -> None:
    name = os.path.join(d, "s")
    p = Pipe(1)
    old = os.umask(0o077)
    try:
        assert p.bind(name) == 0
    finally:
        os.umask(old)
    try:
        assert stat.S_IMODE(os.stat(name).st_mode) & 0o077 == 0
        assert p.fchmod(flags) == 0
        assert stat.S_IMODE(os.stat(name).st_mode) & bits == bits
        assert p.fchmod(0) == uv.UV_EINVAL
    finally:
        p.close()
        run()


def test_fchmod_of_an_unbound_pipe_is_ebadf() -> None:
    p = Pipe()
    assert p.fchmod(UV_READABLE) == uv.UV_EBADF
    p.close()
    run()


@linux_only
def test_abstract_name_round_trip_and_nothing_to_unlink() -> None:
    name = f"\0nodenet-uv-calls-{os.getpid()}"
    server = Pipe(1)
    assert server.bind(name) == 0
    # The name is bound with its exact length (libuv 1.52): a Python peer reaches it.
    with socket.socket(socket.AF_UNIX) as c:
        server.listen(1)
        c.connect(name)
    accepted: list[int] = []

    def onconnection(handle: Any, status: int, client: Any) -> None:
        accepted.append(status)
        client.close()
        if len(accepted) == 2:
            server.close()

    server.onconnection = onconnection
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
    assert accepted == [0, 0]


def test_connect_errors_come_through_oncomplete(d: str) -> None:
    for name, code in ((os.path.join(d, "none"), uv.UV_ENOENT), (d, uv.UV_ECONNREFUSED)):
        client = Pipe()
        req = PipeConnectWrap()
        results: list[int] = []
        req.oncomplete = lambda status, *rest, results=results, client=client: (
            results.append(status),
            client.close(),
        )
        assert client.connect(req, name) == 0
        assert results == []
        run()
        assert results == [code], name


def test_long_names_are_einval_not_truncated(d: str) -> None:
    # Node 24 passes UV_PIPE_NO_TRUNCATE to uv_pipe_bind2/uv_pipe_connect2.
    name = os.path.join(d, "n" * 200)
    p = Pipe(1)
    assert p.bind(name) == uv.UV_EINVAL
    assert os.listdir(d) == []
    req = PipeConnectWrap()
    assert p.connect(req, name) == uv.UV_EINVAL  # synchronous: an invalid argument
    exact = os.path.join(d, "e" * (107 - len(d) - 1))  # 107 bytes: fits with its NUL
    assert len(os.fsencode(exact)) == 107
    assert p.bind(exact) == 0
    p.close()
    run()


def test_bind_errors(d: str) -> None:
    p = Pipe()
    assert p.bind(os.path.join(d, "a")) == 0
    assert p.bind(os.path.join(d, "b")) == uv.UV_EINVAL  # bound already
    p.close()
    q = Pipe()
    assert q.bind(os.path.join(d, "no-such-dir", "s")) == uv.UV_EACCES  # ENOENT → EACCES
    assert q.bind(os.path.join(d, "x\0y")) == uv.UV_EINVAL  # a NUL inside a path
    q.close()
    run()


def test_close_unlinks_the_bound_file_synchronously(d: str) -> None:
    name = os.path.join(d, "s")
    p = Pipe(1)
    assert p.bind(name) == 0
    assert os.path.exists(name)
    p.close()
    assert not os.path.exists(name)  # uv_close → uv__pipe_close unlinks at once
    run()


def test_a_failed_accept_closes_the_client_wrap() -> None:
    # ConnectionWrap::OnConnection: uv_accept fails → the client wrap is closed through
    # HandleWrap.close, so it leaves open_handles (the leak check sees one that does not).
    from nodenet_uv._binding import handle_wrap

    server = TCP(1)
    assert server.bind("127.0.0.1", 0) == 0
    calls: list[Any] = []
    server.onconnection = lambda *a: calls.append(a)
    real_accept = server._h.accept
    tried: list[Any] = []

    def failing_accept(client: Any) -> None:
        tried.append(client)
        raise pyuv.error.TCPError(uv.UV_EMFILE, "too many open files")

    server._h.accept = failing_accept  # type: ignore[method-assign]
    assert server.listen(8) == 0
    before = set(handle_wrap.open_handles)
    out: dict[str, Any] = {}
    server.getsockname(out)
    c = socket.create_connection(("127.0.0.1", out["port"]))
    while not tried:
        _loop.loop.run(pyuv.UV_RUN_ONCE)
    assert calls == []  # dropped silently, as in Node
    new = handle_wrap.open_handles - before
    assert all(w.state != "initialized" for w in new)
    server._h.accept = real_accept  # type: ignore[method-assign]
    c.close()
    server.close()
    run()
    assert not (handle_wrap.open_handles - before)


@linux_only
def test_keepalive_ex_sets_the_interval_and_count_given(conn: Conn) -> None:
    # node v24.22.3: socket.setKeepAlive(true, 5000, 2000, 3) -> idle 5, interval 2, count 3.
    client, _ = conn
    assert client.setKeepAlive(True, 5, 2, 3) == 0
    assert _sockopt(client, socket.IPPROTO_TCP, socket.TCP_KEEPIDLE) == 5
    assert _sockopt(client, socket.IPPROTO_TCP, socket.TCP_KEEPINTVL) == 2
    assert _sockopt(client, socket.IPPROTO_TCP, socket.TCP_KEEPCNT) == 3


@linux_only
def test_type_of_service_is_set_on_the_socket(conn: Conn) -> None:
    client, _ = conn
    assert client.getTypeOfService() == 0
    assert client.setTypeOfService(0x10) == 0
    assert _sockopt(client, socket.IPPROTO_IP, socket.IP_TOS) == 0x10
    assert client.getTypeOfService() == 0x10
    closed = TCP()
    closed.close()
    run()
    assert closed.setTypeOfService(1) == uv.UV_EBADF
