"""Rule 12 (§15): write after the peer's FIN, cases (a) and (b); the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setImmediate

closed = 0


def on_connection(sock: net.Socket) -> None:
    def on_close() -> None:
        global closed
        closed += 1
        if closed == 2:
            server.close()

    def first_data(d: bytes) -> None:
        if d == b"b":
            sock.end()

    sock.on("data", lambda d: mark("server", "data", d.decode()))
    sock.on("error", lambda _e: None)
    sock.on("close", on_close)
    sock.once("data", first_data)


server = net.createServer(on_connection)


def on_listening() -> None:
    port = server.address()["port"]
    alias(port, "<port>")

    a = trace(net.connect(port, "127.0.0.1"), "a")
    a.resume()
    a.on("connect", lambda: a.end())

    def a_end() -> None:
        r = a.write("x", lambda err: mark("a", "write-cb", err))
        mark("a", "write-returned", [r, a.destroyed])

    def a_error(err: Any) -> None:
        mark(
            "a",
            "error:props",
            [getattr(err, "errno", None), getattr(err, "syscall", None), a.readyState],
        )

    a.on("end", a_end)
    a.on("error", a_error)

    b = trace(net.connect(port, "127.0.0.1"), "b")
    b.resume()
    b.on("connect", lambda: b.write("b"))

    def b_later() -> None:
        mark("b", "immediate:state", [b.writableEnded, b.destroyed])
        r2 = b.write("later", lambda err: mark("b", "later-cb", err))
        mark("b", "later-returned", r2)

    def b_end() -> None:
        r = b.write("in-end", lambda err: mark("b", "in-end-cb", err))
        mark("b", "in-end-returned", [r, b.writableEnded])
        setImmediate(b_later)

    b.on("end", b_end)


server.listen(0, "127.0.0.1", on_listening)
run()
