"""Port of test/parallel/test-net-server-unref-persistent.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_unref_before_listen_persists() -> None:
    server = net.createServer()

    # Unref before listening
    server.unref()
    server.listen()

    # If the timeout fires, that means the server held the event loop open
    # and the unref() was not persistent. Close the server and fail the test.
    setTimeout(common.mustNotCall(), 1000).unref()
    run()
    # The port's end: Node's process exits with these unref'ed handles open; here the
    # next test shares the loop, so close what is left (the leak check counts them).
    server.close()
    run()
