"""Port of test/parallel/test-net-reuseport.js.

``checkSupportReusePort`` (test/common/net.js) is written out here; where ``reusePort``
is not supported the Node test skips, and so does this port (the manifest then cannot
say ``pass``).
"""

from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common

OPTIONS = {"port": 0, "reusePort": True}


def check_support_reuse_port() -> bool:
    result: list[bool] = []
    server = net.createServer().listen(OPTIONS)

    def on_listening() -> None:
        server.close(lambda *_: result.append(True))

    def on_error(err: Any) -> None:
        print("The `reusePort` option is not supported:", err.message)
        server.close()
        result.append(False)

    server.on("listening", on_listening)
    server.on("error", on_error)
    run()
    return result == [True]


def _test(host: str) -> None:
    server1 = net.createServer()
    server2 = net.createServer()

    def on_listening1() -> None:
        port = server1.address()["port"]

        def on_listening2() -> None:
            server1.close()
            server2.close()

        server2.listen({**OPTIONS, "host": host, "port": port}, common.mustCall(on_listening2))

    server1.listen({**OPTIONS, "host": host}, common.mustCall(on_listening1))


def test_reuseport() -> None:
    if not check_support_reuse_port():
        pytest.skip("The `reusePort` option is not supported")
    _test("127.0.0.1")
    if common.hasIPv6:
        _test("::")
    run()
