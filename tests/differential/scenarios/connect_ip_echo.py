"""Rule 1 (node-net-internals.md §15): connect to an IP literal; the twin of the .js file."""

import os

from nodenet_uv import net
from nodenet_uv.testing.trace import alias, mark, trace


def on_connection(sock: net.Socket) -> None:
    trace(sock, "server-socket", ["data", "end", "finish", "close", "error"])
    sock.on("data", lambda d: sock.write(d))
    sock.on("end", lambda: sock.end())


server = trace(net.createServer(on_connection), "server", ["listening", "close", "error"])


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = trace(net.connect(server.address()["port"], "127.0.0.1"), "client")
    mark("client", "readyState", client.readyState)
    mark("client", "pending", client.pending)
    client.on("connect", lambda: mark("client", "readyState", client.readyState))
    client.on("data", lambda _d: client.end())
    client.on("finish", lambda: mark("client", "readyState", client.readyState))

    def on_close() -> None:
        mark("client", "bytes", [client.bytesRead, client.bytesWritten])
        server.close()

    client.on("close", on_close)
    client.write("hello")


server.listen(0, "127.0.0.1", on_listening)

if __name__ == "__main__" and not os.environ.get("NODENET_UV_NO_RUN"):
    from nodenet_uv import run

    run()
