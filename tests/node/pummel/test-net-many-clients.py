"""Port of test/pummel/test-net-many-clients.js.

The ``process.on('exit')`` check runs after the loop. ``client.fd`` is never set on a
Node socket (``assert.ok(!client.fd)``): here ``getattr(client, "fd", None)``.
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

BYTES = 1024 * 40
CONCURRENCY = 50
CONNECTIONS_PER_CLIENT = 3


def test_many_clients() -> None:
    total_connections = 0
    body = "C" * BYTES

    def on_connection(c: net.Socket) -> None:
        nonlocal total_connections
        total_connections += 1
        c.write(body)
        c.end()

    server = net.createServer(on_connection)

    def run_client(port: int, callback: Any) -> None:
        client = net.createConnection(port)
        state = {"connections": 0, "recved": ""}
        client.setEncoding("utf8")

        def on_connect() -> None:
            state["recved"] = ""
            state["connections"] += 1

        def on_data(chunk: str) -> None:
            state["recved"] += chunk

        def on_close(had_error: bool) -> None:
            assert had_error is False
            assert len(state["recved"]) == BYTES
            assert not getattr(client, "fd", None)
            if state["connections"] < CONNECTIONS_PER_CLIENT:
                client.connect(port)
            else:
                callback()

        client.on("connect", on_connect)
        client.on("data", on_data)
        client.on("end", lambda: client.end())
        client.on("close", common.mustCall(on_close, CONNECTIONS_PER_CLIENT))

    def on_listening() -> None:
        finished_clients = 0

        def done() -> None:
            nonlocal finished_clients
            finished_clients += 1
            if finished_clients == CONCURRENCY:
                server.close()

        for _ in range(CONCURRENCY):
            run_client(server.address()["port"], done)

    server.listen(0, on_listening)
    run()
    assert total_connections == CONNECTIONS_PER_CLIENT * CONCURRENCY
