"""Port of test/parallel/test-net-connect-call-socket-connect.js.

This test checks that calling `net.connect` internally calls `Socket.prototype.connect`.
"""

from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_connect_calls_socket_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    Socket = net.Socket
    orig = Socket.connect

    def connect(self: net.Socket, *args: Any, **kwargs: Any) -> Any:
        return orig(self, *args, **kwargs)

    monkeypatch.setattr(Socket, "connect", common.mustCall(connect))

    server = net.createServer()

    def on_listening() -> None:
        port = server.address()["port"]
        client = net.connect({"port": port}, common.mustCall(lambda: client.end()))
        client.on("end", common.mustCall(lambda: server.close()))

    server.listen(common.mustCall(on_listening))
    run()
