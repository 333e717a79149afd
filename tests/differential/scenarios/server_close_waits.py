"""Rules 15, 20 (§15): server.close() waits for connections; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, process, run
from nodenet_uv.testing.trace import alias, mark, trace

clients: list[net.Socket] = []
n = 0


def on_connection(sock: net.Socket) -> None:
    global n
    n += 1
    sock_id = n
    sock.resume()

    def on_close() -> None:
        mark("server", "socket-close", [sock_id, server._connections])
        process.nextTick(lambda: mark("server", "socket-close+tick", sock_id))

    sock.on("close", on_close)
    if sock_id == 1:
        connect()
        return

    def on_count(err: Any, count: int) -> None:
        mark("server", "getConnections", [err, count])
        clients[0].end()

    server.close(lambda err=None: mark("server", "close-cb", [err, server.listening]))
    mark("server", "after-close", [server.listening, server.address()])
    server.getConnections(on_count)
    mark("server", "getConnections-is-async")


server = trace(net.createServer(on_connection), "server", ["listening", "connection", "close"])


def connect() -> None:
    c = net.connect(server.address()["port"], "127.0.0.1")
    c.resume()
    clients.append(c)

    def on_count(err: Any, count: int) -> None:
        mark("server", "getConnections", [err, count])
        clients[1].end()

    def on_close() -> None:
        if c is clients[0]:
            server.getConnections(on_count)

    c.on("close", on_close)


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    connect()


server.listen(0, "127.0.0.1", on_listening)
run()
