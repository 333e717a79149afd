"""Port of test/parallel/test-net-server-max-connections.js."""

from collections.abc import Callable

from nodenet_uv import net, run
from nodenet_uv.testing import common

N = 20


def test_max_connections() -> None:
    closes = [0]
    waits: list[Callable[[], None]] = []

    def on_connection(connection: net.Socket) -> None:
        connection.write("hello")
        waits.append(lambda: connection.end())

    server = net.createServer(common.mustCall(on_connection, N // 2))

    def make_connection(index: int) -> None:
        c = net.createConnection(server.address()["port"])
        got_data = [False]

        def on_connect() -> None:
            if index + 1 < N:
                make_connection(index + 1)

            def on_close() -> None:
                closes[0] += 1

                if closes[0] < N // 2:
                    assert server.maxConnections is not None
                    assert server.maxConnections <= index, (
                        f"{index} should not have been one of the first closed connections"
                    )

                if closes[0] == N // 2:
                    while waits:
                        waits.pop(0)()
                    server.close()

                assert server.maxConnections is not None
                if index < server.maxConnections:
                    assert got_data[0] is True, f"{index} didn't get data, but should have"
                else:
                    assert got_data[0] is False, f"{index} got data, but shouldn't have"

            c.on("close", on_close)

        c.on("connect", on_connect)
        c.on("end", lambda: c.end())

        def on_data(b: bytes) -> None:
            got_data[0] = True
            assert len(b) > 0

        c.on("data", on_data)
        c.on("error", lambda e: None)

    server.listen(0, lambda: make_connection(0))
    server.maxConnections = N // 2
    run()
    # process.on('exit')
    assert closes[0] == N
