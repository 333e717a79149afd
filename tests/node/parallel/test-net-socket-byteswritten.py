"""Port of test/parallel/test-net-socket-byteswritten.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_bytes_written_with_writev() -> None:
    server = net.createServer(lambda socket: socket.end())

    def on_listening() -> None:
        socket = net.connect(server.address()["port"])

        # Cork the socket, then write twice; this should cause a writev, which
        # previously caused an err in the bytesWritten count.
        socket.cork()

        socket.write("one")
        socket.write("twø".encode())

        socket.uncork()

        # one = 3 bytes, twø = 4 bytes
        assert socket.bytesWritten == 3 + 4

        socket.on("connect", common.mustCall(lambda: check_and(socket, None)))

        def on_end() -> None:
            check_and(socket, None)
            server.close()

        socket.on("end", common.mustCall(on_end))

    server.listen(0, common.mustCall(on_listening))
    run()


def check_and(socket: net.Socket, _: object) -> None:
    assert socket.bytesWritten == 3 + 4
