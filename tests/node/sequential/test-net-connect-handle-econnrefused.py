"""Port of test/sequential/test-net-connect-handle-econnrefused.js.

``common.PORT`` is Node's fixed test port, 12346 (nothing listens there).
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

PORT = 12346


def test_connect_econnrefused() -> None:
    c = net.createConnection(PORT)
    c.on("connect", common.mustNotCall())

    def on_error(e: Any) -> None:
        assert c.connecting is False
        assert e.code == "ECONNREFUSED"

    c.on("error", common.mustCall(on_error))
    run()
