"""Port of test/parallel/test-net-connect-reset-after-destroy.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_reset_after_destroy() -> None:
    server = net.createServer()

    def on_listening() -> None:
        port = server.address()["port"]
        conn = net.createConnection(port)

        def on_connection(socket: net.Socket) -> None:
            socket.on(
                "error",
                common.expectsError(
                    {"code": "ECONNRESET", "message": "read ECONNRESET", "name": "Error"}
                ),
            )

        server.on("connection", on_connection)

        def on_connect() -> None:
            assert conn is conn.resetAndDestroy().destroy()
            conn.on("error", common.mustNotCall())

            conn.write(
                b"fzfzfzfzfz",
                common.expectsError(
                    {
                        "code": "ERR_STREAM_DESTROYED",
                        "message": "Cannot call write after a stream was destroyed",
                        "name": "Error",
                    }
                ),
            )
            server.close()

        conn.on("connect", common.mustCall(on_connect))

    server.listen(0, common.mustCall(on_listening))
    run()
