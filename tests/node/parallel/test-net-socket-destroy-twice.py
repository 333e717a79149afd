"""Port of test/parallel/test-net-socket-destroy-twice.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_destroy_in_error_handler() -> None:
    server = net.createServer()
    server.listen(0)
    port = server.address()["port"]
    conn = net.createConnection(port)

    conn.on("error", common.mustCall(lambda: conn.destroy()))
    conn.on("close", common.mustCall())
    server.close()
    run()
