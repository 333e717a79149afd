"""Port of test/parallel/test-net-local-address-port.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_local_address_port_family() -> None:
    def on_connection(socket: net.Socket) -> None:
        assert socket.localAddress == common.localhostIPv4
        assert socket.localPort == server.address()["port"]
        assert socket.localFamily == server.address()["family"]
        socket.on("end", lambda: server.close())
        socket.resume()

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        client = net.createConnection(server.address()["port"], common.localhostIPv4)
        client.on("connect", lambda: client.end())

    server.listen(0, common.localhostIPv4, on_listening)
    run()
