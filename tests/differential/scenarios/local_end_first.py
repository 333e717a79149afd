"""Rule 7 (§15): local end() first; the twin of the .js file."""

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout


def on_connection(sock: net.Socket) -> None:
    sock.resume()
    sock.on("end", lambda: setTimeout(lambda: sock.end("late"), 50))


server = net.createServer({"allowHalfOpen": True}, on_connection)


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = trace(net.connect(server.address()["port"], "127.0.0.1"), "client")

    def on_connect() -> None:
        client.end()
        mark("client", "after-end:readyState", client.readyState)
        mark("client", "after-end:flags", [client.writableEnded, client.writableFinished])

    def on_finish() -> None:
        mark("client", "finish:readyState", client.readyState)
        setTimeout(lambda: mark("client", "finish+20ms:readyState", client.readyState), 20)

    def on_close() -> None:
        mark("client", "close:readyState", client.readyState)
        server.close()

    client.on("connect", on_connect)
    client.on("data", lambda _d: mark("client", "data:readyState", client.readyState))
    client.on("finish", on_finish)
    client.on("end", lambda: mark("client", "end:readyState", client.readyState))
    client.on("close", on_close)


server.listen(0, "127.0.0.1", on_listening)
run()
