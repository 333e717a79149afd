"""Rule 8 (§15): allowHalfOpen true; the twin of the .js file."""

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout


def on_connection(sock: net.Socket) -> None:
    trace(sock, "server-socket")
    mark("server-socket", "allowHalfOpen", sock.allowHalfOpen)

    def later() -> None:
        mark("server-socket", "later:readyState", sock.readyState)
        mark("server-socket", "later:writableEnded", sock.writableEnded)
        sock.write("reply", lambda *_: mark("server-socket", "write-cb", sock.readyState))
        sock.end(lambda *_: mark("server-socket", "end-cb", sock.readyState))

    def on_end() -> None:
        mark("server-socket", "end:readyState", sock.readyState)
        setTimeout(later, 30)

    sock.on("data", lambda _d: None)
    sock.on("end", on_end)
    sock.on("close", lambda: server.close())


server = net.createServer({"allowHalfOpen": True}, on_connection)


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = trace(
        net.connect(server.address()["port"], "127.0.0.1"),
        "client",
        ["data", "end", "finish", "close", "error"],
    )
    client.end("hi")
    client.on("data", lambda _d: mark("client", "data:readyState", client.readyState))


server.listen(0, "127.0.0.1", on_listening)
run()
