"""Port of test/parallel/test-net-server-close.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_server_close_waits_for_connections() -> None:
    sockets: list[net.Socket] = []

    def on_connection(c: net.Socket) -> None:
        c.on("close", common.mustCall())
        sockets.append(c)
        if len(sockets) == 2:
            assert server.close() is server
            for s in sockets:
                s.destroy()

    server = net.createServer(on_connection)
    server.on("close", common.mustCall())

    def on_listening() -> None:
        net.createConnection(server.address()["port"])
        net.createConnection(server.address()["port"])

    assert server is server.listen(0, on_listening)
    run()
