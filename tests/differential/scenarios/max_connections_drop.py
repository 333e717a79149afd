"""Rule 16 (§15): maxConnections and 'drop'; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace

first: Any = None


def on_connection(sock: net.Socket) -> None:
    mark("server", "connections", server._connections)
    sock.on("close", lambda: server.close())
    second()


server = trace(net.createServer(on_connection), "server", ["connection", "drop", "close", "error"])
server.maxConnections = 1


def second() -> None:
    c2 = trace(net.connect(server.address()["port"], "127.0.0.1"), "client2")
    c2.on("connect", lambda: alias(c2.localPort, "<client2-port>"))
    c2.resume()

    def on_count(err: Any, n: int) -> None:
        mark("server", "getConnections", [err, n])
        first.end()

    c2.on("close", lambda: server.getConnections(on_count))


# A plain dict (JS: an object with a null prototype).
server.on("drop", lambda data: mark("server", "drop:proto", type(data) is dict))


def on_listening() -> None:
    global first
    alias(server.address()["port"], "<port>")
    first = trace(
        net.connect(server.address()["port"], "127.0.0.1"),
        "client1",
        ["connect", "end", "close", "error"],
    )
    first.resume()


server.listen(0, "127.0.0.1", on_listening)
run()
