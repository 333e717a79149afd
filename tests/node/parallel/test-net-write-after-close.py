"""Port of test/parallel/test-net-write-after-close.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_server_write_after_client_closed() -> None:
    server_socket: Any = None

    def on_connection(socket: net.Socket) -> None:
        nonlocal server_socket
        server_socket = socket
        socket.resume()
        socket.on("error", common.mustNotCall())

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        def on_connect() -> None:
            # client.end() will close both the readable and writable side
            # of the duplex because allowHalfOpen defaults to false.
            # Then 'end' will be emitted when it receives a FIN packet from
            # the other side.
            def on_end() -> None:
                def on_written(err: Any) -> None:
                    assert err
                    server.close()

                server_socket.write("test", common.mustCall(on_written))

            client.on("end", common.mustCall(on_end))
            client.end()

        client = net.connect(server.address()["port"], on_connect)

    server.listen(0, on_listening)
    run()
