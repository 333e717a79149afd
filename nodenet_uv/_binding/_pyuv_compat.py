"""Gap fills for pyuv 1.4.0 / libuv 1.13.2, each naming the libuv release that made it moot.

Node 20 is built on libuv 1.46; pyuv bundles 1.13.2. Everything that papers over the
difference lives here, each with a test in ``tests/unit/test_pyuv_compat.py``.
"""

from __future__ import annotations

import errno as _errno
import math
import os as _os
import socket as _socket
import stat as _stat
import struct as _struct
import sys as _sys
from collections.abc import Sized
from typing import Any

import pyuv


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


def _setsockopts(fd: int, *opts: tuple[int, int, int | bytes]) -> int:
    """setsockopt on a handle's fd (libuv does these in C); 0 or a negative errno."""
    try:
        s = _socket.socket(fileno=fd)
    except OSError as exc:  # not a socket (ENOTSOCK), or a closed fd (EBADF)
        return -(exc.errno or 1)
    try:
        for level, name, value in opts:
            s.setsockopt(level, name, value)
    except OSError as exc:
        return -(exc.errno or 1)
    finally:
        s.detach()  # the fd belongs to the pyuv handle
    return 0


def tcp_keepalive_extras(fd: int) -> int:
    """libuv >= 1.35: uv_tcp_keepalive(on) also sets TCP_KEEPINTVL=1 and TCP_KEEPCNT=10.

    libuv 1.13 sets only SO_KEEPALIVE and TCP_KEEPIDLE; Node 20 probes every second, ten
    times. Called only after libuv's own keepalive call succeeded (1.46 returns before
    these two when TCP_KEEPIDLE fails, e.g. for a delay of 0).
    """
    return _setsockopts(
        fd,
        (_socket.IPPROTO_TCP, _socket.TCP_KEEPINTVL, 1),
        (_socket.IPPROTO_TCP, _socket.TCP_KEEPCNT, 10),
    )


def tcp_close_reset(handle: Any, fd: int) -> int:
    """uv_tcp_close_reset (libuv 1.32): SO_LINGER {on, 0} so close() sends RST.

    Returns 0 or a negative errno; the caller then closes the handle.
    """
    return _setsockopts(fd, (_socket.SOL_SOCKET, _socket.SO_LINGER, _struct.pack("ii", 1, 0)))


def set_reuse_port(fd: int) -> int:
    """UV_TCP_REUSEPORT (libuv 1.49): SO_REUSEPORT before bind."""
    return _setsockopts(fd, (_socket.SOL_SOCKET, _socket.SO_REUSEPORT, 1))


# -- Pipe -------------------------------------------------------------------------------------

UV_READABLE = 1
UV_WRITABLE = 2


def pipe_chmod(path: str, mode: int) -> int:
    """uv_pipe_chmod (libuv 1.16): make the socket file readable/writable by all.

    As libuv does, the bits are OR-ed into the file's current mode, and nothing is
    changed when they are all set already. Abstract sockets have no file (Node rejects
    readableAll/writableAll for them before we get here).
    """
    if mode not in (UV_READABLE, UV_WRITABLE, UV_READABLE | UV_WRITABLE):
        return -22  # UV_EINVAL
    bits = 0
    if mode & UV_READABLE:
        bits |= _stat.S_IRUSR | _stat.S_IRGRP | _stat.S_IROTH
    if mode & UV_WRITABLE:
        bits |= _stat.S_IWUSR | _stat.S_IWGRP | _stat.S_IWOTH
    try:
        # chmod(2) reads the name up to its first NUL: an abstract name is "" (ENOENT).
        path = path.split("\0", 1)[0]
        current = _os.stat(path).st_mode
        if current & bits == bits:
            return 0
        _os.chmod(path, (current | bits) & 0o7777)
    except OSError as exc:
        return -(exc.errno or 1)
    return 0


# Pipe names. libuv 1.46 (Node 20.20.2, verified with strace) binds and connects with the
# whole ``struct sockaddr_un`` (addrlen 110 on Linux): the name is copied with its length,
# truncated to the 108 bytes of ``sun_path`` (no NUL needed), and zero-padded. So a
# 200-byte path silently becomes its first 108 bytes, and ``'\0name'`` is the abstract
# name ``name`` followed by zeros up to 107 bytes. libuv 1.13 (pyuv) strncpy()s 107 bytes
# at most: an abstract name becomes 108 zero bytes (every abstract name the same!) and a
# long path is cut one byte shorter than Node's; pyuv refuses names with a NUL inside.
# Such names are bound and connected here, through the fd, exactly as libuv 1.46 does.
_IS_LINUX = _sys.platform.startswith("linux")
_SUN_LEN_BYTE = _sys.platform == "darwin" or "bsd" in _sys.platform
SUN_PATH_SIZE = 104 if _SUN_LEN_BYTE else 108

_libc: Any = None


def pipe_name_needs_fd(name: str) -> bool:
    """True when pyuv's libuv 1.13 would bind/connect ``name`` unlike libuv 1.46.

    (Windows named pipes never do: libuv takes ``\\\\.\\pipe\\name`` as it is.)
    """
    if _sys.platform == "win32":
        return False
    raw = _os.fsencode(name)
    return b"\0" in raw or len(raw) >= SUN_PATH_SIZE


def pipe_sockaddr(name: str) -> bytes:
    """The ``struct sockaddr_un`` libuv 1.46 passes to bind()/connect() for ``name``."""
    path = _os.fsencode(name)[:SUN_PATH_SIZE].ljust(SUN_PATH_SIZE, b"\0")
    if _SUN_LEN_BYTE:
        return bytes([2 + SUN_PATH_SIZE, _socket.AF_UNIX]) + path
    return _struct.pack("=H", _socket.AF_UNIX) + path


def pipe_unlink_name(name: str) -> str | None:
    """The file libuv 1.46 unlinks when the bound pipe is closed (``uv__strdup(name)``).

    None for an abstract name. For a truncated long path it is the full path, which does
    not exist: Node leaves the (truncated) socket file behind, and so do we.
    """
    if name.startswith("\0"):
        return None
    return name.split("\0", 1)[0]


def pipe_bound_name(name: str) -> str:
    """The name the socket is really bound to (what uv_pipe_getsockname returns)."""
    raw = _os.fsencode(name)[:SUN_PATH_SIZE]
    if not raw.startswith(b"\0"):
        raw = raw.split(b"\0", 1)[0]
    return _os.fsdecode(raw)


def _sock_call(fn_name: str, fd: int, name: str) -> int:
    global _libc
    if _libc is None:
        import ctypes

        lib = ctypes.CDLL(None, use_errno=True)
        for f in (lib.bind, lib.connect):
            f.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            f.restype = ctypes.c_int
        _libc = (lib, ctypes)
    lib, ctypes = _libc
    addr = pipe_sockaddr(name)
    fn = getattr(lib, fn_name)
    while True:
        if fn(fd, addr, len(addr)) == 0:
            return 0
        err = ctypes.get_errno()
        if err != _errno.EINTR:
            return -err


def _new_unix_socket() -> int:
    # uv__socket(AF_UNIX, SOCK_STREAM, 0): close-on-exec and non-blocking.
    s = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    s.setblocking(False)
    return s.detach()


def pipe_bind_fd(name: str) -> int:
    """uv_pipe_bind2(handle, name, len, 0) of libuv 1.46, up to the bound fd.

    Returns a new non-blocking socket fd bound to ``name`` (for ``uv_pipe_open``), or a
    negative errno; ENOENT becomes EACCES, as libuv does "for compatibility with Windows".
    """
    if name.startswith("\0") and not _IS_LINUX:
        return -_errno.EINVAL  # abstract sockets are Linux only
    try:
        fd = _new_unix_socket()
    except OSError as exc:
        return -(exc.errno or 1)
    err = _sock_call("bind", fd, name)
    if err:
        _os.close(fd)
        return -_errno.EACCES if err == -_errno.ENOENT else err
    return fd


def pipe_new_socket() -> int:
    """A fresh AF_UNIX stream socket fd as uv_pipe_connect2 creates, or a negative errno."""
    try:
        return _new_unix_socket()
    except OSError as exc:
        return -(exc.errno or 1)


def pipe_connect_fd(fd: int, name: str) -> int:
    """The connect() of libuv 1.46's uv_pipe_connect2 on ``fd``: 0 or a negative errno.

    A Unix stream connect() completes at once on Linux (EAGAIN when the backlog is full,
    which libuv reports as it is), so there is no EINPROGRESS to wait for.
    """
    if name.startswith("\0") and not _IS_LINUX:
        return -_errno.EINVAL
    err = _sock_call("connect", fd, name)
    return 0 if err == -_errno.EINPROGRESS else err


# -- uv_try_write ------------------------------------------------------------------------------

_USE_FD_WRITE = _os.name == "posix"


def try_write(handle: Any, fd: int, data: Any) -> int:
    """uv_try_write as libuv >= 1.x does it on Unix: one write() on the fd.

    Returns the number of bytes written (0 when the socket would block) or a negative
    errno. libuv 1.13's uv_try_write is a uv_write() unqueued again, whose
    uv__io_stop(POLLOUT) costs one more epoll_ctl per write (perf-anchors.md §4); Node's
    libuv 1.46 does a single write() here, and so do we. Windows keeps pyuv's try_write.
    """
    if _USE_FD_WRITE and fd >= 0:
        try:
            return _os.write(fd, data)
        except BlockingIOError:
            return 0
        except InterruptedError:
            return 0
        except OSError as exc:
            return -(exc.errno or _errno.EIO)
    try:
        return int(handle.try_write(data))
    except pyuv.error.UVError as exc:
        code = exc.args[0] if exc.args and isinstance(exc.args[0], int) else -_errno.EBADF
        return 0 if code == -_errno.EAGAIN else code


# -- the pending queue (uv__io_feed) -----------------------------------------------------------


class PendingQueue:
    """libuv 1.46's pending queue, for the work it feeds there, on libuv 1.13.

    libuv 1.46 runs watchers fed with ``uv__io_feed`` (a ``uv_shutdown`` with nothing
    queued, a pipe connect that failed at once) in two places of a loop turn: before the
    idle handles, and right after the poll phase, before any check handle, where it runs
    the queue again while it refills, up to 8 times. So fed work comes before this turn's
    setImmediate()s, and work fed from a timer (or from the check or closing phase of the
    turn before) before the next poll. 1.13 has no such queue for shutdown (it arms
    POLLOUT and waits a whole loop turn). One check and one idle handle give the same
    points:

    * the check handle is (re)started on every ``feed`` and by ``prioritize`` (which the
      immediates' check handle calls when it starts): ``uv_check_start`` inserts at the
      head of the loop's check queue, so the fed work runs before the immediates. If the
      immediates' handle was started by the fed work itself, libuv 1.13 would leave it to
      the next turn (Node's immediate check handle is always running, so Node runs them in
      this check phase): the timers binding then sets ``after_check``, called (once) when
      the check-phase passes end, to run them at once;
    * the idle handle covers work fed after the check phase has passed (and from timers):
      the idle phase comes before the next poll.

    Each pass runs the queue as it was when the pass began (FIFO, like libuv's); the check
    point makes up to 8 passes, the idle point one. Both handles stay ref'ed and active
    while work is queued: a queued shutdown keeps the loop alive, as its uv_shutdown_t does.
    ``fatal`` (the runtime's list of fatal errors: non-empty means stop) ends a pass early,
    leaving the rest queued, as a crashing Node process runs no more callbacks.
    """

    __slots__ = ("_check", "_fatal", "_idle", "_queue", "after_check", "in_check")

    def __init__(self, loop: Any, fatal: Sized = ()) -> None:
        self._check = pyuv.Check(loop)
        self._idle = pyuv.Idle(loop)
        self._queue: list[tuple[Any, tuple[Any, ...]]] = []
        self._fatal = fatal
        self.after_check: Any = None
        # True while the check-phase passes run (the timers binding asks).
        self.in_check = False

    @property
    def handles(self) -> tuple[Any, Any]:
        return (self._check, self._idle)

    def __len__(self) -> int:
        return len(self._queue)

    def feed(self, fn: Any, *args: Any) -> None:
        """Run ``fn(*args)`` at the next pending-queue point (see the class docstring)."""
        self._queue.append((fn, args))
        check = self._check
        if check.active:
            check.stop()  # and start again below: back to the head of the check queue
        check.start(self._run)
        if not self._idle.active:
            self._idle.start(self._run)

    def prioritize(self) -> None:
        """Another check handle started: keep the fed work ahead of it."""
        if self._queue:
            self._check.stop()
            self._check.start(self._run)

    def clear(self) -> None:
        """Drop what is queued (a test runtime's reset) and stop both handles."""
        self._queue = []
        self._check.stop()
        self._idle.stop()

    def _run(self, handle: Any) -> None:
        from_check = handle is self._check
        self.in_check = from_check
        try:
            for _ in range(8 if from_check else 1):
                queue = self._queue
                if not queue:
                    break
                self._queue = []
                for i, (fn, args) in enumerate(queue):
                    if self._fatal:
                        self._queue[:0] = queue[i:]
                        return
                    fn(*args)
        finally:
            self.in_check = False
            if not self._queue:
                self._check.stop()
                self._idle.stop()
        hook = self.after_check
        if hook is not None and from_check:
            self.after_check = None
            hook()


def shutdown_fd(fd: int) -> int:
    """shutdown(fd, SHUT_WR), the syscall libuv's uv__drain makes: 0 or a negative errno.

    The socket object is built with its family, type and protocol given: with only
    ``fileno``, CPython asks the kernel for them (two getsockopt calls more per shutdown;
    the getsockname with which it checks the fd stays). shutdown() does not depend on
    them, so any values do.
    """
    try:
        s = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM, 0, fd)
    except OSError as exc:
        return -(exc.errno or _errno.EIO)
    try:
        s.shutdown(_socket.SHUT_WR)
    except OSError as exc:
        return -(exc.errno or _errno.EIO)
    finally:
        s.detach()
    return 0


def fd_in_use(loop: Any, fd: int) -> bool:
    """uv__fd_exists (libuv 1.2x): is ``fd`` already watched by an active handle of ``loop``?

    libuv 1.46's uv_pipe_open/uv_tcp_open refuse such an fd with EEXIST (``listen({fd})``
    on a listening server's own fd: ``listen EEXIST``); 1.13 registers it twice and the
    loop then spins. "Watched" is approximated by uv_is_active (reading, listening,
    connecting or writing), which is when libuv has the fd in its watcher table.
    """
    for h in loop.handles:
        fileno = getattr(h, "fileno", None)
        if fileno is None or h.closed or not h.active:
            continue
        try:
            if fileno() == fd:
                return True
        except pyuv.error.UVError:  # a handle with no fd yet
            continue
    return False
