"""Pipe lifecycle (node-net-internals.md §13); the twin of the .js file."""

import os
import tempfile

from nodenet_uv import net
from nodenet_uv.testing.trace import alias, mark, trace

dir_ = tempfile.mkdtemp(prefix="nodenet-uv-diff-")
sock_path = os.path.join(dir_, "lifecycle.sock")
alias(dir_, "<dir>")


def on_connection(sock: net.Socket) -> None:
    trace(sock, "server-socket", ["data", "end", "finish", "close", "error"])
    mark(
        "server-socket",
        "addresses",
        [sock.remoteAddress, sock.localAddress, sock.address(), sock.remotePort],
    )
    sock.on("data", lambda d: sock.write(d))

    def on_end() -> None:
        mark("server-socket", "bytes at end", [sock.bytesRead, sock.bytesWritten])
        sock.end("bye")

    sock.on("end", on_end)


server = trace(
    net.createServer(on_connection), "server", ["listening", "connection", "close", "error"]
)


def on_listening() -> None:
    mark("server", "address", server.address())
    mark("server", "file exists", os.path.exists(sock_path))
    client = trace(net.connect(sock_path), "client")
    mark("client", "state", [client.readyState, client.pending, client.connecting])

    def on_connect() -> None:
        mark(
            "client",
            "addresses",
            [client.remoteAddress, client.localAddress, client.address(), client.remoteFamily],
        )
        mark("client", "state", [client.readyState, client.pending, client.connecting])
        client.write("hello")

    client.on("connect", on_connect)
    client.once("data", lambda _d: client.end())
    client.on("finish", lambda: mark("client", "state", [client.readyState]))

    def on_server_closed(*_: object) -> None:
        mark("server", "file exists after close", os.path.exists(sock_path))
        mark("server", "address after close", server.address())
        os.rmdir(dir_)

    def on_close(*_: object) -> None:
        mark("client", "bytes", [client.bytesRead, client.bytesWritten])
        server.close(on_server_closed)

    client.on("close", on_close)


server.listen(sock_path, on_listening)

if __name__ == "__main__" and not os.environ.get("NODENET_UV_NO_RUN"):
    from nodenet_uv import run

    run()
