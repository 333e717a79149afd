"""Rule 18 (§15): unconsumed data keeps 'end' away; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout

closed = 0


def on_connection(sock: net.Socket) -> None:
    def on_close() -> None:
        global closed
        closed += 1
        if closed == 2:
            server.close()

    sock.once("data", lambda d: sock.end("payload" if d == b"data" else None))
    sock.on("close", on_close)


server = net.createServer(on_connection)


def state(s: net.Socket) -> list[Any]:
    return [s.readyState, s.readableEnded, s.readableLength, s.readableFlowing, s.bytesRead]


def start(port: int, label: str) -> None:
    c = trace(net.connect(port, "127.0.0.1", lambda: c.write(label)), label)

    def later() -> None:
        mark(label, "100ms", state(c))
        c.destroy()

    setTimeout(later, 100)
    c.on("close", lambda: mark(label, "close", state(c)))


def on_listening() -> None:
    port = server.address()["port"]
    alias(port, "<port>")
    for label in ("data", "no-data"):
        start(port, label)


server.listen(0, "127.0.0.1", on_listening)
run()
