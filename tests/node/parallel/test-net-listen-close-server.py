"""Port of test/parallel/test-net-listen-close-server.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_listen_then_close_in_same_tick() -> None:
    server = net.createServer(common.mustNotCall())
    server.listen(0, common.mustNotCall())
    server.on("error", common.mustNotCall())
    server.close()
    run()
