"""Port of test/parallel/test-net-listen-ipv6only.js."""

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


@pytest.mark.skipif(not common.hasIPv6, reason="no IPv6 support")
def test_ipv6only_refuses_ipv4() -> None:
    host = "::"
    server = net.createServer()

    def on_listening() -> None:
        port = server.address()["port"]
        socket = net.connect({"host": "0.0.0.0", "port": port})
        socket.on("connect", common.mustNotCall())

        def on_error(err: BaseException) -> None:
            assert err.code == "ECONNREFUSED"  # type: ignore[attr-defined]
            server.close()

        socket.on("error", common.mustCall(on_error))

    server.listen({"host": host, "port": 0, "ipv6Only": True}, common.mustCall(on_listening))
    run()
