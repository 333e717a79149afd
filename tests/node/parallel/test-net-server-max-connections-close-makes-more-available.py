"""Port of test/parallel/test-net-server-max-connections-close-makes-more-available.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv._internal.promise import Promise


def test_closing_a_connection_makes_room() -> None:
    connections: dict[int, net.Socket] = {}
    received: list[str] = []
    sent: list[str] = []

    def create_connection(index: int) -> Promise:
        def executor(resolve: Any, reject: Any) -> None:
            connection: net.Socket

            def on_connect() -> None:
                msg = str(index)
                connection.write(msg)
                sent.append(msg)

            connection = net.createConnection(server.address()["port"], on_connect)

            def on_error(err: BaseException) -> None:
                assert err.code == "ECONNRESET"  # type: ignore[attr-defined]
                resolve()

            connection.on("error", on_error)
            connection.on("data", lambda e: resolve())
            connection.on("end", lambda: resolve())
            connections[index] = connection

        return Promise(executor)

    def close_connection(index: int) -> Promise:
        def executor(resolve: Any, reject: Any) -> None:
            connections[index].on("end", lambda: resolve())
            connections[index].end()

        return Promise(executor)

    def on_connection(socket: net.Socket) -> None:
        def on_data(data: bytes) -> None:
            received.append(data.decode())
            socket.write("acknowledged")

        socket.on("data", on_data)

    server = net.createServer(on_connection)
    server.maxConnections = 1

    def on_listening() -> None:
        (
            create_connection(0)
            .then(lambda _: create_connection(1))
            .then(lambda _: close_connection(0))
            .then(lambda _: create_connection(2))
            .then(lambda _: create_connection(3))
            .then(lambda _: server.close())
            .then(lambda _: close_connection(2))
        )

    server.listen(0, on_listening)
    run()
    # process.on('exit')
    # Confirm that all connections tried to send data...
    assert sent == ["0", "1", "2", "3"]
    # ...but that only connections 0 and 2 were successful.
    assert received == ["0", "2"]
