"""Port of test/pummel/test-net-pingpong.js."""

import re
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

N = 1000


def _ping_pong_test(host: Any, on_complete: Any = None) -> None:
    count = 0
    sent_final_ping = False

    def on_socket(socket: net.Socket) -> None:
        assert socket.remoteAddress is not None
        address = socket.remoteAddress
        if host == "127.0.0.1":
            assert address == "127.0.0.1"
        elif host is None or host == "localhost":
            assert address in ("127.0.0.1", "::ffff:127.0.0.1", "::1")
        else:
            assert address == "::1"

        socket.setEncoding("utf8")
        socket.setNoDelay()
        socket.timeout = 0

        def on_data(data: str) -> None:
            assert socket.readyState == "open"
            assert count <= N
            if re.search("PING", data):
                socket.write("PONG")

        socket.on("data", common.mustCallAtLeast(on_data, N + 1))

        def on_end() -> None:
            assert socket.readyState == "writeOnly"
            socket.end()

        socket.on("end", common.mustCall(on_end))

        def on_close(had_error: bool) -> None:
            assert had_error is False
            assert socket.readyState == "closed"
            socket.server.close()

        socket.on("close", common.mustCall(on_close))

    server = net.createServer({"allowHalfOpen": True}, common.mustCall(on_socket))

    def on_listening() -> None:
        client = net.createConnection(server.address()["port"], host)
        client.setEncoding("utf8")

        def on_connect() -> None:
            assert client.readyState == "open"
            client.write("PING")

        client.on("connect", common.mustCall(on_connect))

        def on_data(data: str) -> None:
            nonlocal count, sent_final_ping
            assert data == "PONG"
            count += 1

            if sent_final_ping:
                assert client.readyState == "readOnly"
                return
            assert client.readyState == "open"
            if count < N:
                client.write("PING")
            else:
                sent_final_ping = True
                client.write("PING")
                client.end()

        client.on("data", common.mustCallAtLeast(on_data))

        def on_close(*_: Any) -> None:
            assert count == N + 1
            assert sent_final_ping is True
            if on_complete:
                on_complete()

        client.on("close", common.mustCall(on_close))

    server.listen(0, host, common.mustCall(on_listening))


def test_pingpong() -> None:
    ping_pong_test = common.mustCall(_ping_pong_test, 3 if common.hasIPv6 else 2)
    ping_pong_test(None)
    ping_pong_test("127.0.0.1")
    if common.hasIPv6:
        ping_pong_test("::1")
    run()
