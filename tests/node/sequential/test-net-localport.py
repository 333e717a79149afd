"""Port of test/sequential/test-net-localport.js.

``common.PORT`` is Node's fixed test port, 12346.
"""

from nodenet_uv import net, run

PORT = 12346


def test_local_port() -> None:
    def on_connection(socket: net.Socket) -> None:
        assert socket.remotePort == PORT
        socket.end()
        socket.on("close", lambda: server.close())

    server = net.createServer(on_connection)

    def on_listening() -> None:
        client = net.connect(
            {"host": "127.0.0.1", "port": server.address()["port"], "localPort": PORT}
        )

        def on_connect() -> None:
            assert client.localPort == PORT

        client.on("connect", on_connect)

    server.listen(0).on("listening", on_listening)
    run()
