"""Port of test/parallel/test-net-persistent-keepalive.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.timers import setTimeout


def test_keepalive_set_before_connect_persists() -> None:
    state: dict[str, Any] = {}

    def on_connection(connection: net.Socket) -> None:
        state["server"] = connection

        def check() -> None:
            # Make sure both connections are still open
            assert state["server"].readyState == "open"
            assert state["client"].readyState == "open"
            state["server"].end()
            state["client"].end()
            echo_server.close()

        setTimeout(check, 600)
        connection.setTimeout(0)
        assert callable(connection.setKeepAlive)
        connection.on("end", lambda: connection.end())

    echo_server = net.createServer(on_connection)
    echo_server.listen(0)

    def on_listening() -> None:
        client = state["client"] = net.Socket()
        # Send a keepalive packet after 1000 ms
        # and make sure it persists
        s = client.setKeepAlive(True, 400)
        assert isinstance(s, net.Socket)
        client.connect(echo_server.address()["port"])
        client.setTimeout(0)

    echo_server.on("listening", on_listening)
    run()
