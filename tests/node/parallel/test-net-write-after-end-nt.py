"""Port of test/parallel/test-net-write-after-end-nt.js.

This test ensures those errors caused by calling `net.Socket.write()` after sockets
ending will be emitted in the next tick.
"""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_write_after_end_error_is_next_tick() -> None:
    def on_connection(socket: net.Socket) -> None:
        socket.end()

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        def on_connect() -> None:
            has_error = False

            def on_error(err: BaseException) -> None:
                nonlocal has_error
                has_error = True
                server.close()

            client.on("error", common.mustCall(on_error))

            def on_end() -> None:
                ret = client.write(
                    "hello",
                    common.expectsError(
                        {
                            "code": "EPIPE",
                            "message": "This socket has been ended by the other party",
                            "name": "Error",
                        }
                    ),
                )

                assert ret is False
                assert not has_error, "The error should be emitted in the next tick."

            client.on("end", common.mustCall(on_end))
            client.end()

        client = net.connect(server.address()["port"], on_connect)

    server.listen(on_listening)
    run()
