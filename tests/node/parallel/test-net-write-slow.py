"""Port of test/parallel/test-net-write-slow.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

SIZE = 200_000
N = 10


def test_write_slow() -> None:
    flushed = 0
    received = 0
    buf = b"a" * SIZE

    def on_connection(socket: net.Socket) -> None:
        socket.setNoDelay()
        socket.setTimeout(9999)

        def on_timeout() -> None:
            raise AssertionError(f"flushed: {flushed}, received: {received}/{SIZE * N}")

        socket.on("timeout", on_timeout)

        def on_flushed(*_: object) -> None:
            nonlocal flushed
            flushed += 1
            if flushed == N:
                socket.setTimeout(0)

        for _ in range(N):
            socket.write(buf, on_flushed)
        socket.end()

    server = net.createServer(on_connection)

    def on_listening() -> None:
        conn = net.connect(server.address()["port"])

        def on_data(buf: bytes) -> None:
            nonlocal received
            received += len(buf)
            conn.pause()
            setTimeout(lambda: conn.resume(), 20)

        conn.on("data", on_data)

        def on_end() -> None:
            server.close()
            assert received == SIZE * N

        conn.on("end", common.mustCall(on_end))

    server.listen(0, common.mustCall(on_listening))
    run()
