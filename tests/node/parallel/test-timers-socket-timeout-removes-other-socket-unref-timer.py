"""Port of test/parallel/test-timers-socket-timeout-removes-other-socket-unref-timer.js.

Regression test for https://github.com/nodejs/node-v0.x-archive/issues/8897. Test
``../common/countdown`` is the small class below.
"""

from nodenet_uv import net, run
from nodenet_uv.testing import common


class Countdown:
    def __init__(self, limit, cb):
        self._remaining = limit
        self._cb = common.mustCall(cb)

    def dec(self):
        assert self._remaining > 0, "Countdown expired"
        self._remaining -= 1
        if self._remaining == 0:
            self._cb()
        return self._remaining


def test_socket_timeout_removes_other_socket_unref_timer() -> None:
    clients = []

    def onClient(client):
        clients.append(client)

        if len(clients) == 2:
            # Enroll two timers, and make the one supposed to fire first
            # unenroll the other one supposed to fire later. This mutates
            # the list of unref timers when traversing it, and exposes the
            # original issue in joyent/node#8897.
            def on_timeout():
                clients[1].setTimeout(0)
                clients[0].end()
                clients[1].end()

            clients[0].setTimeout(1, on_timeout)

            # Use a delay that is higher than the lowest timer resolution across all
            # supported platforms, so that the two timers don't fire at the same time.
            clients[1].setTimeout(50)

    server = net.createServer(onClient)

    def on_listening():
        countdown = Countdown(2, lambda: server.close())

        client = net.connect({"port": server.address()["port"]})
        client.on("end", lambda: countdown.dec())

        client2 = net.connect({"port": server.address()["port"]})
        client2.on("end", lambda: countdown.dec())

    server.listen(0, common.mustCall(on_listening))
    run()
