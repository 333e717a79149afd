"""Rule 6 (§15): peer FIN with allowHalfOpen false; the twin of the .js file."""

from nodenet_uv import net, process, run
from nodenet_uv.testing.trace import alias, mark, trace


def on_connection(sock: net.Socket) -> None:
    trace(sock, "server-socket")
    sock.on("data", lambda _d: mark("server-socket", "data:readyState", sock.readyState))
    mark("server-socket", "readyState", sock.readyState)
    mark("server-socket", "flags", [sock.pending, sock.connecting, sock.allowHalfOpen])

    def on_end() -> None:
        mark("server-socket", "end:readyState", sock.readyState)
        mark("server-socket", "end:flags", [sock.readableEnded, sock.writableEnded, sock.writable])
        process.nextTick(
            lambda: mark("server-socket", "end+tick:writableEnded", sock.writableEnded)
        )

    def on_finish() -> None:
        mark("server-socket", "finish:readyState", sock.readyState)
        mark("server-socket", "finish:destroyed", sock.destroyed)

    def on_close() -> None:
        mark("server-socket", "close:readyState", sock.readyState)
        server.close()

    sock.on("end", on_end)
    sock.on("finish", on_finish)
    sock.on("close", on_close)


server = trace(net.createServer(on_connection), "server")


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = net.connect(server.address()["port"], "127.0.0.1")
    client.end("hello")
    client.resume()


server.listen(0, "127.0.0.1", on_listening)
run()
