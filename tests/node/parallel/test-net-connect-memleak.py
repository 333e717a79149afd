"""Port of test/parallel/test-net-connect-memleak.js.

The implicit listener for ``'connect'`` must be added with ``once()`` so it (and whatever
it holds) can be collected after the event. Node's ``onGC`` + ``globalThis.gc()`` become a
``weakref.finalize`` on an object only the connect callback refers to, and
``gc.collect()``.
"""

import gc
import weakref

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_connect_listener_can_be_collected() -> None:
    server = net.createServer(common.mustCall()).listen(0)

    collected = [False]

    def ongc() -> None:
        collected[0] = True

    def block() -> net.Socket:
        class GcObject:
            pass

        gc_object = GcObject()
        weakref.finalize(gc_object, ongc)

        def on_connect() -> None:
            assert gc_object is gc_object  # Keep reference alive
            assert collected[0] is False
            setImmediate(done, sock)

        sock = net.createConnection(server.address()["port"], common.mustCall(on_connect))
        return sock

    def done(sock: net.Socket) -> None:
        gc.collect()

        def check() -> None:
            assert collected[0] is True
            sock.end()
            server.close()

        setImmediate(check)

    block()
    run()
