"""Port of test/parallel/test-net-socket-end-before-connect.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_end_before_connect() -> None:
    server = net.createServer()

    def on_listening() -> None:
        socket = net.createConnection(server.address()["port"])
        socket.on("close", common.mustCall(lambda: server.close()))
        socket.end()

    server.listen(common.mustCall(on_listening))
    run()
