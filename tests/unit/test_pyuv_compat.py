"""Gap fills for libuv 1.13 (nodenet_uv/_binding/_pyuv_compat.py), checked against the
real thing: pyuv's own timer conversion, and getsockopt/os.stat on real sockets."""

from __future__ import annotations

import errno
import os
import socket
import stat
import struct
import tempfile
from collections.abc import Iterator

import pytest
import pyuv

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


# -- the pending queue and shutdown (libuv 1.46's uv__io_feed + uv__drain on 1.13) ------------


@pytest.fixture
def loop() -> Iterator[pyuv.Loop]:
    """The runtime's loop; the handles a test makes on it are closed afterwards."""
    lp = _loop.loop
    before = set(map(id, lp.handles))
    yield lp
    for h in lp.handles:
        if id(h) not in before and not h.closed:
            h.close()
    lp.run(pyuv.UV_RUN_NOWAIT)


def _phases(loop: pyuv.Loop, trace: list[str]) -> tuple[pyuv.Prepare, pyuv.Check]:
    """Unref'ed prepare and check handles that record when the loop passes their phase."""
    prepare = pyuv.Prepare(loop)
    prepare.start(lambda h: trace.append("prepare"))
    prepare.ref = False
    check = pyuv.Check(loop)
    check.start(lambda h: trace.append("check"))
    check.ref = False
    return prepare, check


def test_pending_queue_fed_before_the_poll_runs_before_it(loop: pyuv.Loop) -> None:
    # From a timer (or top level), libuv 1.46 runs fed work before this turn's poll.
    trace: list[str] = []
    q = compat.PendingQueue(loop)
    _phases(loop, trace)
    q.feed(trace.append, "fed")
    loop.run(pyuv.UV_RUN_ONCE)
    assert trace[:2] == ["fed", "prepare"]
    assert len(q) == 0
    assert not any(h.active for h in q.handles)


def test_pending_queue_fed_in_the_poll_phase_runs_before_every_check_handle(
    loop: pyuv.Loop,
) -> None:
    # From an I/O callback: after the poll phase, before the check phase, FIFO; a check
    # handle started later (the immediates') stays behind once prioritize() is called.
    trace: list[str] = []
    q = compat.PendingQueue(loop)
    _phases(loop, trace)
    immediates = pyuv.Check(loop)

    def on_io(handle: pyuv.Async) -> None:
        trace.append("io")
        q.feed(trace.append, "A")
        immediates.start(lambda h: (trace.append("immediates"), h.stop()))
        q.prioritize()
        q.feed(trace.append, "B")
        handle.close()

    io = pyuv.Async(loop, on_io)
    io.send()
    loop.run()
    assert trace.index("io") < trace.index("A")
    assert trace[trace.index("A") :][:4] == ["A", "B", "immediates", "check"]


def test_pending_queue_fed_after_the_check_phase_runs_before_the_next_poll(loop: pyuv.Loop) -> None:
    trace: list[str] = []
    q = compat.PendingQueue(loop)
    _phases(loop, trace)
    late = pyuv.Check(loop)

    def on_check(handle: pyuv.Check) -> None:
        handle.stop()
        q.feed(trace.append, "C")  # fed in the check phase, after the queue's own turn

    late.start(on_check)
    wake = pyuv.Async(loop, lambda h: h.close())  # a poll phase that returns, then check
    wake.send()
    loop.run()  # returns only once C ran: queued work keeps the loop alive
    assert "C" in trace
    i = trace.index("C")
    assert trace[i - 1] == "check" and trace[i + 1] == "prepare"


def test_pending_queue_runs_what_was_fed_while_it_ran_on_the_next_turn(loop: pyuv.Loop) -> None:
    trace: list[str] = []
    q = compat.PendingQueue(loop)
    _phases(loop, trace)

    def first() -> None:
        trace.append("first")
        q.feed(trace.append, "second")

    q.feed(first)
    loop.run()
    i = trace.index("first")
    assert "prepare" in trace[i : trace.index("second")]


def test_shutdown_fd_sends_fin_and_keeps_the_fd() -> None:
    a, b = socket.socketpair()
    try:
        assert compat.shutdown_fd(a.fileno()) == 0
        b.settimeout(5)
        assert b.recv(10) == b""  # EOF: shutdown(SHUT_WR)
        b.sendall(b"still open")
        a.settimeout(5)
        assert a.recv(10) == b"still open"  # reading side and fd untouched
    finally:
        a.close()
        b.close()


def test_shutdown_fd_errors() -> None:
    r, w = os.pipe()
    os.close(w)
    try:
        assert compat.shutdown_fd(r) == -errno.ENOTSOCK
    finally:
        os.close(r)
    assert compat.shutdown_fd(r) == -errno.EBADF


def test_fed_shutdown_of_a_handle_closed_first_is_ecanceled() -> None:
    # uv__stream_destroy: a shutdown request still queued when its handle closes completes
    # with UV_ECANCELED, and no shutdown() is made (the peer sees no FIN before the close).
    from nodenet_uv import run
    from nodenet_uv._binding import uv
    from nodenet_uv._binding.pipe_wrap import Pipe
    from nodenet_uv._binding.stream_wrap import ShutdownWrap

    a, b = socket.socketpair()
    handle = Pipe()
    assert handle.open(a.detach()) == 0
    statuses: list[int] = []
    req = ShutdownWrap()
    req.oncomplete = lambda r, status: statuses.append(status)
    assert handle.shutdown(req) == 0
    assert len(_loop.pending_queue) == 1
    handle.close()
    run()
    assert statuses == [uv.UV_ECANCELED]
    assert len(_loop.pending_queue) == 0
    b.close()


def test_pending_queue_after_the_poll_reruns_while_it_refills(loop: pyuv.Loop) -> None:
    # libuv 1.46 runs the pending queue up to 8 times after the poll: work fed by fed work
    # still comes before the check phase.
    trace: list[str] = []
    q = compat.PendingQueue(loop)
    _phases(loop, trace)

    def first() -> None:
        trace.append("first")
        q.feed(trace.append, "second")

    def on_io(handle: pyuv.Async) -> None:
        trace.append("io")
        q.feed(first)
        handle.close()

    io = pyuv.Async(loop, on_io)
    io.send()
    loop.run()
    i = trace.index("io")
    assert trace[i : i + 4] == ["io", "first", "second", "check"]


def test_pending_queue_stops_when_told(loop: pyuv.Loop) -> None:
    # A fatal error stops the pass; what is left stays queued, in order.
    trace: list[str] = []
    errors: list[BaseException] = []
    q = compat.PendingQueue(loop, fatal=errors)

    def fatal() -> None:
        trace.append("fatal")
        errors.append(RuntimeError("boom"))

    q.feed(fatal)
    q.feed(trace.append, "after")
    loop.run(pyuv.UV_RUN_NOWAIT)
    assert trace == ["fatal"] and len(q) == 1
    q.clear()
    assert len(q) == 0 and not any(h.active for h in q.handles)
