"""Port of test/parallel/test-net-server-reset.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_reset_and_destroy_accepted_sockets() -> None:
    sockets: list[net.Socket] = []

    def on_connection(c: net.Socket) -> None:
        c.on("close", common.mustCall())
        sockets.append(c)
        if len(sockets) == 2:
            assert server.close() is server
            for s in sockets:
                s.resetAndDestroy()

    server = net.createServer(on_connection)
    server.on("close", common.mustCall())

    def on_error(error: BaseException) -> None:
        assert error.code == "ECONNRESET"  # type: ignore[attr-defined]

    def on_listening() -> None:
        net.createConnection(server.address()["port"]).on("error", common.mustCall(on_error))
        net.createConnection(server.address()["port"]).on("error", common.mustCall(on_error))

    assert server is server.listen(0, on_listening)
    run()
