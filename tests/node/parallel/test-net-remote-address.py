"""Port of test/parallel/test-net-remote-address.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_remote_address_undefined_while_connecting() -> None:
    server = net.createServer()

    def on_listening() -> None:
        socket = net.connect({"port": server.address()["port"]})
        assert socket.connecting is True
        assert socket.remoteAddress is None

        def on_connect() -> None:
            assert (socket.remoteAddress is not None) is True
            socket.end()

        socket.on("connect", common.mustCall(on_connect))
        socket.on("end", common.mustCall(lambda: server.close()))

    server.listen(common.mustCall(on_listening))
    run()
