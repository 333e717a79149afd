"""Port of test/parallel/test-net-allow-half-open.js."""

from nodenet_uv import net, process, run
from nodenet_uv.testing import common


def test_peer_end_then_auto_end() -> None:
    def on_connection(socket: net.Socket) -> None:
        socket.end(bytes(1024))

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        socket = net.connect(server.address()["port"])
        assert socket.allowHalfOpen is False
        socket.resume()

        def on_end() -> None:
            def check() -> None:
                # Ensure socket is not destroyed straight away without proper shutdown.
                assert not socket.destroyed
                server.close()

            process.nextTick(check)

        socket.on("end", common.mustCall(on_end))
        socket.on("finish", common.mustCall(lambda: assert_not_destroyed(socket)))
        socket.on("close", common.mustCall())

    server.listen(0, common.mustCall(on_listening))
    run()


def test_write_then_end_with_peer_end() -> None:
    def on_connection(socket: net.Socket) -> None:
        socket.end(bytes(1024))

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        socket = net.connect(server.address()["port"])
        assert socket.allowHalfOpen is False
        socket.resume()
        socket.on("end", common.mustCall(lambda: assert_not_destroyed(socket)))
        socket.end("asd")
        socket.on("finish", common.mustCall(lambda: assert_not_destroyed(socket)))
        socket.on("close", common.mustCall(lambda: server.close()))

    server.listen(0, common.mustCall(on_listening))
    run()


def assert_not_destroyed(socket: net.Socket) -> None:
    assert not socket.destroyed
