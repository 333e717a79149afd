"""libuv 1.46's pending queue: the twin of the .js file (globally ordered)."""

import os
import tempfile
import time

from nodenet_uv import net, run
from nodenet_uv.testing.trace import mark
from nodenet_uv.timers import setImmediate, setTimeout


def on_connection(s: net.Socket) -> None:
    s.resume()
    s.on("end", lambda: s.end())


server = net.createServer(on_connection)
closed = 0


def done(*_: object) -> None:
    global closed
    closed += 1
    if closed == 3:
        server.close(lambda *_: mark("server", "closed"))


def on_listening() -> None:
    port = server.address()["port"]
    b = net.connect(port, "127.0.0.1")
    b.resume()
    b.on("finish", lambda: mark("b", "finish"))
    b.on("close", done)

    def b_connected() -> None:
        a = net.connect(port, "127.0.0.1")
        a.resume()
        a.on("close", done)

        def a_connected() -> None:
            def on_timeout() -> None:
                mark("a", "timeout")
                pipe_error(port)

            setTimeout(on_timeout, 0)
            setImmediate(lambda: mark("a", "immediate-with-end"))
            a.end()

            def a_finish() -> None:
                t = time.monotonic()
                while time.monotonic() - t < 0.005:  # the timer is due by now
                    pass
                mark("a", "finish")
                b.end()
                setImmediate(lambda: mark("a", "immediate-from-finish"))

            a.on("finish", a_finish)

        a.on("connect", a_connected)

    b.on("connect", b_connected)


def pipe_error(port: int) -> None:
    """Then, from a poll-phase callback: a failed pipe connect against an immediate."""
    c = net.connect(port, "127.0.0.1")
    c.resume()
    c.on("close", done)

    def c_connected() -> None:
        setImmediate(lambda: mark("c", "immediate"))
        p = net.connect(os.path.join(tempfile.gettempdir(), "nodenet-uv-no-such.sock"))

        def on_error(e: Exception) -> None:
            mark("p", "error", getattr(e, "code", None))
            c.end()

        p.on("error", on_error)

    c.on("connect", c_connected)


server.listen(0, "127.0.0.1", on_listening)
run()
