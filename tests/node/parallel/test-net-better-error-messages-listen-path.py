"""Port of test/parallel/test-net-better-error-messages-listen-path.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_listen_error_has_path_address() -> None:
    fp = "/blah/fadfa"
    server = net.createServer(common.mustNotCall())
    server.listen(fp, common.mustNotCall())

    def on_error(e: Any) -> None:
        assert e.address == fp

    server.on("error", common.mustCall(on_error))
    run()
