"""Port of test/parallel/test-net-sync-cork.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common

N = 100


def test_sync_cork() -> None:
    buf = b"a" * 2

    def handle(socket: net.Socket) -> None:
        socket.resume()
        socket.on("error", common.mustNotCall()).on(
            "close", common.mustCall(lambda: server.close())
        )

    server = net.createServer(handle)

    def on_listening() -> None:
        conn = net.connect(server.address()["port"])

        def on_connect() -> None:
            res = True
            i = 0
            while i < N and res:
                conn.cork()
                conn.write(buf)
                res = conn.write(buf)
                conn.uncork()
                i += 1

            assert i == N
            conn.end()

        conn.on("connect", on_connect)

    server.listen(0, on_listening)
    run()
