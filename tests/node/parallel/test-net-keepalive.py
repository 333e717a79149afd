"""Port of test/parallel/test-net-keepalive.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_keepalive_connections_stay_open() -> None:
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

        setTimeout(common.mustCall(check, 1), common.platformTimeout(100))
        connection.setTimeout(0)
        assert connection.setKeepAlive is not None
        # Send a keepalive packet after 50 ms
        connection.setKeepAlive(True, common.platformTimeout(50))
        connection.on("end", lambda: connection.end())

    echo_server = net.createServer(on_connection)
    echo_server.listen(0)

    def on_listening() -> None:
        state["client"] = net.createConnection(echo_server.address()["port"])
        state["client"].setTimeout(0)

    echo_server.on("listening", on_listening)
    run()
