"""Port of Node.js src/pipe_wrap.cc: the ``Pipe`` handle (Unix domain sockets, named pipes).

As in Node's binding, a Pipe has no ``getsockname``/``getpeername`` (so ``address()`` of a
pipe socket is ``{}``), no ``setNoDelay``/``setKeepAlive``; ``fchmod`` is
``uv_pipe_chmod``. Connection errors (ENOENT, ECONNREFUSED) arrive through
``req.oncomplete``, never synchronously.
"""

from __future__ import annotations

from _thread import get_ident
from typing import final

import pyuv

from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import uv
from nodenet_uv._binding.connection_wrap import ConnectionWrap, ConnectWrap

SOCKET = 0
SERVER = 1
IPC = 2
UV_READABLE: int = pyuv.UV_READABLE
UV_WRITABLE: int = pyuv.UV_WRITABLE
constants = {
    "SOCKET": SOCKET,
    "SERVER": SERVER,
    "IPC": IPC,
    "UV_READABLE": UV_READABLE,
    "UV_WRITABLE": UV_WRITABLE,
}

# The flags Node 24 passes to uv_pipe_bind2 and uv_pipe_connect2: a name longer than
# sun_path (108 bytes on Linux) is UV_EINVAL, not cut to it (Node 20 passed 0).
_PIPE_NAME_FLAGS: int = pyuv.UV_PIPE_NO_TRUNCATE


@final
class PipeConnectWrap(ConnectWrap):
    __slots__ = ()


class Pipe(ConnectionWrap):
    """Node's PipeWrap: a uv_pipe_t."""

    __slots__ = ("_kind",)

    def __init__(self, kind: int = SOCKET) -> None:
        super().__init__(pyuv.Pipe(_loop.loop, kind == IPC))
        self._kind = kind

    def _new_client(self) -> Pipe:
        return Pipe(SOCKET)

    def bind(self, name: str) -> int:
        """uv_pipe_bind2(handle, name, len, flags): the name with its length, so a leading
        NUL makes an abstract socket (Linux). libuv unlinks the file when the handle is
        closed."""
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        return uv.call(self._h.bind, name, _PIPE_NAME_FLAGS)

    def connect(self, req: PipeConnectWrap, name: str) -> int:
        """uv_pipe_connect2: 0, or an invalid-argument error. A connect that fails (ENOENT,
        ECONNREFUSED, EAGAIN for a full backlog) is fed to libuv's pending queue and
        reported through ``req.oncomplete``, never synchronously."""
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        req.handle = self
        return uv.call(
            self._h.connect, name, lambda h, err: self._after_connect(req, h, err), _PIPE_NAME_FLAGS
        )

    def fchmod(self, mode: int) -> int:
        """uv_pipe_chmod(handle, mode): UV_READABLE and/or UV_WRITABLE for everyone."""
        return uv.call(self._h.chmod, mode)

    def setPendingInstances(self, instances: int) -> None:
        # uv_pipe_pending_instances (Windows only; a no-op elsewhere, as in libuv).
        uv.call(self._h.pending_instances, instances)
