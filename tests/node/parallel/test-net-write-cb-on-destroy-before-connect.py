"""Port of test/parallel/test-net-write-cb-on-destroy-before-connect.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_write_cb_on_destroy_before_connect() -> None:
    server = net.createServer()

    def on_listening() -> None:
        socket = net.Socket()

        socket.on("connect", common.mustNotCall())

        socket.connect({"port": server.address()["port"]})

        assert socket.connecting

        socket.write(
            "foo",
            common.expectsError({"code": "ERR_SOCKET_CLOSED_BEFORE_CONNECTION", "name": "Error"}),
        )

        socket.destroy()
        server.close()

    server.listen(0, common.mustCall(on_listening))
    run()
