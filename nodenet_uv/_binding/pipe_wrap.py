"""Port of Node.js src/pipe_wrap.cc: the ``Pipe`` handle (Unix domain sockets, named pipes).

As in Node's binding, a Pipe has no ``getsockname``/``getpeername`` (so ``address()`` of a
pipe socket is ``{}``), no ``setNoDelay``/``setKeepAlive``; ``fchmod`` is
``uv_pipe_chmod``. Connection errors (ENOENT, ECONNREFUSED) arrive through
``req.oncomplete``, never synchronously.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pyuv

from nodenet_uv._binding import _pyuv_compat, uv
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding.connection_wrap import ConnectionWrap, ConnectWrap
from nodenet_uv._binding.handle_wrap import INITIALIZED
from nodenet_uv._binding.stream_wrap import _code, call_uv

SOCKET = 0
SERVER = 1
IPC = 2
UV_READABLE = _pyuv_compat.UV_READABLE
UV_WRITABLE = _pyuv_compat.UV_WRITABLE
constants = {
    "SOCKET": SOCKET,
    "SERVER": SERVER,
    "IPC": IPC,
    "UV_READABLE": UV_READABLE,
    "UV_WRITABLE": UV_WRITABLE,
}

_Errors = (pyuv.error.UVError, pyuv.error.HandleClosedError)


# See Pipe.connect.
_CONNECT_FD = os.name == "posix"


class PipeConnectWrap(ConnectWrap):
    __slots__ = ()


class Pipe(ConnectionWrap):
    """Node's PipeWrap: a uv_pipe_t."""

    __slots__ = ("_kind", "_name", "_unlink")

    def __init__(self, kind: int = SOCKET) -> None:
        super().__init__(pyuv.Pipe(_loop.loop, kind == IPC))
        self._kind = kind
        # The bound name (for fchmod), and the file uv_close unlinks when we bound through
        # the fd (pyuv's own bind unlinks its file itself).
        self._name: str | None = None
        self._unlink: str | None = None

    def _new_client(self) -> Pipe:
        return Pipe(SOCKET)

    def bind(self, name: str) -> int:
        if _pyuv_compat.pipe_name_needs_fd(name):
            # Abstract, over-long or NUL-containing names: bound as libuv 1.46 does.
            if self.fd >= 0 or self.state != INITIALIZED:
                return uv.UV_EINVAL
            fd = _pyuv_compat.pipe_bind_fd(name)
            if fd < 0:
                return fd
            err = self.open(fd)
            if err:
                os.close(fd)
                return err
            self._name = _pyuv_compat.pipe_bound_name(name)
            self._unlink = _pyuv_compat.pipe_unlink_name(name)
            return 0
        err = call_uv(self._h.bind, name)
        if err:
            return err
        self._name = name
        return 0

    def connect(self, req: PipeConnectWrap, name: str) -> int:
        req.handle = self
        if _CONNECT_FD:
            # DIVERGENCE from pyuv's libuv 1.13 (POSIX): connect() is made here, as libuv
            # 1.46's uv_pipe_connect2 makes it, for every name. 1.13 gets abstract and long
            # names wrong, and feeds a failed connect to a pending queue it runs only at
            # the start of the next loop turn, after this turn's setImmediate()s.
            self._deliver_connect(req, self._connect_fd(name))
            return 0
        try:
            self._h.connect(name, lambda h, err: self._after_connect(req, h, err))
        except _Errors as exc:
            # Node reports every pipe connect failure through oncomplete; libuv 1.13
            # raises some synchronously, so deliver them one loop turn later.
            self._deliver_connect(req, _code(exc))
        return 0

    def _connect_fd(self, name: str) -> int:
        # uv_pipe_connect2 of libuv 1.46: a new socket unless the handle has one (a bound
        # or fd-opened Pipe), attached to the handle even if connect() then fails.
        if self.state != INITIALIZED:
            return uv.UV_EINVAL
        fd = self.fd
        if fd < 0:
            fd = _pyuv_compat.pipe_new_socket()
            if fd < 0:
                return fd
            err = self.open(fd)
            if err:
                os.close(fd)
                return err
        return _pyuv_compat.pipe_connect_fd(fd, name)

    def _deliver_connect(self, req: PipeConnectWrap, status: int) -> None:
        # Never from inside connect(). A failure is fed to the loop (uv__io_feed): it comes
        # from the pending queue. A success waits for POLLOUT, which a connected Unix
        # socket has at once: the next loop turn, here its idle phase (before the poll).
        if status < 0:
            _loop.pending_queue.feed(self._after_connect, req, self._h, status)
            return
        _loop.call_in_idle(self._after_connect, req, self._h, status)

    def close(self, callback: Callable[[], Any] | None = None) -> None:
        if self.state == INITIALIZED and self._unlink is not None:
            # uv_close unlinks a bound pipe's file synchronously (uv__pipe_close).
            try:
                os.unlink(self._unlink)
            except OSError:
                pass
            self._unlink = None
        super().close(callback)

    def fchmod(self, mode: int) -> int:
        if self._name is None:
            return uv.UV_EBADF
        return _pyuv_compat.pipe_chmod(self._name, mode)

    def setPendingInstances(self, instances: int) -> None:
        try:
            self._h.pending_instances(instances)
        except _Errors:
            pass
