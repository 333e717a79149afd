"""Port of test/parallel/test-net-writable.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_writable_in_end_handler() -> None:
    def on_connection(s: net.Socket) -> None:
        server.close()
        s.end()

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        socket = net.connect(server.address()["port"], "127.0.0.1")

        def on_end() -> None:
            assert socket.writable is True
            socket.write("hello world")

        socket.on("end", common.mustCall(on_end))

    server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()
