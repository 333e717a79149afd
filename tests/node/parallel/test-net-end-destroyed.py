"""Port of test/parallel/test-net-end-destroyed.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_end_not_destroyed_after_local_end() -> None:
    server = net.createServer()
    server.on("connection", common.mustCall())

    def on_listening() -> None:
        socket = net.createConnection({"port": server.address()["port"]})

        def on_connect() -> None:
            def on_end() -> None:
                assert socket.destroyed is False
                server.close()

            socket.on("end", common.mustCall(on_end))
            socket.end()

        socket.on("connect", common.mustCall(on_connect))

    server.listen(common.mustCall(on_listening))
    run()
