"""Port of test/parallel/test-net-during-close.js.

``process.exit(0)`` raises ``SystemExit`` out of ``run()``. A Node process that exits
drops its pending work; here the test tears it down instead: the client (still
resolving 'localhost') is destroyed and the loop drained, so no 'error' is observed, as
in Node where the process is gone before it could be emitted.
"""

from typing import Any

import pytest

from nodenet_uv import net, process, run
from nodenet_uv.testing import common


def test_properties_while_connecting_during_close() -> None:
    server = net.createServer(lambda socket: socket.end())
    clients: list[Any] = []

    def on_listening() -> None:
        client = net.createConnection(server.address()["port"])
        clients.append(client)
        server.close()
        # Server connection event has not yet fired client is still attempting to
        # connect. Accessing properties should not throw in this case.
        client.remoteAddress  # noqa: B018
        client.remoteFamily  # noqa: B018
        client.remotePort  # noqa: B018
        # Exit now, do not wait for the client error event.
        process.exit(0)

    server.listen(0, common.mustCall(on_listening))
    with pytest.raises(SystemExit) as info:
        run()
    assert info.value.code == 0

    # The process would be gone: tear down what it left.
    clients[0].destroy()
    run()
