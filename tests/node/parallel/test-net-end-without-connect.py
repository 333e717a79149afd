"""Port of test/parallel/test-net-end-without-connect.js."""

from nodenet_uv import net, run


def test_end_without_connect_does_not_throw() -> None:
    sock = net.Socket()
    sock.end()  # Should not throw.
    run()
