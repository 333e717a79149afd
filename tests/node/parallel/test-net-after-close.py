"""Port of test/parallel/test-net-after-close.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_after_close() -> None:
    def on_connection(s: net.Socket) -> None:
        s.end()

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        c = net.createConnection(server.address()["port"])

        def on_close() -> None:
            assert c._handle is None
            # Calling functions / accessing properties of a closed socket should not
            # throw.
            c.setNoDelay()
            c.setKeepAlive()
            c.bufferSize  # noqa: B018
            c.pause()
            c.resume()
            c.address()
            c.remoteAddress  # noqa: B018
            c.remotePort  # noqa: B018
            server.close()

        c.on("close", common.mustCall(on_close))

    server.listen(0, common.mustCall(on_listening))
    run()
