"""Port of Node.js src/tcp_wrap.cc: the ``TCP`` handle JS sees (``internalBinding('tcp_wrap')``).

Methods return 0 or a negative uv code (pyuv raises; we catch at this boundary, as
uvloop's ``convert_error``). ``bind`` stores libuv's deferred EADDRINUSE like libuv does:
it surfaces from ``listen``/``connect`` (and net.js checks ``getsockname`` after a local
bind, see ``checkBindError``).
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import pyuv

from nodenet_uv._binding import _pyuv_compat, uv
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding.connection_wrap import ConnectionWrap, ConnectWrap
from nodenet_uv._binding.stream_wrap import call_uv

SOCKET = 0
SERVER = 1
UV_TCP_IPV6ONLY = pyuv.UV_TCP_IPV6ONLY
# libuv 1.49's uv_tcp_flags value; libuv 1.13 does not know it (see _bind below).
UV_TCP_REUSEPORT = 2
constants = {
    "SOCKET": SOCKET,
    "SERVER": SERVER,
    "UV_TCP_IPV6ONLY": UV_TCP_IPV6ONLY,
    "UV_TCP_REUSEPORT": UV_TCP_REUSEPORT,
}


class TCPConnectWrap(ConnectWrap):
    __slots__ = ()


def _fill_address(out: dict[str, Any], get: Callable[[], tuple[Any, ...]]) -> None:
    # AddressToJS: {address, family: 'IPv4'|'IPv6', port} of uv_tcp_getsockname/peername.
    addr = get()
    host = addr[0]
    if ":" in host:
        out["address"] = host
        out["family"] = "IPv6"
        if len(addr) >= 4 and addr[3] and host.lower().startswith("fe80"):
            try:
                out["address"] = f"{host}%{socket.if_indextoname(addr[3])}"
            except OSError:
                out["address"] = f"{host}%{addr[3]}"
    else:
        out["address"] = host
        out["family"] = "IPv4"
    out["port"] = addr[1]


class TCP(ConnectionWrap):
    """Node's TCPWrap: a uv_tcp_t."""

    __slots__ = ("_kind",)

    def __init__(self, kind: int = SOCKET, family: int | None = None) -> None:
        loop = _loop.loop
        h = pyuv.TCP(loop) if family is None else pyuv.TCP(loop, family)
        super().__init__(h)
        self._kind = kind

    def _new_client(self) -> TCP:
        return TCP(SOCKET)

    def bind(self, address: str, port: int, flags: int = 0) -> int:
        return self._bind((address, port), flags, socket.AF_INET)

    def bind6(self, address: str, port: int, flags: int = 0) -> int:
        return self._bind((address, port, 0, 0), flags, socket.AF_INET6)

    def _bind(self, addr: tuple[Any, ...], flags: int, family: int) -> int:
        if flags & UV_TCP_REUSEPORT:
            # UV_TCP_REUSEPORT (libuv 1.49): SO_REUSEPORT must be set before bind(), so the
            # socket must exist now. A fresh, unused pyuv handle has none yet: replace it
            # with one created for this address family.
            flags &= ~UV_TCP_REUSEPORT
            if self.fd < 0:
                self._h.close()
                self._h = pyuv.TCP(_loop.loop, family)
            err = _pyuv_compat.set_reuse_port(self.fd)
            if err:
                return err
        return call_uv(self._h.bind, addr, flags)

    def connect(self, req: TCPConnectWrap, address: str, port: int) -> int:
        return self._connect(req, (address, port))

    def connect6(self, req: TCPConnectWrap, address: str, port: int) -> int:
        return self._connect(req, (address, port, 0, 0))

    def _connect(self, req: TCPConnectWrap, addr: tuple[Any, ...]) -> int:
        req.handle = self
        return call_uv(self._h.connect, addr, lambda h, err: self._after_connect(req, h, err))

    def getsockname(self, out: dict[str, Any]) -> int:
        return call_uv(_fill_address, out, self._h.getsockname)

    def getpeername(self, out: dict[str, Any]) -> int:
        return call_uv(_fill_address, out, self._h.getpeername)

    def setNoDelay(self, enable: bool) -> int:
        return call_uv(self._h.nodelay, bool(enable))

    def setKeepAlive(self, enable: bool, delay: int) -> int:
        err = call_uv(self._h.keepalive, bool(enable), int(delay))
        if err:
            return err
        if enable:
            fd = self.fd
            if fd >= 0:
                _pyuv_compat.tcp_keepalive_extras(fd)
        return 0

    def setSimultaneousAccepts(self, enable: bool) -> int:
        return call_uv(self._h.simultaneous_accepts, bool(enable))

    def reset(self, callback: Callable[[], Any] | None = None) -> int:
        """uv_tcp_close_reset: close with RST (SO_LINGER {1, 0}); libuv 1.32+."""
        if self.state != "initialized":
            return uv.UV_EINVAL
        fd = self.fd
        if fd >= 0:
            err = _pyuv_compat.tcp_close_reset(self._h, fd)
            if err:
                return err
        self.close(callback)
        return 0
