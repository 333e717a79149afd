"""Port of test/parallel/test-net-socket-reset-twice.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_reset_in_error_handler() -> None:
    server = net.createServer()
    server.listen(0)
    port = server.address()["port"]
    conn = net.createConnection(port)

    conn.on("error", common.mustCall(lambda: conn.resetAndDestroy()))
    conn.on("close", common.mustCall())
    server.close()
    run()
