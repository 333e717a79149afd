"""Port of test/parallel/test-net-socket-end-callback.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_end_callback() -> None:
    server = net.createServer(lambda socket: socket.resume()).unref()

    def on_listening() -> None:
        def connect(*args: Any) -> None:
            def on_connect() -> None:
                socket.end(*args)

            socket = net.createConnection(server.address()["port"], on_connect)

        cb = common.mustCall(3)
        connect(cb)
        connect("foo", cb)
        connect("foo", "utf8", cb)

    server.listen(common.mustCall(on_listening))
    run()
    # The port's end: Node's process exits with these unref'ed handles open; here the
    # next test shares the loop, so close what is left (the leak check counts them).
    server.close()
    run()
