"""Port of test/parallel/test-net-socket-timeout-unref.js.

Test that unref'ed sockets with timeouts do not prevent exit.
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_unrefed_sockets_with_timeouts_do_not_keep_loop_alive() -> None:
    accepted: list[net.Socket] = []

    def on_connection(c: net.Socket) -> None:
        accepted.append(c)
        c.write("hello")
        c.unref()

    server = net.createServer(on_connection)
    server.listen(0)
    server.unref()

    connections = 0
    sockets: list[dict[str, Any]] = []
    delays = [8, 5, 3, 6, 2, 4]

    def on_timeout_of(s: dict[str, Any]) -> Any:
        def on_timeout() -> None:
            s["socket"].destroy()
            raise AssertionError("socket timed out unexpectedly")

        return on_timeout

    for t in delays:
        socket = net.createConnection(server.address()["port"], "localhost")

        def on_connect() -> None:
            nonlocal connections
            connections += 1
            if connections == len(delays):
                for s in sockets:
                    s["socket"].setTimeout(s["timeout"], on_timeout_of(s))
                    s["socket"].unref()

        socket.on("connect", common.mustCall(on_connect))

        sockets.append({"socket": socket, "timeout": t * 1000})
    run()
    # The port's end: Node's process exits with these unref'ed handles open; here the
    # next test shares the loop, so close what is left (the leak check counts them).
    for s in sockets:
        s["socket"].destroy()
    for c in accepted:
        c.destroy()
    server.close()
    run()
