"""Rules 1, 3, 6 (§15) on a Unix socket; the twin of the .js file."""

import os
import shutil
import tempfile
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace

tmp = tempfile.mkdtemp(prefix="nodenet-")
alias(tmp, "<dir>")
sock_path = os.path.join(tmp, "s.sock")


def on_connection(sock: net.Socket) -> None:
    trace(sock, "server-socket", ["data", "end", "finish", "close"])
    mark("server-socket", "addresses", [sock.address(), sock.remoteAddress])
    sock.resume()


server = trace(net.createServer(on_connection), "server", ["listening", "close"])


def on_listening() -> None:
    mark("server", "address", server.address())
    c = net.connect(sock_path)
    trace(c, "client", ["connectionAttempt", "connect", "ready", "end", "finish", "close"])

    def on_connect() -> None:
        mark("client", "addresses", [c.address(), c.remoteAddress, c.readyState])
        c.end("x")

    def on_server_closed(*_: Any) -> None:
        mark("server", "file-after-close", os.path.exists(sock_path))
        bad = trace(net.connect(os.path.join(tmp, "missing.sock")), "missing")
        mark("missing", "connecting", bad.connecting)

        def on_error(err: Any) -> None:
            mark(
                "missing",
                "error:props",
                [err.errno, err.syscall, err.address, hasattr(err, "port")],
            )

        bad.on("error", on_error)
        bad.on("close", lambda: shutil.rmtree(tmp))

    c.on("connect", on_connect)
    c.resume()
    c.on("close", lambda: server.close(on_server_closed))


server.listen(sock_path, on_listening)
run()
