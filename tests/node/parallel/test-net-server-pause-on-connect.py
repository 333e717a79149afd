"""Port of test/parallel/test-net-server-pause-on-connect.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

MSG = "test"


def test_pause_on_connect() -> None:
    state: dict[str, Any] = {"stopped": True, "server1_sock": None}

    def server1_conn_handler(socket: net.Socket) -> None:
        def on_data(data: bytes) -> None:
            if state["stopped"]:
                raise AssertionError("data event should not have happened yet")
            assert data.decode() == MSG
            socket.end()
            server1.close()

        socket.on("data", on_data)
        state["server1_sock"] = socket

    server1 = net.createServer({"pauseOnConnect": True}, server1_conn_handler)

    def server2_conn_handler(socket: net.Socket) -> None:
        def on_data(data: bytes) -> None:
            assert data.decode() == MSG
            socket.end()
            server2.close()

            assert state["server1_sock"].bytesRead == 0
            state["server1_sock"].resume()
            state["stopped"] = False

        socket.on("data", on_data)

    server2 = net.createServer({"pauseOnConnect": False}, server2_conn_handler)

    def on_listening1() -> None:
        def client_handler(*_: Any) -> None:
            def on_listening2() -> None:
                net.createConnection({"port": server2.address()["port"]}).write(MSG)

            server2.listen(0, on_listening2)

        net.createConnection({"port": server1.address()["port"]}).write(
            MSG, common.mustCall(client_handler)
        )

    server1.listen(0, on_listening1)
    run()
    # process.on('exit')
    assert state["stopped"] is False
