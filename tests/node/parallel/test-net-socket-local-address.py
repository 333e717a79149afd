"""Port of test/parallel/test-net-socket-local-address.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_local_address_matches_server_remote_port() -> None:
    conns = 0
    client_local_ports: list[int] = []
    server_remote_ports: list[int] = []
    client = net.Socket()

    def on_connection(socket: net.Socket) -> None:
        server_remote_ports.append(socket.remotePort)
        socket.end()

    server = net.createServer(on_connection)

    def on_close() -> None:
        # Client and server should agree on the ports used
        assert server_remote_ports == client_local_ports
        assert conns == 2

    server.on("close", common.mustCall(on_close))

    def connect() -> None:
        nonlocal conns
        if conns == 2:
            server.close()
            return

        conns += 1
        client.once("close", connect)
        assert client is client.connect(
            server.address()["port"],
            common.localhostIPv4,
            lambda: client_local_ports.append(client.localPort),
        )

    server.listen(0, common.localhostIPv4, connect)
    run()
