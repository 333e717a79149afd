"""Rule 20 (§15): when 'close' comes; the twin of the .js file (globally ordered)."""

from nodenet_uv import net, process, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setImmediate

bare = trace(net.Socket(), "bare", ["close"])
bare.destroy()
process.nextTick(lambda: mark("bare", "tick-after-destroy"))


def on_connection(sock: net.Socket) -> None:
    sock.on("error", lambda _e: None)
    sock.resume()


server = trace(net.createServer(on_connection), "server", ["close"])


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    mark("server", "listening")

    def on_connect() -> None:
        client.destroy()
        mark("client", "destroyed", client.destroyed)
        process.nextTick(lambda: mark("client", "tick"))
        setImmediate(lambda: mark("client", "immediate"))

    def on_close() -> None:
        server.close(lambda *_: mark("server", "close-cb"))
        process.nextTick(lambda: mark("server", "tick-after-close"))

    client = trace(
        net.connect(server.address()["port"], "127.0.0.1", on_connect), "client", ["close"]
    )
    client.on("close", on_close)


server.listen(0, "127.0.0.1", on_listening)
run()
