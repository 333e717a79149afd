"""Port of test/parallel/test-net-pingpong.js."""

import os
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

N = 1000


def ping_pong_test(port: Any, host: Any = None) -> None:
    state = {"count": 0, "sent_pongs": 0, "sent_final_ping": False}

    def on_socket(socket: net.Socket) -> None:
        assert socket.server is server

        def on_connections(connections: int) -> None:
            assert connections == 1

        assert server is server.getConnections(common.mustSucceed(on_connections))

        socket.setNoDelay()
        socket.timeout = 0

        socket.setEncoding("utf8")

        def on_data(data: str) -> None:
            # Since we never queue data (we're always waiting for the PING
            # before sending a pong) the writeQueueSize should always be less
            # than one message.
            assert socket.bufferSize is not None
            assert socket.bufferSize >= 0 and socket.bufferSize <= 4

            assert socket.writable is True
            assert socket.readable is True
            assert state["count"] <= N
            assert data == "PING"

            def on_written(*_: Any) -> None:
                state["sent_pongs"] += 1

            socket.write("PONG", common.mustCall(on_written))

        socket.on("data", common.mustCall(on_data, N + 1))

        def on_end() -> None:
            assert socket.allowHalfOpen is True
            assert socket.writable is True  # Because allowHalfOpen
            assert socket.readable is False
            socket.end()

        socket.on("end", common.mustCall(on_end))
        socket.on("error", common.mustNotCall())

        def on_close() -> None:
            assert socket.writable is False
            assert socket.readable is False
            assert socket.server is not None
            socket.server.close()

        socket.on("close", common.mustCall(on_close))

    server = net.createServer({"allowHalfOpen": True}, common.mustCall(on_socket))

    def on_listening() -> None:
        nonlocal port
        address = server.address()
        if isinstance(address, dict) and address["port"]:
            port = address["port"]

        client = net.createConnection(port, host)
        client.setEncoding("ascii")

        def on_connect() -> None:
            assert client.readable is True
            assert client.writable is True
            client.write("PING")

        client.on("connect", common.mustCall(on_connect))

        def on_data(data: str) -> None:
            assert data == "PONG"
            state["count"] += 1

            if state["sent_final_ping"]:
                assert client.writable is False
                assert client.readable is True
                return
            assert client.writable is True
            assert client.readable is True

            if state["count"] < N:
                client.write("PING")
            else:
                state["sent_final_ping"] = True
                client.write("PING")
                client.end()

        client.on("data", common.mustCall(on_data, N + 1))

        def on_close() -> None:
            assert state["count"] == N + 1
            assert state["sent_pongs"] == N + 1
            assert state["sent_final_ping"] is True

        client.on("close", common.mustCall(on_close))
        client.on("error", common.mustNotCall())

    server.listen(port, host, common.mustCall(on_listening))


def test_pingpong() -> None:
    # All are run at once, so run on different ports.
    if os.path.exists(common.PIPE):
        os.unlink(common.PIPE)
    ping_pong_test(common.PIPE)
    ping_pong_test(0)
    if common.hasIPv6:
        ping_pong_test(0, "::1")
    else:
        ping_pong_test(0, "127.0.0.1")
    run()
