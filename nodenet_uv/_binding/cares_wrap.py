"""Port of the getaddrinfo part of Node.js src/cares_wrap.cc (GetAddrInfoReqWrap).

``getaddrinfo(req, hostname, family, hints, order)`` runs libuv's threadpool
getaddrinfo and completes with ``req.oncomplete(err, addresses)`` where ``addresses`` is
a list of IP strings (SOCK_STREAM results, de-duplicated by libuv/glibc per socktype),
ordered as Node's ``order``: verbatim (as the resolver returned them), ipv4first or
ipv6first.
"""

from __future__ import annotations

import socket
from _thread import get_ident
from typing import Any

import pyuv

from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import uv

AI_ADDRCONFIG = int(socket.AI_ADDRCONFIG)
AI_ALL = int(getattr(socket, "AI_ALL", 0x10))
AI_V4MAPPED = int(getattr(socket, "AI_V4MAPPED", 0x08))

DNS_ORDER_VERBATIM = 0
DNS_ORDER_IPV4_FIRST = 1
DNS_ORDER_IPV6_FIRST = 2

_FAMILIES = {0: socket.AF_UNSPEC, 4: socket.AF_INET, 6: socket.AF_INET6}


class GetAddrInfoReqWrap:
    __slots__ = ("_req", "callback", "family", "hostname", "oncomplete", "order")

    def __init__(self) -> None:
        self.callback: Any = None
        self.family = 0
        self.hostname = ""
        self.oncomplete: Any = None
        self.order = DNS_ORDER_VERBATIM
        self._req: Any = None

    def cancel(self) -> None:
        if self._req is not None:
            try:
                self._req.cancel()
            except pyuv.error.UVError:
                # Node ignores uv_cancel's result too: a request already running in the
                # threadpool cannot be cancelled and completes normally.
                pass


def getaddrinfo(req: GetAddrInfoReqWrap, hostname: str, family: int, hints: int, order: int) -> int:
    if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
        _loop.enter_slow()
    # Bytes, so pyuv does not IDNA-encode the name itself: its codec raises on names
    # getaddrinfo must reject ('*' * 64: "label too long"), which Node reports as
    # ENOTFOUND (EAI_NONAME) from getaddrinfo.
    host: bytes
    try:
        host = hostname.encode("ascii") if hostname.isascii() else hostname.encode("idna")
    except UnicodeError:
        host = hostname.encode("utf-8", "surrogateescape")
    req.order = order

    def on_result(result: Any, error: int | None) -> None:
        req._req = None
        pending.discard(req)
        if req.oncomplete is None:  # abandoned (cancel_all)
            return
        if error:
            _loop.make_callback(req.oncomplete, error, [])
            return
        addresses = [ai.sockaddr[0] for ai in result or ()]
        if order == DNS_ORDER_IPV4_FIRST:
            addresses = [a for a in addresses if ":" not in a] + [a for a in addresses if ":" in a]
        elif order == DNS_ORDER_IPV6_FIRST:
            addresses = [a for a in addresses if ":" in a] + [a for a in addresses if ":" not in a]
        _loop.make_callback(req.oncomplete, 0, addresses)

    try:
        req._req = pyuv.dns.getaddrinfo(
            _loop.loop,
            host,
            None,
            _FAMILIES.get(family, socket.AF_UNSPEC),
            socket.SOCK_STREAM,
            0,
            hints,
            callback=on_result,
        )
    except (pyuv.error.UVError, TypeError, ValueError) as exc:
        return uv.convert_error(exc)
    pending.add(req)
    return 0


# Requests in the threadpool; a test harness can abandon them between tests.
pending: set[GetAddrInfoReqWrap] = set()


def cancel_all() -> None:
    """Abandon every pending lookup: its callback will not run (test isolation only)."""
    for req in list(pending):
        req.oncomplete = None
        req.cancel()
