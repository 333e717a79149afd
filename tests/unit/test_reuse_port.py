"""listen({reusePort: true}): SO_REUSEPORT set before bind (UV_TCP_REUSEPORT, libuv 1.49).

Node 24 (since 22.12): net.getFlags(options), and reusePort sets options.exclusive."""

from __future__ import annotations

import socket
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def _reuseport(server: net.Server) -> int:
    s = socket.socket(fileno=server._handle.fd)
    try:
        return s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT)
    finally:
        s.detach()


def test_two_servers_share_a_port_with_reuse_port() -> None:
    seen: dict[str, Any] = {}
    a = net.createServer()
    b = net.createServer()

    def on_a_listening() -> None:
        port = a.address()["port"]
        seen["a"] = _reuseport(a)

        def on_b_listening() -> None:
            seen["b"] = (b.address()["port"], _reuseport(b))
            a.close()
            b.close()

        b.on("error", common.mustNotCall())
        b.listen(
            {"port": port, "host": "127.0.0.1", "reusePort": True}, common.mustCall(on_b_listening)
        )
        seen["port"] = port

    a.listen({"port": 0, "host": "127.0.0.1", "reusePort": True}, common.mustCall(on_a_listening))
    run()
    assert seen["a"] == 1
    assert seen["b"] == (seen["port"], 1)


def test_without_reuse_port_the_second_listen_fails() -> None:
    a = net.createServer()
    b = net.createServer()

    def on_a_listening() -> None:
        def on_error(err: Any) -> None:
            assert err.code == "EADDRINUSE"
            a.close()

        b.on("error", common.mustCall(on_error))
        b.listen({"port": a.address()["port"], "host": "127.0.0.1"})

    a.listen({"port": 0, "host": "127.0.0.1"}, common.mustCall(on_a_listening))
    run()


def test_reuse_port_without_host_dual_stack() -> None:
    a = net.createServer()

    def on_listening() -> None:
        assert _reuseport(a) == 1
        assert a.address()["family"] in ("IPv6", "IPv4")
        a.close()

    a.listen({"port": 0, "reusePort": True}, common.mustCall(on_listening))
    run()


def test_reuse_port_makes_listen_exclusive() -> None:
    # net.js: `if (options.reusePort === true) options.exclusive = true;`
    server = net.createServer()
    options: dict[str, Any] = {"port": 0, "host": "127.0.0.1", "reusePort": True}
    server.listen(options, common.mustCall(lambda: server.close()))
    run()
    assert options["exclusive"] is True


def test_ipv6_only_without_host_binds_ipv6_only() -> None:
    # Node 24 passes getFlags(options) on when there is no host (Node 20 dropped them).
    if not common.hasIPv6:
        return
    server = net.createServer()
    seen: dict[str, Any] = {}

    def on_listening() -> None:
        s = socket.socket(fileno=server._handle.fd)
        try:
            seen["v6only"] = s.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY)
        finally:
            s.detach()
        seen["address"] = server.address()["address"]
        server.close()

    server.listen({"port": 0, "ipv6Only": True}, common.mustCall(on_listening))
    run()
    assert seen == {"v6only": 1, "address": "::"}
