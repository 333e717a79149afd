"""Port of test/pummel/test-net-pingpong-delay.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

N = 100
DELAY = 1


def test_pingpong_delay() -> None:
    count = 0
    client_ended = False

    def on_socket(socket: net.Socket) -> None:
        socket.setEncoding("utf8")

        def on_data(data: str) -> None:
            assert data == "PING"
            assert socket.readyState == "open"
            assert count <= N

            def pong() -> None:
                assert socket.readyState == "open"
                socket.write("PONG")

            setTimeout(common.mustCall(pong), DELAY)

        socket.on("data", common.mustCallAtLeast(on_data))
        socket.on("timeout", common.mustNotCall("server-side timeout!!"))

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
        client = net.createConnection(server.address()["port"], None)
        client.setEncoding("utf8")

        def on_connect() -> None:
            assert client.readyState == "open"
            client.write("PING")

        client.on("connect", common.mustCall(on_connect))

        def on_data(data: str) -> None:
            assert data == "PONG"
            assert client.readyState == "open"

            def ping() -> None:
                nonlocal count, client_ended
                assert client.readyState == "open"
                if count < N:
                    count += 1
                    client.write("PING")
                else:
                    count += 1
                    client.end()
                    client_ended = True

            setTimeout(common.mustCall(ping), DELAY)

        client.on("data", common.mustCallAtLeast(on_data))
        client.on("timeout", common.mustNotCall("client-side timeout!!"))

        def on_close(*_: Any) -> None:
            assert count == N + 1
            assert client_ended

        client.on("close", common.mustCall(on_close))

    server.listen(0, None, common.mustCall(on_listening))
    run()
