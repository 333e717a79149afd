"""Port of test/parallel/test-net-listen-close-server-callback-is-not-function.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_close_with_non_function_argument() -> None:
    server = net.createServer(common.mustNotCall())
    server.on("close", common.mustCall())
    server.listen(0, common.mustNotCall())
    server.close("bad argument")
    run()
