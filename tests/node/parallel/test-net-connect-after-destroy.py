"""Port of test/parallel/test-net-connect-after-destroy.js."""

from nodenet_uv import net, run


def test_connect_after_destroy() -> None:
    # Connect to something that we need to DNS resolve
    c = net.createConnection(80, "google.com")
    c.destroy()
    run()
