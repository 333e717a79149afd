"""Socket options as the kernel sees them (getsockopt on the handle's fd), compared with
what Node 20 sets (research/node-net-internals.md §2, verified there with strace)."""

from __future__ import annotations

import socket
from typing import Any

from nodenet_uv import net, run


def _opts(sock: net.Socket) -> dict[str, int]:
    s = socket.socket(fileno=sock._handle.fd)
    try:
        return {
            "nodelay": s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY),
            "keepalive": s.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE),
            "keepidle": s.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE),
            "keepintvl": s.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL),
            "keepcnt": s.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT),
        }
    finally:
        s.detach()


def _with_connection(
    client_options: dict[str, Any], server_options: dict[str, Any], check: Any
) -> None:
    seen: dict[str, Any] = {}

    def on_connection(sock: net.Socket) -> None:
        seen["server"] = _opts(sock)
        sock.end()

    server = net.createServer(server_options, on_connection)

    def on_listening() -> None:
        client = net.connect(
            {"port": server.address()["port"], "host": "127.0.0.1", **client_options}
        )

        def on_connect() -> None:
            check(client, seen)
            client.end()

        client.on("connect", on_connect)
        client.on("close", lambda: server.close())
        client.resume()

    server.listen(0, "127.0.0.1", on_listening)
    run()
    assert "done" in seen


def test_defaults_nagle_on_keepalive_off() -> None:
    def check(client: net.Socket, seen: dict[str, Any]) -> None:
        o = _opts(client)
        assert o["nodelay"] == 0 and o["keepalive"] == 0
        seen["done"] = True

    _with_connection({}, {}, check)


def test_set_no_delay_and_keep_alive() -> None:
    def check(client: net.Socket, seen: dict[str, Any]) -> None:
        client.setNoDelay()
        client.setKeepAlive(True, 5500)
        o = _opts(client)
        assert o["nodelay"] == 1
        # Node 20 (libuv 1.46): idle in whole seconds, probe every second, ten probes.
        assert (o["keepalive"], o["keepidle"], o["keepintvl"], o["keepcnt"]) == (1, 5, 1, 10)
        client.setNoDelay(False)
        client.setKeepAlive(False)
        o = _opts(client)
        assert o["nodelay"] == 0 and o["keepalive"] == 0
        seen["done"] = True

    _with_connection({}, {}, check)


def test_connect_options_applied_on_connect() -> None:
    def check(client: net.Socket, seen: dict[str, Any]) -> None:
        o = _opts(client)
        assert o["nodelay"] == 1
        assert (o["keepalive"], o["keepidle"], o["keepintvl"], o["keepcnt"]) == (1, 456, 1, 10)
        seen["done"] = True

    _with_connection(
        {"noDelay": True, "keepAlive": True, "keepAliveInitialDelay": 456123}, {}, check
    )


def test_snake_case_keyword_options() -> None:
    seen: dict[str, Any] = {}

    def on_connection(sock: net.Socket) -> None:
        sock.end()

    server = net.createServer(on_connection)

    def on_listening() -> None:
        client = net.connect(
            port=server.address()["port"],
            host="127.0.0.1",
            no_delay=True,
            keep_alive=True,
            keep_alive_initial_delay=7000,
        )

        def on_connect() -> None:
            o = _opts(client)
            seen["opts"] = (o["nodelay"], o["keepalive"], o["keepidle"])
            client.end()

        client.on("connect", on_connect)
        client.on("close", lambda: server.close())
        client.resume()

    server.listen(0, "127.0.0.1", on_listening)
    run()
    assert seen["opts"] == (1, 1, 7)


def test_server_options_applied_to_accepted_sockets() -> None:
    seen: dict[str, Any] = {}

    def on_connection(sock: net.Socket) -> None:
        seen["server"] = _opts(sock)
        sock.end()

    server = net.createServer(
        {"noDelay": True, "keepAlive": True, "keepAliveInitialDelay": 3000}, on_connection
    )

    def on_listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.on("close", lambda: server.close())
        client.resume()
        client.end()

    server.listen(0, "127.0.0.1", on_listening)
    run()
    srv = seen["server"]
    assert srv["nodelay"] == 1
    assert (srv["keepalive"], srv["keepidle"], srv["keepintvl"], srv["keepcnt"]) == (1, 3, 1, 10)


def test_keep_alive_without_delay_keeps_kernel_idle() -> None:
    # keepAlive with no initial delay: TCP_KEEPIDLE=0 fails with EINVAL in libuv and is
    # ignored; SO_KEEPALIVE stays on with the kernel's default idle (Node 20 does the same).
    def check(client: net.Socket, seen: dict[str, Any]) -> None:
        o = _opts(client)
        assert o["keepalive"] == 1 and o["keepidle"] > 0
        seen["done"] = True

    _with_connection({"keepAlive": True}, {}, check)
