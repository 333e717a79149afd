"""Rule 17 (§15): resetAndDestroy() both ways; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout

closed = 0


def done(*_: Any) -> None:
    global closed
    closed += 1
    if closed == 5:
        server.close()


def on_connection(sock: net.Socket) -> None:
    def first_data(d: bytes) -> None:
        label = f"server-{d.decode()}"
        trace(sock, label, ["data", "end", "error", "close"])
        sock.on("error", lambda err: mark(label, "error:props", [err.errno, err.syscall]))
        sock.on("close", lambda: mark(label, "close:destroyed", sock.destroyed))
        if d == b"A":
            r = sock.resetAndDestroy()
            mark(label, "returns-this", r is sock)
            mark(label, "after-reset", [sock.destroyed, sock.readyState])

    sock.on("close", done)
    sock.on("error", lambda _e: None)
    sock.once("data", first_data)


server = net.createServer(on_connection)


def on_listening() -> None:
    port = server.address()["port"]
    alias(port, "<port>")
    a = trace(net.connect(port, "127.0.0.1", lambda: a.write("A")), "client-A")
    a.resume()
    a.on("error", lambda err: mark("client-A", "error:props", [err.errno, err.syscall]))
    a.on("close", done)

    b = trace(net.connect(port, "127.0.0.1", lambda: b.write("B")), "client-B")
    b.on("close", done)
    # Reset once the server has read our byte (it then waits on the next read).
    setTimeout(lambda: b.resetAndDestroy(), 50)

    c = trace(net.connect(port, "127.0.0.1"), "client-C")
    c.resetAndDestroy()
    mark("client-C", "after-reset", [c.destroyed, c.connecting])
    c.on("close", done)


server.listen(0, "127.0.0.1", on_listening)
run()
