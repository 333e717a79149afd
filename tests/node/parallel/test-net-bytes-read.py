"""Port of test/parallel/test-net-bytes-read.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

BIG = bytes(1024 * 1024)


def test_bytes_read() -> None:
    def handler(socket: net.Socket) -> None:
        socket.end(BIG)
        server.close()

    def on_listen() -> None:
        prev = [0]

        def check_raise(value: int) -> None:
            assert value > prev[0]
            prev[0] = value

        def on_data(chunk: Any) -> None:
            check_raise(socket.bytesRead)

        def on_end() -> None:
            assert socket.bytesRead == prev[0]
            assert len(BIG) == prev[0]

        def on_close() -> None:
            assert not socket._handle
            assert socket.bytesRead == prev[0]
            assert len(BIG) == prev[0]

        def on_connect() -> None:
            socket.on("data", common.mustCallAtLeast(on_data))
            socket.on("end", common.mustCall(on_end))
            socket.on("close", common.mustCall(on_close))
            socket.end()

        socket = net.connect(server.address()["port"], common.mustCall(on_connect))

    server = net.createServer(common.mustCall(handler)).listen(0, common.mustCall(on_listen))
    run()
