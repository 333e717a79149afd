"""Port of test/parallel/test-net-connect-immediate-destroy.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_connect_immediate_destroy() -> None:
    server = net.createServer()
    server.listen(0)
    port = server.address()["port"]
    socket = net.connect(port, common.localhostIPv4, common.mustNotCall())
    socket.on("error", common.mustNotCall())
    server.close()
    socket.destroy()
    run()
