"""Node 24.22: net.BoundSocket adopted by a Socket and a Server; the twin of the .js file."""

import os
import tempfile
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace

tmp = tempfile.mkdtemp(prefix="bound-")
alias(tmp, "<dir>")


def attempt(label: str, fn: Any) -> None:
    try:
        mark(label, "ok", fn())
    except Exception as err:
        mark(label, "throws", [err.code, str(err)])  # type: ignore[attr-defined]


attempt("bad-host", lambda: net.BoundSocket({"host": "localhost"}))
attempt("bad-v6only", lambda: net.BoundSocket({"ipv6Only": 1}))
attempt("pipe-mutex", lambda: net.BoundSocket({"path": os.path.join(tmp, "x"), "port": 1}))
closed = net.BoundSocket({"host": "127.0.0.1"})
closed.close()
attempt("closed", lambda: closed.address())

bound = net.BoundSocket({"host": "127.0.0.1"})
bport = bound.address()["port"]
alias(bport, "<bport>")
mark("bound", "address", bound.address())


def on_connection(c: Any) -> None:
    mark("server", "peer-is-bound", c.remotePort == bport)
    c.end("hi")


server = trace(net.createServer(on_connection), "server")


def on_listening() -> None:
    port = server.address()["port"]
    alias(port, "<port>")
    client = trace(net.Socket({"handle": bound}), "client")
    attempt("adopted", lambda: bound.address())
    mark("client", "before", [client.localPort, client.connecting, client.readyState])
    client.connect(port, "127.0.0.1")
    client.resume()
    mark("client", "in-tick", [client.connecting, client.localAddress, client.localPort])

    def on_client_close(*_: Any) -> None:
        pserver = trace(net.createServer(lambda c: c.end("p")), "pserver")

        def on_plistening() -> None:
            mark("pserver", "address", pserver.address())
            pclient = trace(
                net.Socket({"handle": net.BoundSocket({"path": os.path.join(tmp, "c.sock")})}),
                "pclient",
            )
            mark("pclient", "before", [pclient.localAddress, pclient.readyState])
            pclient.connect({"path": pserver.address()})
            pclient.resume()

            def on_pclose(*_: Any) -> None:
                mark("pclient", "after", pclient.localAddress)
                pserver.close()
                server.close()

            pclient.on("close", on_pclose)

        pserver.listen(net.BoundSocket({"path": os.path.join(tmp, "s.sock")}), on_plistening)

    client.on("close", on_client_close)


server.listen(net.BoundSocket({"host": "127.0.0.1"}), on_listening)
run()
