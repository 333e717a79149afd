"""Port of test/parallel/test-net-connect-destroy.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_destroy_unconnected_socket_emits_close() -> None:
    socket = net.Socket()
    socket.on("close", common.mustCall())
    socket.destroy()
    run()
