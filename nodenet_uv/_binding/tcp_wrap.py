"""Port of Node.js src/tcp_wrap.cc: the ``TCP`` handle JS sees (``internalBinding('tcp_wrap')``).

Methods return 0 or a negative uv code (pyuv raises; we catch at this boundary, as
uvloop's ``convert_error``). ``bind`` stores libuv's deferred EADDRINUSE like libuv does:
it surfaces from ``listen``/``connect`` (and net.js checks ``getsockname`` after a local
bind, see ``checkBindError``).
"""

from __future__ import annotations

import socket
from _thread import get_ident
from collections.abc import Callable
from typing import Any, final

import pyuv

from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import uv
from nodenet_uv._binding.connection_wrap import ConnectionWrap, ConnectWrap
from nodenet_uv._binding.handle_wrap import CLOSING, INITIALIZED

call_uv = uv.call

SOCKET = 0
SERVER = 1
UV_TCP_IPV6ONLY: int = pyuv.UV_TCP_IPV6ONLY
UV_TCP_REUSEPORT: int = pyuv.UV_TCP_REUSEPORT
constants = {
    "SOCKET": SOCKET,
    "SERVER": SERVER,
    "UV_TCP_IPV6ONLY": UV_TCP_IPV6ONLY,
    "UV_TCP_REUSEPORT": UV_TCP_REUSEPORT,
}


@final
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


def _tos(fd: int, value: int | None) -> int:
    # IP_TOS / IPV6_TCLASS on the fd (getsockopt when value is None).
    if fd < 0:
        return uv.UV_EBADF
    try:
        s = socket.socket(fileno=fd)
    except OSError as exc:
        return uv.convert_error(exc)
    try:
        if s.family == socket.AF_INET6:
            level, name = socket.IPPROTO_IPV6, socket.IPV6_TCLASS
        else:
            level, name = socket.IPPROTO_IP, socket.IP_TOS
        if value is None:
            return int(s.getsockopt(level, name))
        s.setsockopt(level, name, value)
        return 0
    except OSError as exc:
        return uv.convert_error(exc)
    finally:
        s.detach()  # the fd stays the handle's


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
        """uv_tcp_bind with flags (UV_TCP_REUSEPORT: SO_REUSEPORT before the bind)."""
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        return call_uv(self._h.bind, (address, port), flags)

    def bind6(self, address: str, port: int, flags: int = 0) -> int:
        """uv_tcp_bind of an IPv6 address (flags: UV_TCP_IPV6ONLY, UV_TCP_REUSEPORT)."""
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        return call_uv(self._h.bind, (address, port, 0, 0), flags)

    def connect(self, req: TCPConnectWrap, address: str, port: int) -> int:
        return self._connect(req, (address, port))

    def connect6(self, req: TCPConnectWrap, address: str, port: int) -> int:
        return self._connect(req, (address, port, 0, 0))

    def _connect(self, req: TCPConnectWrap, addr: tuple[Any, ...]) -> int:
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        req.handle = self
        return call_uv(self._h.connect, addr, lambda h, err: self._after_connect(req, h, err))

    def getsockname(self, out: dict[str, Any]) -> int:
        return call_uv(_fill_address, out, self._h.getsockname)

    def getpeername(self, out: dict[str, Any]) -> int:
        return call_uv(_fill_address, out, self._h.getpeername)

    def setNoDelay(self, enable: bool) -> int:
        return call_uv(self._h.nodelay, bool(enable))

    def setKeepAlive(
        self, enable: bool, delay: int, interval: int | None = None, count: int | None = None
    ) -> int:
        """uv_tcp_keepalive_ex(handle, enable, delay, interval, count): SO_KEEPALIVE, and
        with it TCP_KEEPIDLE = delay, TCP_KEEPINTVL = interval (seconds) and TCP_KEEPCNT =
        count; an interval or count not given is libuv's default (1 s, 10 probes, what
        uv_tcp_keepalive sets). A delay of 0 is UV_EINVAL, after SO_KEEPALIVE was set
        (Node ignores the result)."""
        return call_uv(
            self._h.keepalive_ex,
            bool(enable),
            int(delay),
            1 if interval is None else int(interval),
            10 if count is None else int(count),
        )

    def setTypeOfService(self, tos: int) -> int:
        """TCPWrap::SetTypeOfService: the IP TOS byte (IPV6_TCLASS on an IPv6 socket).

        libuv has no call for it: Node's C++ sets the option on the handle's fd, and so
        does this. 0 or a negative errno.
        """
        return _tos(self.fd, int(tos))

    def getTypeOfService(self) -> int:
        """TCPWrap::GetTypeOfService: the TOS byte the OS reports, or a negative errno."""
        return _tos(self.fd, None)

    def setSimultaneousAccepts(self, enable: bool) -> int:
        return call_uv(self._h.simultaneous_accepts, bool(enable))

    def reset(self, callback: Callable[[], Any] | None = None) -> int:
        """TCPWrap::Reset: uv_tcp_close_reset (SO_LINGER {1, 0}, then uv_close: an RST).

        As in Node, a handle that is not open is left alone (0), and the state becomes
        CLOSING whatever libuv returns; ``callback`` is kept only on success. libuv fails
        (UV_EINVAL) while a shutdown is in progress: the handle then stays open.
        """
        if self.state != INITIALIZED:
            return 0
        err = call_uv(self._h.close_reset, self._on_close)
        self.state = CLOSING
        if not err:
            self._onclose = callback
        return err
