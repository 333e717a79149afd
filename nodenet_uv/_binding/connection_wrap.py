"""Port of Node.js src/connection_wrap.cc: accepting and connecting, for TCP and Pipe.

``on_connection``: libuv's listen callback. On success a new SOCKET wrap of the same
kind is created and ``uv_accept``-ed; if accept fails the connection is dropped silently
(no JS callback), as in Node. Then ``server.onconnection(server, status, client)``.

``after_connect``: ``req.oncomplete(status, handle, req, readable, writable)``, with
readable/writable from ``uv_is_readable``/``uv_is_writable`` (both false on error).
"""

from __future__ import annotations

from _thread import get_ident
from typing import Any

from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import uv
from nodenet_uv._binding.stream_wrap import LibuvStreamWrap
from nodenet_uv._binding.util import int32_value


class ConnectWrap:
    """A connect request (TCPConnectWrap / PipeConnectWrap)."""

    __slots__ = (
        "address",
        "addressType",
        "handle",
        "localAddress",
        "localPort",
        "oncomplete",
        "port",
    )

    def __init__(self) -> None:
        self.oncomplete: Any = None
        self.handle: Any = None
        self.address: Any = None
        self.port: Any = None
        self.localAddress: Any = None
        self.localPort: Any = None
        self.addressType: Any = None


class ConnectionWrap(LibuvStreamWrap):
    __slots__ = ("onconnection",)

    def __init__(self, handle: Any) -> None:
        super().__init__(handle)
        self.onconnection: Any = None

    def _new_client(self) -> ConnectionWrap:  # pragma: no cover - overridden
        raise NotImplementedError

    # DIVERGENCE: Node has Open and Listen in tcp_wrap.cc and again in pipe_wrap.cc, the
    # same code around uv_tcp_*/uv_pipe_*; pyuv's TCP and Pipe share the method names, so
    # both live here once.
    def open(self, fd: int) -> int:
        """uv_tcp_open/uv_pipe_open (UV_EEXIST for an fd another handle watches)."""
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        return uv.call(self._h.open, fd)

    def listen(self, backlog: float) -> int:
        # C++ reads args[0]->Int32Value(): JS may pass a non-integral number.
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        # pyuv refuses a backlog below 1 (ValueError) where libuv and listen(2) take any
        # int: a negative one is SOMAXCONN to the kernel (cast to unsigned), 0 its minimum.
        b = int32_value(backlog)
        return uv.call(self._h.listen, self._on_connection, b if b > 0 else 0x7FFFFFFF if b else 1)

    def _on_connection(self, server: Any, error: int | None) -> None:
        # ConnectionWrap::OnConnection. libuv (since 1.45) accepts one connection per
        # poll event, so a burst of connections interleaves with other I/O callbacks.
        status = error or 0
        client: ConnectionWrap | None = None
        if status == 0:
            client = self._new_client()
            if uv.call(server.accept, client._h):
                # Node drops the connection silently; the client wrap is closed through
                # HandleWrap.close so that it leaves open_handles.
                client.close()
                return
        if self.onconnection is not None:
            _loop.make_callback(self.onconnection, self, status, client)

    def _after_connect(self, req: ConnectWrap, handle: Any, error: int | None) -> None:
        status = error or 0
        readable = writable = False
        if status == 0:
            readable = bool(handle.readable)
            writable = bool(handle.writable)
        if req.oncomplete is not None:
            _loop.make_callback(req.oncomplete, status, self, req, readable, writable)
