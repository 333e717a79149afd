"""Port of test/parallel/test-net-connect-reset-until-connected.js."""

from collections.abc import Callable

from nodenet_uv import net, run
from nodenet_uv.testing import common


def barrier(count: int, cb: Callable[[], object]) -> Callable[[], None]:
    left = [count]

    def fn() -> None:
        left[0] -= 1
        if left[0] == 0:
            cb()

    return fn


def test_reset_until_connected() -> None:
    server = net.createServer()

    def on_listening() -> None:
        port = server.address()["port"]
        conn = net.createConnection(port)
        connok = barrier(2, lambda: conn.resetAndDestroy())
        conn.on("close", common.mustCall())

        def on_connection(socket: net.Socket) -> None:
            connok()
            socket.on(
                "error",
                common.expectsError(
                    {"code": "ECONNRESET", "message": "read ECONNRESET", "name": "Error"}
                ),
            )
            server.close()

        server.on("connection", on_connection)
        conn.on("connect", connok)

    server.listen(0, common.mustCall(on_listening))
    run()
