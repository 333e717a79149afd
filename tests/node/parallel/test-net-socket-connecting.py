"""Port of test/parallel/test-net-socket-connecting.js."""

from nodenet_uv import net, run


def test_connecting_flag() -> None:
    def on_connection(conn: net.Socket) -> None:
        conn.end()
        server.close()

    server = net.createServer(on_connection)

    def on_listening() -> None:
        def on_connect() -> None:
            assert client.connecting is False
            # Legacy getter
            assert client._connecting is False
            client.end()

        client = net.connect(server.address()["port"], on_connect)
        assert client.connecting is True
        # Legacy getter
        assert client._connecting is True

    server.listen(0, on_listening)
    run()
