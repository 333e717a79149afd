"""Port of test/parallel/test-net-can-reset-timeout.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_can_reset_timeout() -> None:
    def on_connection(stream: net.Socket) -> None:
        stream.setTimeout(100)

        stream.resume()

        def on_timeout() -> None:
            # Try to reset the timeout.
            stream.write("WHAT.")

        stream.once("timeout", common.mustCall(on_timeout))
        stream.on("end", common.mustCall(lambda: stream.end()))

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        c = net.createConnection(server.address()["port"])
        c.on("data", lambda *_: c.end())
        c.on("end", lambda: server.close())

    server.listen(0, common.mustCall(on_listening))
    run()
