"""Port of test/parallel/test-net-server-unref.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_unref_server_does_not_hold_loop() -> None:
    s = net.createServer()
    s.listen(0)
    s.unref()

    setTimeout(common.mustNotCall(), 1000).unref()
    run()
    # The port's end: Node's process exits with these unref'ed handles open; here the
    # next test shares the loop, so close what is left (the leak check counts them).
    s.close()
    run()
