"""Abstract name, half-open, pause/resume, timeout, 'drop' on pipes; twin of the .js file."""

import os
from typing import Any

from nodenet_uv import net
from nodenet_uv.testing.trace import alias, mark, trace

name = f"\0nodenet-uv-diff-{os.getpid()}"
alias(name, "<abstract>")

first = [True]


def on_connection(sock: net.Socket) -> None:
    if not first[0]:
        return
    first[0] = False
    trace(sock, "server-socket", ["data", "end", "finish", "close", "error", "timeout"])
    sock.pause()
    sock.setTimeout(30)

    def on_timeout() -> None:
        mark("server-socket", "bytesRead before resume", sock.bytesRead)
        sock.resume()

    def on_end() -> None:
        sock.setTimeout(0)
        sock.end("after your FIN")

    sock.on("timeout", on_timeout)
    sock.on("end", on_end)


server = trace(
    net.createServer({"allowHalfOpen": True}, on_connection),
    "server",
    ["listening", "connection", "close", "error", "drop"],
)
server.maxConnections = 1


def on_listening() -> None:
    mark("server", "address", server.address())
    client = trace(
        net.connect({"path": name, "allowHalfOpen": True}),
        "client",
        ["connect", "data", "end", "finish", "close", "error"],
    )
    client.end("half")
    client.resume()

    def on_connect() -> None:
        dropped = trace(net.connect(name), "dropped", ["connect", "end", "close", "error"])
        dropped.resume()

    def on_close(*_: Any) -> None:
        mark("client", "bytes", [client.bytesRead, client.bytesWritten])
        refused = trace(net.connect(f"{name}-nobody"), "refused", ["connect", "close", "error"])
        refused.on("error", lambda _e: None)
        refused.on("close", lambda *_: server.close())

    client.on("connect", on_connect)
    client.on("close", on_close)


server.listen(name, on_listening)

if __name__ == "__main__" and not os.environ.get("NODENET_UV_NO_RUN"):
    from nodenet_uv import run

    run()
