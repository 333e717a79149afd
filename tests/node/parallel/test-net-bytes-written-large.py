"""Port of test/parallel/test-net-bytes-written-large.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common

N = 10000000


def _client(server: net.Server, expected: int) -> None:
    client = net.connect(server.address()["port"])
    client.resume()

    def on_close() -> None:
        assert client.bytesRead == expected
        server.close()

    client.on("close", common.mustCall(on_close))


def test_write_buffer() -> None:
    # Variant 1: Write a Buffer.
    def on_connection(socket: net.Socket) -> None:
        def on_end() -> None:
            assert socket.bytesWritten == N

        socket.end(bytes(N), common.mustCall(on_end))
        assert socket.bytesWritten == N

    server = net.createServer(common.mustCall(on_connection))
    server.listen(0, common.mustCall(lambda: _client(server, N)))
    run()


def test_write_string() -> None:
    # Variant 2: Write a string.
    def on_connection(socket: net.Socket) -> None:
        def on_end() -> None:
            assert socket.bytesWritten == N

        socket.end("a" * N, common.mustCall(on_end))
        assert socket.bytesWritten == N

    server = net.createServer(common.mustCall(on_connection))
    server.listen(0, common.mustCall(lambda: _client(server, N)))
    run()


def test_writev_mixed() -> None:
    # Variant 2: writev() with mixed data.
    def on_connection(socket: net.Socket) -> None:
        socket.cork()
        socket.write("a" * N)
        assert socket.bytesWritten == N
        socket.write(bytes(N))
        assert socket.bytesWritten == 2 * N

        def on_end() -> None:
            assert socket.bytesWritten == 2 * N

        socket.end("", common.mustCall(on_end))
        socket.uncork()

    server = net.createServer(common.mustCall(on_connection))
    server.listen(0, common.mustCall(lambda: _client(server, 2 * N)))
    run()
