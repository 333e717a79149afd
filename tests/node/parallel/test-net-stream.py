"""Port of test/parallel/test-net-stream.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

SIZE = 2_000_000
N = 10


def test_destroy_while_server_writes() -> None:
    buf = b"a" * SIZE

    def on_connection(socket: net.Socket) -> None:
        socket.setNoDelay()

        socket.on("error", common.mustCall(lambda: socket.destroy())).on(
            "close", common.mustCall(lambda: server.close())
        )

        for _ in range(N):
            socket.write(buf, lambda *_: None)
        socket.end()

    server = net.createServer(on_connection)

    def on_listening() -> None:
        conn = net.connect(server.address()["port"])

        def on_data(buf: bytes) -> None:
            assert conn is conn.pause()
            setTimeout(lambda: conn.destroy(), 20)

        conn.on("data", on_data)

    server.listen(0, on_listening)
    run()
