"""Port of test/parallel/test-net-listen-error.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_listen_on_foreign_address_errors() -> None:
    server = net.createServer(common.mustNotCall())
    server.listen(1, "1.1.1.1", common.mustNotCall())  # EACCES or EADDRNOTAVAIL
    server.on("error", common.mustCall())
    run()
