"""Rule 5 (§15): destroy() while connecting; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, process, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout

server = net.createServer(lambda sock: sock.destroy())
probe = net.createServer()
pending = 5


def done() -> None:
    global pending
    pending -= 1
    if pending == 0:
        server.close()


def watch(sock: net.Socket, label: str) -> net.Socket:
    trace(sock, label)

    def on_close() -> None:
        mark(label, "close:state", [sock.readyState, sock.connecting, sock.pending])
        done()

    sock.on("close", on_close)
    return sock


def slow_lookup(host: str, opts: Any, cb: Any) -> None:
    def answer() -> None:
        if opts.get("all"):
            cb(None, [{"address": "127.0.0.1", "family": 4}])
        else:
            cb(None, "127.0.0.1", 4)

    setTimeout(answer, 20)


def on_listening() -> None:
    port = server.address()["port"]
    alias(port, "<port>")
    a = watch(net.connect(port, "127.0.0.1"), "sync")
    a.destroy()
    mark("sync", "after-destroy", [a.readyState, a.connecting, a.destroyed])

    b = watch(net.connect(port, "127.0.0.1"), "in-attempt")
    # (A destroy() inside the 'connectionAttempt' listener crashes node 20: defer it.)
    b.on("connectionAttempt", lambda *_: process.nextTick(b.destroy))

    d = watch(
        net.connect({"port": port, "host": "slow.invalid", "family": 4, "lookup": slow_lookup}),
        "in-lookup-single",
    )
    setTimeout(d.destroy, 5)
    e = watch(
        net.connect({"port": port, "host": "slow.invalid", "lookup": slow_lookup}),
        "in-lookup-multi",
    )
    setTimeout(e.destroy, 5)

    def on_probe_listening() -> None:
        dead = probe.address()["port"]
        alias(dead, "<dead-port>")

        def on_probe_closed() -> None:
            c = watch(net.connect(dead, "127.0.0.1"), "refused-in-attempt")
            c.on("connectionAttempt", lambda *_: process.nextTick(c.destroy))

        probe.close(on_probe_closed)

    probe.listen(0, "127.0.0.1", on_probe_listening)


server.listen(0, "127.0.0.1", on_listening)
run()
