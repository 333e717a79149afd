"""Port of test/parallel/test-net-connect-reset.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_reset_unconnected_socket() -> None:
    socket = net.Socket()
    socket.resetAndDestroy()
    socket.on(
        "error",
        common.mustCall(common.expectsError({"code": "ERR_SOCKET_CLOSED", "name": "Error"})),
    )
    run()
