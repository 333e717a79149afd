"""Port of test/parallel/test-net-server-drop-connections.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_drop_event_when_max_connections_reached() -> None:
    first: list[net.Socket] = []

    server = net.createServer(common.mustCall(lambda socket: first.append(socket)))
    dormant_connections: list[net.Socket] = []

    def on_dormant_connection(socket: net.Socket) -> None:
        # common.mustNotCall(), checked once the loop has run: raising here would stop the
        # loop with this test's sockets still open. The socket is destroyed so the loop ends.
        dormant_connections.append(socket)
        socket.destroy()
        dormant_server.close()

    dormant_server = net.createServer(on_dormant_connection)
    server.maxConnections = 1
    dormant_server.maxConnections = 0

    def on_drop(data: dict[str, Any]) -> None:
        assert bool(data["localAddress"]) is True
        assert bool(data["localPort"]) is True
        assert bool(data["remoteAddress"]) is True
        assert bool(data["remotePort"]) is True
        assert bool(data["remoteFamily"]) is True
        first[0].destroy()
        server.close()

    server.on("drop", common.mustCall(on_drop))

    def on_dormant_drop(data: dict[str, Any]) -> None:
        assert bool(data["localAddress"]) is True
        assert bool(data["localPort"]) is True
        assert bool(data["remoteAddress"]) is True
        assert bool(data["remotePort"]) is True
        assert bool(data["remoteFamily"]) is True
        dormant_server.close()

    dormant_server.on("drop", common.mustCall(on_dormant_drop))

    def on_listening() -> None:
        net.createConnection(server.address()["port"])
        net.createConnection(server.address()["port"])

    server.listen(0, on_listening)
    dormant_server.listen(0, lambda: net.createConnection(dormant_server.address()["port"]))
    run()
    not_called = common.mustNotCall()
    for socket in dormant_connections:
        not_called(socket)
