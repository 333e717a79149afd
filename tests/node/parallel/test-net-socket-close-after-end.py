"""Port of test/parallel/test-net-socket-close-after-end.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_close_after_end_when_read_late() -> None:
    server = net.createServer()

    def on_connection(socket: net.Socket) -> None:
        end_emitted = [False]

        socket.once(
            "readable", lambda: setTimeout(lambda: socket.read(), common.platformTimeout(100))
        )

        def on_end() -> None:
            end_emitted[0] = True

        def on_close() -> None:
            assert end_emitted[0]
            server.close()

        socket.on("end", on_end)
        socket.on("close", on_close)
        socket.end("foo")

    server.on("connection", on_connection)

    def on_listening() -> None:
        socket: net.Socket

        def on_connect() -> None:
            socket.end("foo")

        socket = net.createConnection(server.address()["port"], on_connect)

    server.listen(common.mustCall(on_listening))
    run()
