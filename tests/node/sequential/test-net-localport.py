"""Port of test/sequential/test-net-localport.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_local_port() -> None:
    def on_connection(socket: net.Socket) -> None:
        assert socket.remotePort == common.PORT
        socket.end()
        socket.on("close", lambda *_: server.close())

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        client = net.connect(
            {"host": "127.0.0.1", "port": server.address()["port"], "localPort": common.PORT}
        )

        def on_connect() -> None:
            assert client.localPort == common.PORT

        client.on("connect", common.mustCall(on_connect))

    server.listen(0).on("listening", common.mustCall(on_listening))
    run()
