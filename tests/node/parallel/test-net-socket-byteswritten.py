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

        def on_connect() -> None:
            assert socket.bytesWritten == 3 + 4

        socket.on("connect", common.mustCall(on_connect))

        def on_end() -> None:
            assert socket.bytesWritten == 3 + 4
            server.close()

        socket.on("end", common.mustCall(on_end))

    server.listen(0, common.mustCall(on_listening))
    run()
