"""Port of test/parallel/test-net-connect-paused-connection.js.

This test ensures that the process exits (the loop drains) even though a paused
connection is still open: the server and its accepted socket are unref'ed.
"""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_paused_connection_does_not_keep_loop_alive() -> None:
    left: list[net.Socket] = []

    def on_connection(conn: net.Socket) -> None:
        left.append(conn)
        conn.unref()

    server = net.createServer(on_connection)

    def on_listening() -> None:
        left.append(net.connect(server.address()["port"], "localhost").pause())

        setTimeout(common.mustNotCall("expected to exit"), 1000).unref()

    server.listen(0, common.mustCall(on_listening)).unref()
    run()
    # The port's end: Node's process exits with these unref'ed handles open; here the
    # next test shares the loop, so close what is left (the leak check counts them).
    for sock in left:
        sock.destroy()
    server.close()
    run()
