"""Rules 1, 2, 19 (§15) in global order; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, process, run
from nodenet_uv.testing.trace import alias, mark, trace

server = net.createServer(lambda sock: sock.resume())


def on_listening() -> None:
    port = server.address()["port"]
    alias(port, "<port>")
    c = net.connect(port, "127.0.0.1", lambda: mark("ip", "connect-cb"))
    trace(c, "ip", ["connectionAttempt", "connect", "ready", "close"])
    process.nextTick(lambda: mark("ip", "tick-after-connect()"))

    def on_connect() -> None:
        mark("ip", "connect-listener")
        process.nextTick(lambda: mark("ip", "tick-in-connect"))

    def on_ready() -> None:
        mark("ip", "ready-listener")
        c.destroy()

    def on_close() -> None:
        seen: list[str] = []
        s = net.connect(
            {
                "port": port,
                "host": "sync.test",
                "family": 4,
                "lookup": lambda host, opts, cb: cb(None, "127.0.0.1", 4),
            }
        )
        orig = s.emit

        def emit(ev: Any, *args: Any) -> Any:
            seen.append(ev)
            return orig(ev, *args)

        s.emit = emit  # type: ignore[method-assign]
        mark("sync-lookup", "returned", s.connecting)
        trace(s, "sync-lookup", ["lookup", "connectionAttempt", "connect", "close"])

        def s_connect() -> None:
            mark("sync-lookup", "seen-by-late-wrapper", seen)
            s.destroy()

        s.on("connect", s_connect)
        s.on("close", lambda: server.close())

    c.on("connect", on_connect)
    c.on("ready", on_ready)
    c.on("close", on_close)


server.listen(0, "127.0.0.1", on_listening)
run()
