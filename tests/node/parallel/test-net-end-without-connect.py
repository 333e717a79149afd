"""Port of test/parallel/test-net-end-without-connect.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_end_without_connect() -> None:
    sock = net.Socket()

    def on_end(*_: object) -> None:
        assert sock.writable is False

    sock.end(common.mustCall(on_end))
    run()
