"""Port of test/parallel/test-net-socket-ready-without-cb.js.

This test ensures that socket.connect can be called without callback which is optional.
"""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_ready_without_cb() -> None:
    def on_connection(conn: net.Socket) -> None:
        conn.end()
        server.close()

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        client = net.Socket()
        client.on("ready", common.mustCall(lambda: client.end()))
        client.connect(server.address())

    server.listen(0, "localhost", common.mustCall(on_listening))
    run()
