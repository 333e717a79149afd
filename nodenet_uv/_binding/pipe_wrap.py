"""Port of Node.js src/pipe_wrap.cc: the ``Pipe`` handle (Unix domain sockets, named pipes).

As in Node's binding, a Pipe has no ``getsockname``/``getpeername`` (so ``address()`` of a
pipe socket is ``{}``), no ``setNoDelay``/``setKeepAlive``; ``fchmod`` is
``uv_pipe_chmod``. Connection errors (ENOENT, ECONNREFUSED) arrive through
``req.oncomplete``, never synchronously.
"""

from __future__ import annotations

from typing import Any

import pyuv

from nodenet_uv._binding import _pyuv_compat
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding.connection_wrap import ConnectionWrap, ConnectWrap
from nodenet_uv._binding.stream_wrap import _code
from nodenet_uv._binding.util import int32_value

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


class PipeConnectWrap(ConnectWrap):
    __slots__ = ()


class Pipe(ConnectionWrap):
    """Node's PipeWrap: a uv_pipe_t."""

    __slots__ = ("_kind", "_name")

    def __init__(self, kind: int = SOCKET) -> None:
        super().__init__(pyuv.Pipe(_loop.loop, kind == IPC))
        self._kind = kind
        self._name: str | None = None

    def _new_client(self) -> Pipe:
        return Pipe(SOCKET)

    def open(self, fd: int) -> int:
        try:
            self._h.open(fd)
        except _Errors as exc:
            return _code(exc)
        return 0

    def bind(self, name: str) -> int:
        try:
            self._h.bind(name)
        except _Errors as exc:
            return _code(exc)
        self._name = name
        return 0

    def listen(self, backlog: float) -> int:
        try:
            # C++ reads args[0]->Int32Value(): JS may pass a non-integral number.
            self._h.listen(self._on_connection, int32_value(backlog))
        except _Errors as exc:
            return _code(exc)
        return 0

    def connect(self, req: PipeConnectWrap, name: str) -> int:
        req.handle = self
        try:
            self._h.connect(name, lambda h, err: self._after_connect(req, h, err))
        except _Errors as exc:
            # Node reports every pipe connect failure through oncomplete; libuv 1.13
            # raises some synchronously, so deliver them one loop turn later.
            code = _code(exc)
            idle = pyuv.Idle(_loop.loop)

            def deliver(h: Any) -> None:
                h.stop()
                h.close()
                self._after_connect(req, self._h, code)

            idle.start(deliver)
        return 0

    def fchmod(self, mode: int) -> int:
        if self._name is None:
            return -9  # UV_EBADF
        return _pyuv_compat.pipe_chmod(self._name, mode)

    def setPendingInstances(self, instances: int) -> None:
        try:
            self._h.pending_instances(instances)
        except _Errors:
            pass
