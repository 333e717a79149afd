"""Port of test/parallel/test-net-remote-address-port.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common

REMOTE_ADDR_CANDIDATES = [common.localhostIPv4, "::1", "::ffff:127.0.0.1"]
REMOTE_FAMILY_CANDIDATES = ["IPv4", "IPv6"]


def test_remote_address_port_family() -> None:
    conns_closed = [0]

    def on_connection(socket: net.Socket) -> None:
        assert socket.remoteAddress in REMOTE_ADDR_CANDIDATES, (
            f"Invalid remoteAddress: {socket.remoteAddress}"
        )
        assert socket.remoteFamily in REMOTE_FAMILY_CANDIDATES, (
            f"Invalid remoteFamily: {socket.remoteFamily}"
        )
        assert socket.remotePort
        assert socket.remotePort != server.address()["port"]

        def on_end() -> None:
            conns_closed[0] += 1
            if conns_closed[0] == 2:
                server.close()

        def on_close() -> None:
            assert socket.remoteAddress in REMOTE_ADDR_CANDIDATES
            assert socket.remoteFamily in REMOTE_FAMILY_CANDIDATES

        socket.on("end", on_end)
        socket.on("close", on_close)
        socket.resume()

    server = net.createServer(common.mustCall(on_connection, 2))

    def on_listening() -> None:
        client = net.createConnection(server.address()["port"], "127.0.0.1")
        client2 = net.createConnection(server.address()["port"])

        assert client.remoteAddress is None
        assert client.remoteFamily is None
        assert client.remotePort is None
        assert client2.remoteAddress is None
        assert client2.remoteFamily is None
        assert client2.remotePort is None

        def make_handlers(c: net.Socket) -> None:
            def on_connect() -> None:
                assert c.remoteAddress in REMOTE_ADDR_CANDIDATES
                assert c.remoteFamily in REMOTE_FAMILY_CANDIDATES
                assert c.remotePort == server.address()["port"]
                c.end()

            def on_close() -> None:
                assert c.remoteAddress in REMOTE_ADDR_CANDIDATES
                assert c.remoteFamily in REMOTE_FAMILY_CANDIDATES

            c.on("connect", on_connect)
            c.on("close", on_close)

        make_handlers(client)
        make_handlers(client2)

    server.listen(0, on_listening)
    run()
