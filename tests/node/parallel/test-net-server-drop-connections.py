"""Port of test/parallel/test-net-server-drop-connections.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_drop_event_when_max_connections_reached() -> None:
    first: list[net.Socket] = []

    server = net.createServer(common.mustCall(lambda socket: first.append(socket)))
    dormant_client: list[net.Socket] = []
    not_called = common.mustNotCall()

    def on_dormant_connection(socket: net.Socket) -> None:
        # Close what this test opened before failing, so that the failure does not leave
        # sockets connecting into the next test.
        socket.destroy()
        for c in dormant_client:
            c.destroy()
        dormant_server.close()
        first[0].destroy() if first else None
        server.close()
        not_called(socket)

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
    dormant_server.listen(
        0,
        lambda: dormant_client.append(net.createConnection(dormant_server.address()["port"])),
    )
    run()
