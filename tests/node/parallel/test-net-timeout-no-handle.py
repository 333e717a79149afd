"""Port of test/parallel/test-net-timeout-no-handle.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_timeout_without_handle() -> None:
    socket = net.Socket()
    socket.setTimeout(common.platformTimeout(50))

    def on_timeout() -> None:
        assert socket._handle is None

    socket.on("timeout", common.mustCall(on_timeout))

    socket.on("connect", common.mustNotCall())

    # Since the timeout is unrefed, the code will exit without this
    setTimeout(lambda: None, common.platformTimeout(200))
    run()
