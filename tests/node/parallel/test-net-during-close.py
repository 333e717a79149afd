"""Port of test/parallel/test-net-during-close.js.

``process.exit(0)`` raises ``SystemExit`` out of ``run()``; a Node process that exits
drops its pending work (the client's connect), which ``_runtime.reset_runtime()`` does
here.
"""

import pytest

from nodenet_uv import net, process, run
from nodenet_uv.testing import _runtime, common


def test_properties_while_connecting_during_close() -> None:
    server = net.createServer(lambda socket: socket.end())

    def on_listening() -> None:
        client = net.createConnection(server.address()["port"])
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
    _runtime.reset_runtime()
