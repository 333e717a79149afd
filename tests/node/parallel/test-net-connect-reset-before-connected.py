"""Port of test/parallel/test-net-connect-reset-before-connected.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_reset_before_connected() -> None:
    server = net.createServer()
    server.listen(0)
    port = server.address()["port"]
    socket = net.connect(port, common.localhostIPv4, common.mustNotCall())
    socket.on("error", common.mustNotCall())
    server.close()
    socket.resetAndDestroy()
    # `reset` waiting socket connected to sent the RST packet
    socket.destroy()
    run()
