"""Port of test/parallel/test-net-server-capture-rejection.js.

``events.captureRejections = True`` makes a rejected promise returned by an async listener
destroy the emitter (here the socket, through ``Symbol.for('nodejs.rejection')``) with
the rejection reason. An ``async def`` listener is the Python async function.
"""

from collections.abc import Iterator

import pytest

from nodenet_uv import events, net, run
from nodenet_uv.testing import common


@pytest.fixture(autouse=True)
def _capture_rejections() -> Iterator[None]:
    saved = events.EventEmitter.captureRejections
    events.captureRejections = True  # the module-level switch, as in Node
    events.EventEmitter.captureRejections = True
    yield
    events.captureRejections = saved
    events.EventEmitter.captureRejections = saved


def test_rejecting_connection_handler_destroys_the_socket() -> None:
    _err = Exception("kaboom")

    async def on_connection(sock: net.Socket) -> None:
        server.close()

        def on_error(err: BaseException) -> None:
            assert err is _err

        sock.on("error", common.mustCall(on_error))
        raise _err

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        sock = net.connect(server.address()["port"], server.address().get("host"))

        sock.on("close", common.mustCall())

    server.listen(0, common.mustCall(on_listening))
    run()
